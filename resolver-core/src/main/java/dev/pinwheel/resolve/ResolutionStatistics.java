package dev.pinwheel.resolve;

import java.time.Duration;
import java.util.Objects;

/**
 * What a resolution cost. Immutable and thread-safe.
 *
 * @param projectsFetched    how many project pages were read from the index
 * @param metadataFetched    how many metadata documents were read from the index (a version whose first file's
 *                           metadata is unusable costs one per file tried)
 * @param speculativeFetches of those pages and documents, how many were read ahead of the resolver's demand,
 *                           along the path a greedy resolution takes (needed later, or wasted)
 * @param wastedFetches      of the speculative ones, how many the resolution never used (read, or started
 *                           and abandoned when the resolution ended). Zero when fetching is sequential
 * @param candidates      candidate versions encoded (extras included)
 * @param constraints     constraints encoded
 * @param rounds          solve rounds of the lazy expansion
 * @param solverCalls     SAT calls, explanation included
 * @param conflicts       solver conflicts, explanation included
 * @param time            wall-clock time of the resolution
 */
public record ResolutionStatistics(int projectsFetched, int metadataFetched, int speculativeFetches,
                                   int wastedFetches, int candidates, int constraints, int rounds, int solverCalls,
                                   long conflicts, Duration time) {
    public ResolutionStatistics {
        Objects.requireNonNull(time, "time");
    }
}
