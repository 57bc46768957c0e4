package dev.pinwheel.resolve;

import dev.pinwheel.version.PrereleasePolicy;
import java.util.Objects;

/**
 * <em>How</em> to resolve: strategy, pre-release policy, binary policy, conflict budget and parallelism.
 * <em>What</em> to resolve goes in {@link ResolutionRequest}. Immutable and thread-safe; copies come from the
 * {@code withX} methods.
 *
 * <pre>{@code
 * ResolverOptions opts = ResolverOptions.defaults()
 *     .withStrategy(ResolutionStrategy.LOWEST_DIRECT)
 *     .withOnlyBinary(PackageSelection.ALL)
 *     .withConflictBudget(100_000);
 * }</pre>
 *
 * @param strategy       which versions are preferred; {@link ResolutionStrategy#HIGHEST} by default
 * @param prereleases    when pre-releases may be chosen; {@link PrereleasePolicy#IF_NECESSARY_OR_EXPLICIT} by
 *                       default. Decided per project, as uv does: a project's pre-releases are allowed when a
 *                       root requirement, constraint or override of it names a pre-release (explicit), or when
 *                       every version of it is a pre-release (necessary); then any requirement may match them
 * @param onlyBinary     packages for which source distributions are not used (as pip's {@code --only-binary})
 * @param noBinary       packages for which wheels are not used (as pip's {@code --no-binary})
 * @param conflictBudget the solver conflicts one resolution may spend, positive; past it
 *                       {@link ResolutionTimeoutException} is thrown. Deterministic, unlike a wall-clock limit
 * @param parallelism    how many index requests one resolution makes at once, positive
 */
public record ResolverOptions(ResolutionStrategy strategy, PrereleasePolicy prereleases, PackageSelection onlyBinary,
                              PackageSelection noBinary, int conflictBudget, int parallelism) {

    /** The default conflict budget: ample for real resolutions, small enough to stop pathological ones in seconds. */
    public static final int DEFAULT_CONFLICT_BUDGET = 200_000;

    public ResolverOptions {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(prereleases, "prereleases");
        Objects.requireNonNull(onlyBinary, "onlyBinary");
        Objects.requireNonNull(noBinary, "noBinary");
        if (conflictBudget <= 0) {
            throw new IllegalArgumentException("conflictBudget <= 0: " + conflictBudget);
        }
        if (parallelism <= 0) {
            throw new IllegalArgumentException("parallelism <= 0: " + parallelism);
        }
    }

    /** Highest versions, the PEP 440 pre-release default, wheels and sdists, the default budget, 8 parallel requests. */
    public static ResolverOptions defaults() {
        return new ResolverOptions(ResolutionStrategy.HIGHEST, PrereleasePolicy.defaultPolicy(), PackageSelection.NONE,
                PackageSelection.NONE, DEFAULT_CONFLICT_BUDGET, 8);
    }

    /** A copy with another strategy. */
    public ResolverOptions withStrategy(ResolutionStrategy value) {
        return new ResolverOptions(value, prereleases, onlyBinary, noBinary, conflictBudget, parallelism);
    }

    /** A copy with another pre-release policy. */
    public ResolverOptions withPrereleases(PrereleasePolicy value) {
        return new ResolverOptions(strategy, value, onlyBinary, noBinary, conflictBudget, parallelism);
    }

    /** A copy in which the selected packages use wheels only. */
    public ResolverOptions withOnlyBinary(PackageSelection value) {
        return new ResolverOptions(strategy, prereleases, value, noBinary, conflictBudget, parallelism);
    }

    /** A copy in which the selected packages use source distributions only. */
    public ResolverOptions withNoBinary(PackageSelection value) {
        return new ResolverOptions(strategy, prereleases, onlyBinary, value, conflictBudget, parallelism);
    }

    /** A copy with another conflict budget. */
    public ResolverOptions withConflictBudget(int value) {
        return new ResolverOptions(strategy, prereleases, onlyBinary, noBinary, value, parallelism);
    }

    /** A copy with another request parallelism. */
    public ResolverOptions withParallelism(int value) {
        return new ResolverOptions(strategy, prereleases, onlyBinary, noBinary, conflictBudget, value);
    }
}
