package dev.pinwheel.resolve;

import dev.pinwheel.name.PackageName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a successful resolution: one pinned version per package, the dependency edges that explain
 * why each is there, and statistics. Immutable and thread-safe.
 *
 * @param packages     the pinned packages, sorted by normalised name
 * @param dependencies the edges between them (and from the roots), in a deterministic order
 * @param statistics   what the resolution cost
 */
public record Resolution(List<ResolvedPackage> packages, List<ResolvedDependency> dependencies,
                         ResolutionStatistics statistics) {

    public Resolution {
        packages = List.copyOf(packages);
        dependencies = List.copyOf(dependencies);
        Objects.requireNonNull(statistics, "statistics");
    }

    /** The pinned package named {@code name}, if it is part of the resolution. */
    public Optional<ResolvedPackage> get(PackageName name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** {@code name==version} for each package, in order. */
    public List<String> pins() {
        return packages.stream().map(ResolvedPackage::pin).toList();
    }
}
