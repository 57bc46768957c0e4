package dev.pinwheel.server;

import dev.pinwheel.index.PackageIndex;

/**
 * Turns one canonical request into an {@link Outcome} against an index: the single seam between the HTTP side
 * and the resolver. Implementations are thread-safe.
 */
interface ResolutionEngine {

    /**
     * Resolves {@code input} against {@code index}.
     *
     * @param conflictBudget the solver's budget for this resolution
     * @throws ProblemException     a 502 naming the index when it failed, a 422 when the budget ran out
     * @throws InterruptedException when the server is shutting down
     */
    Outcome resolve(ResolveInput input, PackageIndex index, int conflictBudget)
            throws ProblemException, InterruptedException;
}
