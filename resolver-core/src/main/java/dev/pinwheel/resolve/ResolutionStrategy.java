package dev.pinwheel.resolve;

/**
 * Which versions the resolver prefers, as uv's {@code --resolution}.
 *
 * <p>The preference becomes each candidate's rank in the objective (see {@link Resolver}): with
 * {@link #HIGHEST} the newest usable version of a project has rank 0, the next newest rank 1, and so on.
 */
public enum ResolutionStrategy {
    /** Prefer the newest versions of every package (the default). */
    HIGHEST,
    /** Prefer the oldest versions of every package, for testing lower bounds. */
    LOWEST,
    /** Prefer the oldest versions of the directly required packages and the newest of the others. */
    LOWEST_DIRECT
}
