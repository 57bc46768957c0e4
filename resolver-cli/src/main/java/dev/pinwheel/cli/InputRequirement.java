package dev.pinwheel.cli;

import dev.pinwheel.requirement.Requirement;

import java.util.List;
import java.util.Objects;

/**
 * A requirement as read from an input, with where it came from: the {@code # via} label of its input
 * (as pip-compile writes it: {@code -r requirements.in}, {@code -c constraints.txt}, {@code demo (pyproject.toml)})
 * and its position for error messages. Immutable and thread-safe.
 *
 * @param requirement the parsed requirement
 * @param via         the label {@code # via} lines show for this input
 * @param location    {@code file:line}, or {@code command line}
 * @param hashes      {@code --hash} values given on the line, as {@code algorithm:hex}
 */
record InputRequirement(Requirement requirement, String via, String location, List<String> hashes) {
    InputRequirement {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(location, "location");
        hashes = List.copyOf(hashes);
    }
}
