package dev.pinwheel.resolve;

/**
 * The solver spent its conflict budget ({@link ResolverOptions#conflictBudget()}) before finding the optimum or
 * proving there is none. The budget counts conflicts, not time, so the same request always stops at the same
 * point.
 */
public final class ResolutionTimeoutException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    private final long conflicts;

    ResolutionTimeoutException(long conflicts, int budget) {
        super(String.format(java.util.Locale.ROOT,
                "The resolver gave up after %d conflicts (budget %d); raise the conflict budget or narrow the requirements",
                conflicts, budget), null);
        this.conflicts = conflicts;
    }

    /** The conflicts spent. */
    public long conflicts() {
        return conflicts;
    }
}
