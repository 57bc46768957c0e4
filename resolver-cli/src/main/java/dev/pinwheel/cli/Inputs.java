package dev.pinwheel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything read from the inputs of one {@code compile}: requirements, constraints, overrides, and the
 * index options found in requirements files. Mutable while the readers fill it, then only read.
 */
final class Inputs {
    final List<InputRequirement> requirements = new ArrayList<>();
    final List<InputRequirement> constraints = new ArrayList<>();
    final List<InputRequirement> overrides = new ArrayList<>();
    /** The input files as named on the command line, in order, for the report. */
    final List<String> files = new ArrayList<>();
    Optional<String> indexUrl = Optional.empty();
    final List<String> extraIndexUrls = new ArrayList<>();
    final List<String> findLinks = new ArrayList<>();
    /** {@code --only-binary} and {@code --no-binary} values found in requirements files, in order. */
    final List<String> onlyBinary = new ArrayList<>();
    final List<String> noBinary = new ArrayList<>();
    boolean noIndex;
    boolean pre;
}
