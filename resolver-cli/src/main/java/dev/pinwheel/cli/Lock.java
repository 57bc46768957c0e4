package dev.pinwheel.cli;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Version;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the writers print: a resolution seen from the command line (pins with their files, the {@code via} labels,
 * the edges, the target and the inputs). Built from the resolver's {@code Resolution}; immutable and thread-safe.
 *
 * @param command    the command line shown in headers ({@code pinwheel compile …})
 * @param target     the target interpreter and platform
 * @param inputs     the input files, as named
 * @param packages   the pins, sorted by normalized name
 * @param edges      every dependency edge, sorted
 * @param statistics resolver figures for the JSON report, in a stable order
 * @param noIndex    true when no index was used (only find-links): written as {@code --no-index}
 * @param indexUrl   the primary index URL, if not the default one (written into requirements.txt)
 * @param extraIndexUrls further index URLs
 * @param findLinks  find-links locations
 */
record Lock(String command, Target target, List<String> inputs, List<Package> packages, List<Edge> edges,
            Map<String, Long> statistics, boolean noIndex, Optional<String> indexUrl, List<String> extraIndexUrls, List<String> findLinks) {

    Lock {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(target, "target");
        inputs = List.copyOf(inputs);
        packages = packages.stream().sorted(Comparator.comparing(p -> p.name().normalized())).toList();
        edges = edges.stream().sorted(Comparator.comparing(Edge::from).thenComparing(e -> e.to().normalized())
                .thenComparing(Edge::requirement)).toList();
        statistics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(statistics));
        Objects.requireNonNull(indexUrl, "indexUrl");
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
    }

    /**
     * One pin.
     *
     * @param name    the project
     * @param version the chosen version
     * @param extras  the extras activated
     * @param files   the files usable on the target, best wheel first, the sdist last
     * @param index   the base URL of the index the files came from, if any
     * @param marker  a marker to print with the pin, where it matters
     * @param via     what required this pin: package names and input labels ({@code -r requirements.in}), sorted
     */
    record Package(PackageName name, Version version, SortedSet<String> extras, List<File> files, Optional<String> index,
                   Optional<String> marker, List<String> via) {
        Package {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            extras = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(extras));
            files = List.copyOf(files);
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(marker, "marker");
            via = via.stream().distinct().sorted(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder())).toList();
        }
    }

    /**
     * A distribution file of a pin.
     *
     * @param filename   the file name
     * @param url        where to download it
     * @param wheel      true for a wheel, false for an sdist
     * @param hashes     algorithm to lower-case hex digest, sorted by algorithm
     * @param size       in bytes, if known
     * @param uploadTime when it was uploaded, if known
     */
    record File(String filename, URI url, boolean wheel, Map<String, String> hashes, OptionalLong size, Optional<Instant> uploadTime) {
        File {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(url, "url");
            hashes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(hashes));
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(uploadTime, "uploadTime");
        }
    }

    /**
     * A dependency edge: {@code from} (a pin's normalized name, or an input label) required {@code to} with
     * {@code requirement} (its text, marker included).
     */
    record Edge(String from, PackageName to, String requirement) {
        Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(requirement, "requirement");
        }
    }
}
