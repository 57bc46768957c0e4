package dev.pinwheel.resolve;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Version;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
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
 */
public record ResolvedPackage(PackageName name, Version version, List<DistributionFile> files,
                              SortedSet<String> extras) {

    public ResolvedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        files = List.copyOf(files);
        extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
    }

    /** {@code name==version}, as in a requirements file. */
    public String pin() {
        return name.original() + "==" + version;
    }
}
