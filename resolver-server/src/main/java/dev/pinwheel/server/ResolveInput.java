package dev.pinwheel.server;

import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.version.PrereleasePolicy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated request in canonical form: requirements normalised, de-duplicated and sorted; the target reduced
 * to what determines the answer; options explicit. Two requests that must get the same answer have equal
 * {@link #canonicalJson()} and so the same {@link #digest()}, which keys the result cache and coalescing.
 * Immutable and thread-safe.
 *
 * @param index         the configured index name the request chose
 * @param requirements  the root requirements, sorted by their canonical text
 * @param constraints   the constraints, sorted
 * @param overrides     the overrides, sorted
 * @param target        the target machine
 * @param strategy      {@code highest}, {@code lowest} or {@code lowest-direct}
 * @param prereleases   the pre-release policy
 * @param excludeNewer  ignore files uploaded after this instant, if present
 * @param canonicalJson the canonical form as compact JSON (fixed member order)
 * @param digest        the lower-case hex SHA-256 of {@code canonicalJson}
 */
record ResolveInput(String index, List<Requirement> requirements, List<Requirement> constraints,
                    List<Requirement> overrides, TargetSpec target, String strategy, PrereleasePolicy prereleases,
                    Optional<Instant> excludeNewer, String canonicalJson, String digest) {

    ResolveInput {
        Objects.requireNonNull(index, "index");
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(prereleases, "prereleases");
        Objects.requireNonNull(excludeNewer, "excludeNewer");
        Objects.requireNonNull(canonicalJson, "canonicalJson");
        Objects.requireNonNull(digest, "digest");
    }
}
