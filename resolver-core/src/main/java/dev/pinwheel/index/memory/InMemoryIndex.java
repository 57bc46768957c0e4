package dev.pinwheel.index.memory;

import dev.pinwheel.index.DirectDistribution;
import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.HashMismatchException;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.metadata.InvalidMetadataException;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.metadata.ValidationMode;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.tags.DistributionFilename;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A package index in memory: project pages and core metadata given up front. Thread-safe; the content is
 * immutable once built, and only the request counters change.
 *
 * <pre>{@code
 * InMemoryIndex index = InMemoryIndex.builder("test")
 *     .release("a", "1.0", List.of("b>=2"))                    // a-1.0-py3-none-any.whl
 *     .release("b", "2.0", List.of(), Optional.of(">=3.9"))   // with Requires-Python
 *     .build();
 * index.project(PackageName.parse("a"));                       // a page with one wheel
 * index.metadataRequests();                                    // 0 until the resolver asks
 * }</pre>
 */
public final class InMemoryIndex implements PackageIndex {

    private final String id;
    /** Pages by name, for lookup; {@link #projects} keeps the names sorted. */
    private final Map<PackageName, List<DistributionFile>> pages;
    private final List<PackageName> projects;
    private final Map<String, String> metadataText;
    private final Map<PackageName, String> failing;
    private final Map<String, Metadata> parsed = new ConcurrentHashMap<>();
    private final AtomicInteger projectRequests = new AtomicInteger();
    private final AtomicInteger metadataRequests = new AtomicInteger();

    private InMemoryIndex(String id, Map<PackageName, List<DistributionFile>> pages, List<PackageName> projects,
                          Map<String, String> metadata, Map<PackageName, String> failing) {
        this.id = id;
        this.pages = pages;
        this.projects = projects;
        this.metadataText = metadata;
        this.failing = failing;
    }

    /** A builder for an index called {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Optional<ProjectPage> project(PackageName project) throws IndexException {
        projectRequests.incrementAndGet();
        String failure = failing.get(project);
        if (failure != null) {
            throw new IndexException(id, URI.create("memory://" + id + "/" + project.normalized() + "/"), failure);
        }
        List<DistributionFile> files = pages.get(project);
        return files == null ? Optional.empty() : Optional.of(ProjectPage.of(project, files, id));
    }

    /**
     * The metadata given for {@code file}, parsed in {@link ValidationMode#RESOLUTION} mode.
     *
     * @throws UnusableFileException when the file has no metadata here or it does not parse
     */
    @Override
    public Metadata metadata(DistributionFile file) throws IndexException {
        metadataRequests.incrementAndGet();
        String key = file.filename().filename();
        Metadata done = parsed.get(key);
        if (done != null) {
            return done;
        }
        String text = metadataText.get(key);
        if (text == null) {
            throw new UnusableFileException(id, file.url(), key, "No metadata for `" + key + "`", null);
        }
        try {
            return parsed.computeIfAbsent(key, k -> Metadata.parse(text, k, ValidationMode.RESOLUTION));
        } catch (InvalidMetadataException e) {
            throw new UnusableFileException(id, file.url(), key, "Invalid metadata in `" + key + "`", e);
        }
    }

    /**
     * The file of {@code project} whose URL is {@code url} (ignoring a fragment), with its metadata; a
     * {@code #sha256=} fragment must match the file's published digest.
     *
     * @throws UnusableFileException when no file of {@code project} has that URL
     * @throws HashMismatchException when the fragment's digest differs from the file's
     */
    @Override
    public DirectDistribution direct(PackageName project, URI url) throws IndexException {
        URI bare = withoutFragment(url);
        for (List<DistributionFile> files : pages.values()) {
            for (DistributionFile f : files) {
                if (withoutFragment(f.url()).equals(bare) && f.filename().name().equals(project)) {
                    String fragment = url.getRawFragment();
                    if (fragment != null && fragment.startsWith("sha256=") && f.sha256().isPresent()
                            && !f.sha256().get().equalsIgnoreCase(fragment.substring("sha256=".length()))) {
                        throw new HashMismatchException(id, bare, f.filename().filename(), "sha256",
                                fragment.substring("sha256=".length()), f.sha256().get());
                    }
                    return new DirectDistribution(f, metadata(f));
                }
            }
        }
        throw new UnusableFileException(id, bare, bare.toString(), "no such file in this index", null);
    }

    private static URI withoutFragment(URI u) {
        String s = u.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? u : URI.create(s.substring(0, hash));
    }

    /** How many project pages were asked for. */
    public int projectRequests() {
        return projectRequests.get();
    }

    /** How many metadata documents were asked for. */
    public int metadataRequests() {
        return metadataRequests.get();
    }

    /** The names of the projects, sorted. */
    public List<PackageName> projects() {
        return projects;
    }

    /** Collects files and metadata; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Map<PackageName, List<DistributionFile>> pages = new TreeMap<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final Map<PackageName, String> failing = new TreeMap<>();

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** Adds a file with the core metadata text ({@code METADATA} format) its metadata request returns. */
        public Builder file(DistributionFile file, String metadataText) {
            pages.computeIfAbsent(file.project(), k -> new ArrayList<>()).add(file);
            metadata.put(file.filename().filename(), Objects.requireNonNull(metadataText, "metadataText"));
            return this;
        }

        /** Adds a file whose metadata cannot be read (its metadata request fails as unusable). */
        public Builder fileWithoutMetadata(DistributionFile file) {
            pages.computeIfAbsent(file.project(), k -> new ArrayList<>()).add(file);
            return this;
        }

        /** Makes every request for the project's page fail with an {@link IndexException} (to test outages). */
        public Builder failing(String name, String message) {
            failing.put(PackageName.parse(name), Objects.requireNonNull(message, "message"));
            return this;
        }

        /** Makes the project exist, even with no files. */
        public Builder project(String name) {
            pages.computeIfAbsent(PackageName.parse(name), k -> new ArrayList<>());
            return this;
        }

        /** Adds a {@code py3-none-any} wheel of {@code name==version} with these {@code Requires-Dist} lines. */
        public Builder release(String name, String version, List<String> requiresDist) {
            return release(name, version, requiresDist, Optional.empty());
        }

        /** As {@link #release(String, String, List)}, with a {@code Requires-Python} on the file and in the metadata. */
        public Builder release(String name, String version, List<String> requiresDist, Optional<String> requiresPython) {
            String filename = PackageName.normalize(name).replace('-', '_') + "-" + version + "-py3-none-any.whl";
            DistributionFile.Builder f = file(filename);
            requiresPython.ifPresent(f::requiresPython);
            return file(f.build(), metadata(name, version, requiresDist, requiresPython));
        }

        /** A file builder for {@code filename} with a made-up URL and SHA-256, to finish and pass to {@link #file}. */
        public DistributionFile.Builder file(String filename) {
            DistributionFilename parsed = DistributionFilename.parse(filename);
            return DistributionFile.builder(parsed, URI.create("memory://" + id + "/files/" + filename), id)
                    .hash("sha256", fakeSha256(filename));
        }

        /** Core metadata text for {@code name==version}. */
        public static String metadata(String name, String version, List<String> requiresDist,
                                      Optional<String> requiresPython) {
            StringBuilder b = new StringBuilder();
            b.append("Metadata-Version: 2.3\nName: ").append(name).append("\nVersion: ").append(version).append('\n');
            requiresPython.ifPresent(rp -> b.append("Requires-Python: ").append(rp).append('\n'));
            for (String r : requiresDist) {
                b.append("Requires-Dist: ").append(r).append('\n');
            }
            return b.toString();
        }

        private static String fakeSha256(String s) {
            StringBuilder hex = new StringBuilder();
            int h = s.hashCode();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format(java.util.Locale.ROOT, "%08x", h * (i + 31)));
            }
            return hex.toString();
        }

        /** The index. */
        public InMemoryIndex build() {
            Map<PackageName, List<DistributionFile>> copy = new TreeMap<>();
            pages.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new InMemoryIndex(id, Map.copyOf(copy), List.copyOf(copy.keySet()), Map.copyOf(metadata),
                    Map.copyOf(failing));
        }
    }
}
