package dev.pinwheel.resolve;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.tags.TagSet;
import dev.pinwheel.version.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * <em>What</em> to resolve: root requirements, constraints, overrides, the target, preferences and an upload
 * cut-off. Immutable and thread-safe; copies come from the {@code withX} methods.
 *
 * <pre>{@code
 * ResolutionRequest req = ResolutionRequest.of(List.of(Requirement.parse("requests[socks]>=2.31")), env, tags)
 *     .withConstraints(List.of(Requirement.parse("urllib3<2")))
 *     .withPreferences(Map.of(PackageName.parse("idna"), Version.parse("3.6")))
 *     .withExcludeNewer(Instant.parse("2024-01-01T00:00:00Z"));
 * }</pre>
 *
 * @param requirements the root requirements; those whose marker is false for the target are ignored
 * @param constraints  narrow the versions of a package if it is installed, never add it (pip's {@code -c});
 *                     extras of a constraint are ignored
 * @param overrides    replace every requirement on a package, root or transitive, by these (uv's
 *                     {@code --override}); several overrides of one package apply together
 * @param target       the environment to resolve for
 * @param preferences  versions to keep if possible (from an existing lock): each gets the best rank of its
 *                     package, so it moves only when the objective must pay for it
 * @param upgrade      packages whose preferences are ignored (uv's {@code --upgrade-package}; {@code ALL} for
 *                     {@code --upgrade})
 * @param excludeNewer ignore files uploaded after this instant (files without an upload time are kept)
 */
public record ResolutionRequest(List<Requirement> requirements, List<Requirement> constraints,
                                List<Requirement> overrides, Target target, Map<PackageName, Version> preferences,
                                PackageSelection upgrade, Optional<Instant> excludeNewer) {

    public ResolutionRequest {
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(target, "target");
        preferences = Collections.unmodifiableMap(new TreeMap<>(preferences));
        Objects.requireNonNull(upgrade, "upgrade");
        Objects.requireNonNull(excludeNewer, "excludeNewer");
    }

    /** Root requirements for a target, with nothing else. */
    public static ResolutionRequest of(List<Requirement> requirements, Target target) {
        return new ResolutionRequest(requirements, List.of(), List.of(), target, Map.of(), PackageSelection.NONE,
                Optional.empty());
    }

    /**
     * Root requirements for an environment and its tags; {@code Requires-Python} is checked against the
     * environment's {@code python_full_version}.
     */
    public static ResolutionRequest of(List<Requirement> requirements, MarkerEnvironment environment, TagSet tags) {
        return of(requirements, Target.of(environment, tags));
    }

    /** A copy with these constraints. */
    public ResolutionRequest withConstraints(List<Requirement> value) {
        return new ResolutionRequest(requirements, value, overrides, target, preferences, upgrade, excludeNewer);
    }

    /** A copy with these overrides. */
    public ResolutionRequest withOverrides(List<Requirement> value) {
        return new ResolutionRequest(requirements, constraints, value, target, preferences, upgrade, excludeNewer);
    }

    /** A copy for another target. */
    public ResolutionRequest withTarget(Target value) {
        return new ResolutionRequest(requirements, constraints, overrides, value, preferences, upgrade, excludeNewer);
    }

    /** A copy with these preferred versions. */
    public ResolutionRequest withPreferences(Map<PackageName, Version> value) {
        return new ResolutionRequest(requirements, constraints, overrides, target, value, upgrade, excludeNewer);
    }

    /** A copy in which the preferences of these packages are ignored. */
    public ResolutionRequest withUpgrade(PackageSelection value) {
        return new ResolutionRequest(requirements, constraints, overrides, target, preferences, value, excludeNewer);
    }

    /** A copy that ignores files uploaded after {@code value}. */
    public ResolutionRequest withExcludeNewer(Instant value) {
        return new ResolutionRequest(requirements, constraints, overrides, target, preferences, upgrade,
                Optional.of(value));
    }
}
