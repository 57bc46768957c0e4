package dev.pinwheel.internal.sat;

/**
 * How a package's choice counts in the objective of an {@link OptimisationProblem}.
 *
 * <p>The objective is lexicographic; see {@link Objective} for the full definition.
 */
public enum Tier {
    /** A package named by a root requirement: its rank counts in the first, most important, level. */
    DIRECT,
    /** A package reached only through dependencies: its rank counts in the second level. */
    TRANSITIVE,
    /**
     * A helper group with no preference of its own, for example the extras of a package, whose candidates
     * mirror the base package's candidates: its rank counts nowhere; a chosen candidate still counts in
     * the third level, so that nothing auxiliary is chosen without need.
     */
    AUXILIARY
}
