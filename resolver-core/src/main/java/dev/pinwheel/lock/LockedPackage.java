package dev.pinwheel.lock;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Version;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One pin of a lock. Immutable and thread-safe.
 *
 * @param name    the project
 * @param version the chosen version
 * @param extras  the extras activated, sorted
 * @param files   the files usable on the target, best wheel first, the sdist last
 * @param index   the URL of the index the files came from, as configured, if known
 * @param marker  a PEP 508 marker printed with the pin where it tells why the pin is conditional (pip-compile keeps
 *                the markers of root requirements)
 * @param via     what required this pin: normalized package names and input labels, de-duplicated and sorted
 *                case-insensitively
 * @param url     for a package a direct URL requirement named, that URL (its only file is the one at that URL)
 */
public record LockedPackage(PackageName name, Version version, SortedSet<String> extras, List<LockedFile> files,
                            Optional<String> index, Optional<String> marker, List<String> via, Optional<String> url) {
    public LockedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
        files = List.copyOf(files);
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(marker, "marker");
        via = via.stream().distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder())).toList();
        Objects.requireNonNull(url, "url");
    }

    /** A package from an index. */
    public LockedPackage(PackageName name, Version version, SortedSet<String> extras, List<LockedFile> files,
                         Optional<String> index, Optional<String> marker, List<String> via) {
        this(name, version, extras, files, index, marker, via, Optional.empty());
    }
}
