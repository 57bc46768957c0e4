package dev.pinwheel.resolve;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Version;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One pinned package of a {@link Resolution}. Immutable and thread-safe.
 *
 * @param name    the project
 * @param version the chosen version
 * @param files   the files of that version usable on the target, best first (compatible wheels by tag
 *                preference, then the source distribution), each with the hashes the index gave
 * @param extras  the extras activated, normalised and sorted
 * @param url     for a package a direct URL requirement named ({@code name @ url}), that URL without its fragment
 *                (its only file is the one at that URL)
 */
public record ResolvedPackage(PackageName name, Version version, List<DistributionFile> files,
                              SortedSet<String> extras, Optional<URI> url) {

    public ResolvedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        files = List.copyOf(files);
        extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
        Objects.requireNonNull(url, "url");
    }

    /** A package from an index. */
    public ResolvedPackage(PackageName name, Version version, List<DistributionFile> files, SortedSet<String> extras) {
        this(name, version, files, extras, Optional.empty());
    }

    /** {@code name==version}, or {@code name @ url} for a direct URL, as in a requirements file. */
    public String pin() {
        return name.original() + url.map(u -> " @ " + u).orElse("==" + version);
    }
}
