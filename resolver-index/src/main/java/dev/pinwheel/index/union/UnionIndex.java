package dev.pinwheel.index.union;

import dev.pinwheel.index.DirectDistribution;
import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexStrategy;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several indexes asked as one, in the order given, with uv's strategies:
 * <ul>
 *   <li>{@link IndexStrategy#FIRST_INDEX} (the default): a project comes from the first index that has it and
 *       no other. This is the defence against dependency confusion: a public index cannot supply a project that
 *       an earlier (private) index serves. For the same reason an index that <em>fails</em> stops the search:
 *       its answer is unknown, so a later index may not answer in its place. The failure names the index.</li>
 *   <li>{@link IndexStrategy#UNSAFE_BEST_MATCH}: every index's files are merged (the first index's copy of a file
 *       name wins). A failing index is reported with its name in {@link ProjectPage#skipped()} and the others
 *       still answer; only when every index fails is it an error, carrying each failure as suppressed. A
 *       dependency-confusion risk: use it only with indexes you trust.</li>
 * </ul>
 * Each file keeps the id of the index that listed it, and {@link #metadata} asks that index.
 *
 * <pre>{@code
 * PackageIndex index = UnionIndex.of(List.of(internal, pypi), IndexStrategy.FIRST_INDEX);
 * }</pre>
 *
 * <p>Immutable and thread-safe when its indexes are (as the SPI requires).
 */
public final class UnionIndex implements PackageIndex {
    private static final System.Logger LOG = System.getLogger(UnionIndex.class.getName());

    private final List<PackageIndex> indexes;
    private final Map<String, PackageIndex> byId;
    private final IndexStrategy strategy;
    private final String id;

    private UnionIndex(List<PackageIndex> indexes, IndexStrategy strategy) {
        this.indexes = List.copyOf(indexes);
        this.strategy = strategy;
        Map<String, PackageIndex> m = new LinkedHashMap<>();
        for (PackageIndex i : this.indexes) {
            if (m.putIfAbsent(i.id(), i) != null) {
                throw new IllegalArgumentException("Two indexes share the id `" + i.id() + "`; give each a distinct id");
            }
        }
        this.byId = Map.copyOf(m);
        this.id = this.indexes.stream().map(PackageIndex::id).collect(Collectors.joining(", ", "union(", ")"));
    }

    /**
     * A union of {@code indexes}, asked in order.
     *
     * @throws IllegalArgumentException if the list is empty or two indexes share an id
     */
    public static UnionIndex of(List<PackageIndex> indexes, IndexStrategy strategy) {
        Objects.requireNonNull(indexes, "indexes");
        Objects.requireNonNull(strategy, "strategy");
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("indexes is empty");
        }
        return new UnionIndex(indexes, strategy);
    }

    /** A union with the safe default, {@link IndexStrategy#FIRST_INDEX}. */
    public static UnionIndex of(List<PackageIndex> indexes) {
        return of(indexes, IndexStrategy.FIRST_INDEX);
    }

    @Override
    public String id() {
        return id;
    }

    /** How projects served by several indexes are answered. */
    public IndexStrategy strategy() {
        return strategy;
    }

    /** The indexes, in the order they are asked. */
    public List<PackageIndex> indexes() {
        return indexes;
    }

    @Override
    public Optional<ProjectPage> project(PackageName project) throws IndexException {
        Objects.requireNonNull(project, "project");
        return strategy == IndexStrategy.FIRST_INDEX ? first(project) : merged(project);
    }

    private Optional<ProjectPage> first(PackageName project) throws IndexException {
        for (PackageIndex index : indexes) {
            Optional<ProjectPage> page;
            try {
                page = index.project(project);
            } catch (IndexException e) {
                IndexException wrapped = new IndexException(index.id(), e.url().orElse(null),
                        "Index `" + index.id() + "` failed for `" + project + "`, and with the first-index strategy a later index may not answer in its place: "
                                + e.getMessage(), e);
                throw wrapped;
            }
            if (page.isPresent()) {
                return page;
            }
        }
        return Optional.empty();
    }

    private Optional<ProjectPage> merged(PackageName project) throws IndexException {
        List<DistributionFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<IndexException> failures = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean found = false;
        for (PackageIndex index : indexes) {
            Optional<ProjectPage> page;
            try {
                page = index.project(project);
            } catch (IndexException e) {
                failures.add(e);
                skipped.add("index `" + index.id() + "` failed: " + e.getMessage());
                LOG.log(System.Logger.Level.WARNING, "Index " + index.id() + " failed for " + project + ": " + e.getMessage());
                continue;
            }
            if (page.isEmpty()) {
                continue;
            }
            found = true;
            for (DistributionFile f : page.get().files()) {
                if (names.add(f.filename().filename())) {
                    files.add(f);
                } else {
                    skipped.add("`" + f.filename().filename() + "` from index `" + index.id() + "`: an earlier index lists the same file");
                }
            }
            for (String s : page.get().skipped()) {
                skipped.add(s + " (index `" + index.id() + "`)");
            }
        }
        if (failures.size() == indexes.size()) {
            IndexException all = new IndexException(id, null, "Every index failed for `" + project + "`: "
                    + failures.stream().map(e -> "`" + e.indexId() + "`").collect(Collectors.joining(", ")), failures.get(0));
            failures.stream().skip(1).forEach(all::addSuppressed);
            throw all;
        }
        if (!found) {
            if (failures.isEmpty()) {
                return Optional.empty();
            }
            // no index that answered has the project, but a failed one might: "not found" would be a guess
            IndexException unknown = new IndexException(failures.get(0).indexId(), failures.get(0).url().orElse(null),
                    "No answering index has `" + project + "`, and " + failures.stream().map(e -> "`" + e.indexId() + "`")
                            .collect(Collectors.joining(", ")) + " failed: " + failures.get(0).getMessage(), failures.get(0));
            failures.stream().skip(1).forEach(unknown::addSuppressed);
            throw unknown;
        }
        return Optional.of(new ProjectPage(project, files, skipped, id, Optional.empty()));
    }

    /**
     * Asks each index in order to read the file a direct URL names, and returns the first answer; an index that
     * cannot read such a URL ({@link UnusableFileException}) passes it on, any other failure (a hash mismatch, a
     * network error) is final. When none can read it, the first index's refusal is thrown.
     */
    @Override
    public DirectDistribution direct(PackageName project, URI url) throws IndexException {
        UnusableFileException first = null;
        for (PackageIndex i : indexes) {
            try {
                return i.direct(project, url);
            } catch (UnusableFileException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        throw first != null ? first : new UnusableFileException(id, url, url.toString(), "no index to read it", null);
    }

    @Override
    public Metadata metadata(DistributionFile file) throws IndexException {
        Objects.requireNonNull(file, "file");
        PackageIndex index = byId.get(file.indexId());
        if (index == null) {
            throw new IndexException(id, file.url(), "`" + file.filename().filename() + "` comes from index `" + file.indexId()
                    + "`, which is not part of this union");
        }
        return index.metadata(file);
    }

    /** Closes every index; the first failure is thrown after all are closed, later ones suppressed. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (PackageIndex i : indexes) {
            try {
                i.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "UnionIndex[" + strategy.cliName() + ", " + id + "]";
    }
}
