package dev.pinwheel.server;

import dev.pinwheel.index.PackageIndex;

import java.util.Map;

/** The engine backed by Pinwheel's resolver. */
final class ResolverEngine implements ResolutionEngine {
    private final int parallelism;

    ResolverEngine(int parallelism) {
        this.parallelism = parallelism;
    }

    @Override
    public Outcome resolve(ResolveInput input, PackageIndex index, int conflictBudget) throws ProblemException {
        throw ProblemException.of(501, "not-implemented", "Not implemented",
                "This build has no resolver yet (parallelism " + parallelism + ")", Map.of());
    }
}
