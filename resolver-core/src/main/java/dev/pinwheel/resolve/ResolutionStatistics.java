package dev.pinwheel.resolve;

import java.time.Duration;
import java.util.Objects;

/**
 * What a resolution cost. Immutable and thread-safe.
 *
 * @param projectsFetched how many project pages were read from the index
 * @param metadataFetched how many metadata documents were read from the index
 * @param candidates      candidate versions encoded (extras included)
 * @param constraints     constraints encoded
 * @param rounds          solve rounds of the lazy expansion
 * @param solverCalls     SAT calls, explanation included
 * @param conflicts       solver conflicts, explanation included
 * @param time            wall-clock time of the resolution
 */
public record ResolutionStatistics(int projectsFetched, int metadataFetched, int candidates, int constraints,
                                   int rounds, int solverCalls, long conflicts, Duration time) {
    public ResolutionStatistics {
        Objects.requireNonNull(time, "time");
    }
}
