package dev.pinwheel.server;

import dev.pinwheel.lock.Lock;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;

/**
 * What one resolution produced, in the server's own terms (no resolver types), ready to render and to cache.
 * Immutable and thread-safe.
 */
sealed interface Outcome permits Outcome.Resolved, Outcome.Unsatisfiable, Outcome.TooHard {

    /**
     * A pinned set.
     *
     * @param pins  one per project, sorted by normalised name
     * @param edges the dependency edges, sorted
     * @param key   the environment key: a digest of the target and the pinned set
     * @param lock  the same pins as a lock, for {@code /v1/lock} (built as {@code pinwheel compile} builds its own)
     */
    record Resolved(List<Pin> pins, List<Edge> edges, String key, Lock lock) implements Outcome {
        public Resolved {
            pins = List.copyOf(pins);
            edges = List.copyOf(edges);
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(lock, "lock");
        }
    }

    /**
     * No solution.
     *
     * @param explanation the derivation as text
     * @param reasons     the reasons as JSON-ready data ({@code kind}, the reason's parts, {@code text})
     * @param steps       the derivation: each step's {@code premises} (indexes into {@code reasons}) and
     *                    {@code sentence}
     * @param minimal     whether the reasons were proven minimal
     */
    record Unsatisfiable(String explanation, List<Map<String, Object>> reasons, List<Map<String, Object>> steps,
                         boolean minimal) implements Outcome {
        public Unsatisfiable {
            Objects.requireNonNull(explanation, "explanation");
            reasons = List.copyOf(reasons);
            steps = List.copyOf(steps);
        }
    }

    /**
     * The solver's budget ran out. As deterministic as the other outcomes for a given index state, so it is cached
     * and revalidated like them: repeating a hard request does not repeat the work.
     *
     * @param message   the resolver's message
     * @param conflicts the conflicts spent
     * @param budget    the budget
     */
    record TooHard(String message, long conflicts, int budget) implements Outcome {
        public TooHard {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * One pinned project.
     *
     * @param name    the project name as the index spells it
     * @param version the pinned version
     * @param extras  the extras activated
     * @param file    the file to install on the target (the best-ranked wheel, else the sdist)
     * @param files   every usable file of this version for the target, {@code file} included, best first
     */
    record Pin(String name, String normalizedName, String version, List<String> extras, FileInfo file,
               List<FileInfo> files) {
        public Pin {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(normalizedName, "normalizedName");
            Objects.requireNonNull(version, "version");
            extras = List.copyOf(extras);
            Objects.requireNonNull(file, "file");
            files = List.copyOf(files);
        }
    }

    /**
     * A distribution file as the index described it.
     *
     * @param filename       the file name
     * @param url            where to download it
     * @param size           its size in bytes, if the index said
     * @param hashes         digests by algorithm, as the index published them
     * @param requiresPython the index's {@code requires-python}, if any
     * @param uploadTime     the upload time, if the index said
     * @param index          the index that listed it
     */
    record FileInfo(String filename, String url, OptionalLong size, SortedMap<String, String> hashes,
                    Optional<String> requiresPython, Optional<Instant> uploadTime, String index) {
        public FileInfo {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(size, "size");
            hashes = Collections.unmodifiableSortedMap(new TreeMap<>(hashes));
            Objects.requireNonNull(requiresPython, "requiresPython");
            Objects.requireNonNull(uploadTime, "uploadTime");
            Objects.requireNonNull(index, "index");
        }

        /** The sha256 digest, if published. */
        Optional<String> sha256() {
            return Optional.ofNullable(hashes.get("sha256"));
        }
    }

    /**
     * A dependency edge: {@code from} (empty for the request itself) requires {@code to} through {@code requirement}.
     */
    record Edge(Optional<String> from, Optional<String> fromExtra, String to, String requirement) {
        public Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(fromExtra, "fromExtra");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(requirement, "requirement");
        }
    }
}
