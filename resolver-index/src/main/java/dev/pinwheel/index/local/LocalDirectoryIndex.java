package dev.pinwheel.index.local;

import dev.pinwheel.index.DirectDistribution;
import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.index.internal.DirectFiles;
import dev.pinwheel.index.internal.DistributionMetadata;
import dev.pinwheel.index.internal.FileByteSource;
import dev.pinwheel.index.internal.FileLinks;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.tags.DistributionFilename;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A flat directory of wheels and sdists, as pip's and uv's {@code --find-links} read it: every file directly in
 * the directory whose name parses as a wheel or sdist is offered; metadata is read from the archives (a
 * wheel's {@code METADATA}; an sdist's {@code PKG-INFO} under PEP 643's rules); each file's SHA-256 is computed
 * and checked again when its metadata is read, so a file replaced in between is noticed.
 *
 * <p>The directory is listed once, on first use; files are grouped by normalized project name. Files reached
 * through a symbolic link that leaves the directory are ignored.
 *
 * <pre>{@code
 * PackageIndex wheels = LocalDirectoryIndex.open(Path.of("wheelhouse"));
 * wheels.project(PackageName.parse("foo")).orElseThrow().files();
 * }</pre>
 *
 * <p>Thread-safe; metadata is cached in memory per index.
 */
public final class LocalDirectoryIndex implements PackageIndex {
    private static final System.Logger LOG = System.getLogger(LocalDirectoryIndex.class.getName());

    private final Path dir;
    private final String id;
    private volatile List<Path> listing;
    private final ConcurrentHashMap<PackageName, ProjectPage> pages = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<DistributionFile, Metadata> metadata = new ConcurrentHashMap<>();

    private LocalDirectoryIndex(Path dir, String id) {
        this.dir = dir;
        this.id = id;
    }

    /**
     * An index over {@code dir}, named by its path.
     *
     * @throws IndexException if {@code dir} is not a directory
     */
    public static LocalDirectoryIndex open(Path dir) throws IndexException {
        Path abs = dir.toAbsolutePath().normalize();
        return open(abs, abs.toString());
    }

    /** An index over {@code dir} with the given id. */
    public static LocalDirectoryIndex open(Path dir, String id) throws IndexException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(id, "id");
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new IndexException(id, abs.toUri(), "`" + abs + "` is not a directory");
        }
        return new LocalDirectoryIndex(abs, id);
    }

    @Override
    public String id() {
        return id;
    }

    /** The directory. */
    public Path directory() {
        return dir;
    }

    private List<Path> listing() throws IndexException {
        List<Path> l = listing;
        if (l != null) {
            return l;
        }
        synchronized (this) {
            if (listing != null) {
                return listing;
            }
            List<Path> files = new ArrayList<>();
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                throw new IndexException(id, dir.toUri(), "Cannot read `" + dir + "`: " + e.getMessage(), e);
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted(Comparator.comparing(Path::toString)).toList()) {
                    if (!Files.isRegularFile(p)) {
                        continue;
                    }
                    if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(real)) {
                        LOG.log(System.Logger.Level.WARNING, "Ignoring " + p + ": a symbolic link out of " + dir);
                        continue;
                    }
                    files.add(p);
                }
            } catch (IOException e) {
                throw new IndexException(id, dir.toUri(), "Cannot list `" + dir + "`: " + e.getMessage(), e);
            }
            listing = List.copyOf(files);
            return listing;
        }
    }

    @Override
    public Optional<ProjectPage> project(PackageName project) throws IndexException {
        Objects.requireNonNull(project, "project");
        ProjectPage cached = pages.get(project);
        if (cached != null) {
            return Optional.of(cached);
        }
        // a cheap filter: the normalized file name starts with the normalized project and a separator
        String prefix = project.normalized() + "-";
        List<Path> candidates = new ArrayList<>();
        for (Path p : listing()) {
            if (PackageName.normalize(p.getFileName().toString()).startsWith(prefix)) {
                candidates.add(p);
            }
        }
        List<DistributionFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : candidates) {
            List<String> notes = new ArrayList<>();
            Optional<DistributionFilename> fn = FileLinks.parseFilename(p.getFileName().toString(), project, notes);
            if (fn.isEmpty()) {
                // a file of another project sharing the prefix (`foo-bar-1.0` for `foo`) is no concern of this one
                if (FileLinks.versionFollows(p.getFileName().toString(), project)) {
                    skipped.addAll(notes);
                }
                continue;
            }
            String sha256;
            long size;
            try {
                sha256 = FileByteSource.hashFile(p);
                size = Files.size(p);
            } catch (IOException e) {
                throw new IndexException(id, p.toUri(), "Cannot read `" + p + "`: " + e.getMessage(), e);
            }
            files.add(DistributionFile.builder(fn.get(), p.toUri(), id).hash("sha256", sha256).size(size).build());
        }
        if (files.isEmpty() && skipped.isEmpty()) {
            return Optional.empty();
        }
        ProjectPage page = new ProjectPage(project, files, skipped, id, Optional.empty());
        pages.putIfAbsent(project, page);
        return Optional.of(page);
    }

    @Override
    public Metadata metadata(DistributionFile file) throws IndexException {
        Objects.requireNonNull(file, "file");
        Metadata cached = metadata.get(file);
        if (cached != null) {
            return cached;
        }
        String name = file.filename().filename();
        Path p;
        try {
            p = Path.of(file.url()).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            throw new UnusableFileException(id, file.url(), name, "not a file in this directory", e);
        }
        if (!dir.equals(p.getParent()) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnusableFileException(id, file.url(), name, "not a file in `" + dir + "`", null);
        }
        try (FileByteSource src = FileByteSource.open(p)) {
            DistributionMetadata.verify(id, file, src);
            Metadata m = DistributionMetadata.fromArchive(id, file, src);
            metadata.putIfAbsent(file, m);
            return m;
        } catch (IOException e) {
            throw new IndexException(id, file.url(), "Cannot read `" + p + "`: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the file a {@code file:} direct URL names (anywhere on disk, not only in this directory), whole; see
     * {@link PackageIndex#direct}. Other schemes are not read.
     */
    @Override
    public DirectDistribution direct(PackageName project, URI url) throws IndexException {
        Objects.requireNonNull(project, "project");
        if (!"file".equalsIgnoreCase(url.getScheme())) {
            throw new UnusableFileException(id, url, url.toString(), "a local directory index reads only file: URLs", null);
        }
        return DirectFiles.read(id, project, url, bare -> {
            try {
                return FileByteSource.open(Path.of(bare));
            } catch (IOException | IllegalArgumentException e) {
                throw new IndexException(id, bare, "Cannot read `" + bare + "`: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public String toString() {
        return "LocalDirectoryIndex[" + dir + "]";
    }
}
