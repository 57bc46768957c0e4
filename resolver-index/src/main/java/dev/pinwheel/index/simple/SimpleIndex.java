package dev.pinwheel.index.simple;

import dev.pinwheel.index.DirectDistribution;
import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.index.internal.Archives;
import dev.pinwheel.index.internal.ByteSource;
import dev.pinwheel.index.internal.Credentials;
import dev.pinwheel.index.internal.DirectFiles;
import dev.pinwheel.index.internal.DiskCache;
import dev.pinwheel.index.internal.DistributionMetadata;
import dev.pinwheel.index.internal.FetchException;
import dev.pinwheel.index.internal.Fetcher;
import dev.pinwheel.index.internal.FileByteSource;
import dev.pinwheel.index.internal.FileLinks;
import dev.pinwheel.index.internal.Hashes;
import dev.pinwheel.index.internal.HttpSettings;
import dev.pinwheel.index.internal.PageFormatException;
import dev.pinwheel.index.internal.PageEntry;
import dev.pinwheel.index.internal.ParsedPage;
import dev.pinwheel.index.internal.Response;
import dev.pinwheel.index.internal.SimplePages;
import dev.pinwheel.index.internal.Uris;
import dev.pinwheel.index.internal.ZipReader;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.tags.WheelFilename;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * A package index that speaks the simple repository API: PEP 503 HTML and PEP 691 JSON (JSON asked for
 * first with {@code Accept}, whichever is served is read), with PEP 592 yanking, PEP 658/714 metadata files and
 * PEP 700 fields. Reached over {@code http}/{@code https}, or on disk with a {@code file:} URL (a static index:
 * {@code <repo>/simple/<project>/index.html}, whose links may point anywhere under {@code <repo>}, the directory
 * that holds the index directory, and nowhere above it).
 *
 * <p>Project pages are at {@code <index URL>/<normalized name>/}; a <em>flat</em> index ({@link Builder#flat()}, pip's
 * {@code --find-links URL}) is instead one page listing the files of any number of projects, read once and
 * filtered by project name. Metadata comes by the cheapest route:
 * <ol>
 *   <li>the {@code .metadata} file next to the distribution when the page says one exists (PEP 658/714),
 *       checked against its hash;</li>
 *   <li>for a wheel, HTTP range requests that read only the end of the zip (the central directory and, usually,
 *       {@code METADATA} in one request); a server that ignores ranges sends the whole file, which is then
 *       checked against the page's hash;</li>
 *   <li>otherwise the whole file, checked against the page's hash. For an sdist, {@code PKG-INFO} is used
 *       only with {@code Metadata-Version} 2.2 or later and no dependency field {@code Dynamic} (PEP 643);
 *       other sdists raise {@link dev.pinwheel.index.MetadataUnavailableException}: Pinwheel never runs a build.</li>
 * </ol>
 * A hash mismatch is always a {@link dev.pinwheel.index.HashMismatchException} and nothing from that file is
 * used. A wheel read by ranges is not hashed as a whole (only its {@code METADATA} entry is read, CRC-checked);
 * the installer checks the whole file's hash when it downloads it.
 *
 * <p>With a cache directory, pages are revalidated with {@code ETag}/{@code Last-Modified} and kept for their
 * {@code Cache-Control: max-age}; metadata is kept for good under the hash it was verified against. Metadata is
 * also cached in memory per index. Credentials in the URL's user information (or a netrc file) are sent only to
 * the index's origin and never appear in messages.
 *
 * <pre>{@code
 * try (SimpleIndex pypi = SimpleIndex.create(URI.create("https://pypi.org/simple/"), IndexOptions.defaults())) {
 *     ProjectPage page = pypi.project(PackageName.parse("requests")).orElseThrow();
 *     Metadata m = pypi.metadata(page.files().get(0));
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link #project} and {@link #metadata} may be called from many threads; requests in flight
 * are bounded by {@link IndexOptions#maxParallelRequests()}.
 */
public final class SimpleIndex implements PackageIndex {
    private static final System.Logger LOG = System.getLogger(SimpleIndex.class.getName());
    /** Bytes read from the end of a wheel first: its central directory and, usually, its {@code .dist-info}. */
    private static final int TAIL_BYTES = 64 * 1024;

    private final URI url;
    private final String id;
    private final Fetcher fetcher;
    private final boolean rangeRequests;
    private final Optional<Path> localRoot;
    private final Path tempDir;
    private final ConcurrentHashMap<String, CompletableFuture<Metadata>> metadata = new ConcurrentHashMap<>();
    private final boolean flat;
    /** A flat index's page, read once: the parsed page and its revision. */
    private FlatPage flatPage;

    private record FlatPage(ParsedPage page, Optional<String> revision) {
    }

    private SimpleIndex(Builder b) throws IndexException {
        String s = b.url.toString();
        this.flat = b.flat;
        this.url = flat || s.endsWith("/") ? b.url : URI.create(s + "/");
        this.id = b.id.orElse(Uris.redact(url));
        if (!Uris.isHttp(url) && !Uris.isFile(url)) {
            throw new IndexException(id, url, "Unsupported index URL: expected `http`, `https` or `file`");
        }
        Credentials creds = Credentials.NONE.withUserInfoOf(url);
        Optional<Path> netrc = b.netrc.or(() -> b.options.netrc());
        if (netrc.isPresent()) {
            try {
                creds = creds.withNetrc(netrc.get());
            } catch (IOException e) {
                throw new IndexException(id, url, "Cannot read the netrc file `" + netrc.get() + "`: " + e.getMessage(), e);
            }
        }
        IndexOptions o = b.options;
        HttpSettings settings = HttpSettings.defaults()
                .withUserAgent(o.userAgent())
                .withReadTimeout(o.timeout())
                .withConnectTimeout(o.timeout())
                .withMaxRetries(o.retries())
                .withMaxParallel(o.maxParallelRequests())
                .withCacheDir(o.cacheDir())
                .withOffline(o.offline())
                .withCredentials(creds)
                .withRetryDelay(b.retryDelay);
        this.fetcher = new Fetcher(settings);
        this.rangeRequests = b.rangeRequests;
        if (Uris.isFile(url)) {
            try {
                // a static index at <repo>/simple/ keeps its files beside it (<repo>/files/...): links may reach
                // anywhere under <repo>, never above it
                // a flat page's links may reach anywhere under the directory that holds it
                Path dir = Path.of(url).toAbsolutePath().normalize();
                Path root = flat ? dir.getParent() : dir.getParent() == null ? dir : dir.getParent();
                this.localRoot = Optional.of(root == null ? dir : root);
            } catch (IllegalArgumentException e) {
                throw new IndexException(id, url, "Not a usable file URL", e);
            }
        } else {
            this.localRoot = Optional.empty();
        }
        this.tempDir = o.cacheDir().map(d -> d.resolve("tmp")).orElse(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * An index at {@code url} (with or without a trailing slash; credentials may be in the user information).
     *
     * @throws IndexException if the URL is not {@code http}, {@code https} or {@code file}
     */
    public static SimpleIndex create(URI url, IndexOptions options) throws IndexException {
        return builder(url).options(options).build();
    }

    /** A builder for an index at {@code url}. */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    /** Settings of a {@link SimpleIndex}; not thread-safe, use once. */
    public static final class Builder {
        private final URI url;
        private Optional<String> id = Optional.empty();
        private IndexOptions options = IndexOptions.defaults();
        private Optional<Path> netrc = Optional.empty();
        private Duration retryDelay = Duration.ofMillis(250);
        private boolean rangeRequests = true;
        private boolean flat;

        private Builder(URI url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /** The name used in messages and on files; defaults to the URL without credentials. */
        public Builder id(String id) {
            this.id = Optional.of(Objects.requireNonNull(id, "id"));
            return this;
        }

        /** Cache directory, offline mode, timeout, retries, parallelism and user agent; {@link IndexOptions#defaults()} if not set. */
        public Builder options(IndexOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** A netrc file whose {@code machine} entries supply credentials by host. */
        public Builder netrc(Path netrc) {
            this.netrc = Optional.of(Objects.requireNonNull(netrc, "netrc"));
            return this;
        }

        /** The delay before the first retry (doubled for each further one); 250 ms by default. */
        public Builder retryDelay(Duration delay) {
            this.retryDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** Whether wheels' metadata may be read with HTTP range requests (default true). */
        public Builder rangeRequests(boolean enabled) {
            this.rangeRequests = enabled;
            return this;
        }

        /**
         * The URL is one HTML (or PEP 691 JSON) page whose links are distribution files of any projects, as pip's
         * {@code --find-links https://host/links.html} reads: each project's page is the page's files of that
         * project. The page is read once per index (and revalidated through the cache like any page).
         */
        public Builder flat() {
            this.flat = true;
            return this;
        }

        /** @throws IndexException if the URL is not {@code http}, {@code https} or {@code file} */
        public SimpleIndex build() throws IndexException {
            return new SimpleIndex(this);
        }
    }

    @Override
    public String id() {
        return id;
    }

    /** The index URL, ending with {@code /}. */
    public URI url() {
        return url;
    }

    /** How many HTTP requests this index has sent (attempts and redirect hops included). */
    public int requestCount() {
        return fetcher.networkRequests();
    }

    @Override
    public Optional<ProjectPage> project(PackageName project) throws IndexException {
        Objects.requireNonNull(project, "project");
        if (flat) {
            return flatProject(project);
        }
        URI pageUrl = url.resolve(project.normalized() + "/");
        Response r;
        try {
            r = fetcher.getPage(pageUrl, SimplePages.ACCEPT);
        } catch (FetchException e) {
            throw new IndexException(id, pageUrl, "Cannot fetch the page of `" + project + "`: " + e.getMessage(), e);
        }
        if (r.status() == 404 || r.status() == 410) {
            return Optional.empty();
        }
        ParsedPage page;
        try {
            page = SimplePages.parse(r);
        } catch (PageFormatException e) {
            throw new IndexException(id, r.finalUri(), "Malformed simple page for `" + project + "`: " + e.problem(), e);
        }
        List<DistributionFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        FileLinks.toFiles(page, project, id, localRoot, files, skipped);
        if (!skipped.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Index " + id + ", project " + project + ": skipped " + skipped);
        }
        Optional<String> revision = r.header("etag").or(() -> Optional.of(Hashes.digest("sha256", r.body())));
        return Optional.of(new ProjectPage(project, files, skipped, id, revision));
    }

    /** The files of {@code project} on a flat page; empty when the page lists none. */
    private Optional<ProjectPage> flatProject(PackageName project) throws IndexException {
        FlatPage fp = flatPage();
        // other projects' files on the page leave no notes
        List<PageEntry> mine = fp.page().files().stream().filter(e -> FileLinks.versionFollows(e.filename(), project)).toList();
        ParsedPage page = new ParsedPage(fp.page().url(), fp.page().format(), fp.page().apiVersion(), Optional.empty(), mine, List.of());
        List<DistributionFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        FileLinks.toFiles(page, project, id, localRoot, files, skipped);
        if (files.isEmpty() && skipped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProjectPage(project, files, skipped, id, fp.revision()));
    }

    private synchronized FlatPage flatPage() throws IndexException {
        if (flatPage != null) {
            return flatPage;
        }
        Response r;
        try {
            r = fetcher.getPage(url, SimplePages.ACCEPT);
        } catch (FetchException e) {
            throw new IndexException(id, url, "Cannot fetch the page of links: " + e.getMessage(), e);
        }
        if (r.status() == 404 || r.status() == 410) {
            throw new IndexException(id, url, "The page of links does not exist (HTTP " + r.status() + ")");
        }
        try {
            ParsedPage page = SimplePages.parse(r);
            flatPage = new FlatPage(page, r.header("etag").or(() -> Optional.of(Hashes.digest("sha256", r.body()))));
            return flatPage;
        } catch (PageFormatException e) {
            throw new IndexException(id, r.finalUri(), "Malformed page of links: " + e.problem(), e);
        }
    }

    @Override
    public Metadata metadata(DistributionFile file) throws IndexException {
        Objects.requireNonNull(file, "file");
        String key = file.url() + " " + file.hashes() + " " + file.coreMetadata();
        CompletableFuture<Metadata> mine = new CompletableFuture<>();
        CompletableFuture<Metadata> existing = metadata.putIfAbsent(key, mine);
        if (existing != null) {
            return await(existing, file);
        }
        try {
            Metadata m = load(file);
            mine.complete(m);
            return m;
        } catch (IndexException | RuntimeException e) {
            if (!(e instanceof UnusableFileException)) {
                // a failure that may be transient is not remembered; a bad file stays bad
                metadata.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Metadata await(CompletableFuture<Metadata> f, DistributionFile file) throws IndexException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IndexException) {
                throw (IndexException) c;
            }
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            throw new IndexException(id, file.url(), "Cannot read the metadata of `" + file.filename().filename() + "`", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException(id, file.url(), "Interrupted while reading the metadata of `" + file.filename().filename() + "`", e);
        }
    }

    private Metadata load(DistributionFile file) throws IndexException {
        String name = file.filename().filename();
        Optional<String> refused = FileLinks.refusal(file.url(), localRoot);
        if (refused.isPresent()) {
            throw new UnusableFileException(id, file.url(), name, refused.get(), null);
        }
        boolean wheel = file.filename() instanceof WheelFilename;
        if (file.coreMetadata().isPresent()) {
            Optional<Metadata> m = fromMetadataFile(file);
            if (m.isPresent()) {
                return m.get();
            }
        }
        Optional<String> sha256 = file.sha256();
        Optional<DiskCache> cache = fetcher.cache();
        String blobKey = sha256.map(h -> DiskCache.key("archive-metadata", h)).orElse(null);
        if (blobKey != null && cache.isPresent()) {
            Optional<byte[]> hit = cache.get().readBlob("metadata", blobKey);
            if (hit.isPresent()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "cache hit: metadata of " + file.filename().filename());
                return DistributionMetadata.interpret(id, file, hit.get());
            }
        }
        if (wheel && rangeRequests && Uris.isHttp(file.url())) {
            Optional<byte[]> bytes = wheelMetadataByRanges(file);
            if (bytes.isPresent()) {
                remember(blobKey, bytes.get());
                return DistributionMetadata.interpret(id, file, bytes.get());
            }
        }
        try (FileByteSource src = openWhole(file.url(), file.filename().filename())) {
            DistributionMetadata.verify(id, file, src);
            byte[] bytes = DistributionMetadata.extract(id, file, src);
            Metadata m = DistributionMetadata.interpret(id, file, bytes);
            remember(blobKey, bytes);
            return m;
        } catch (IOException e) {
            throw new IndexException(id, file.url(), "Cannot read `" + name + "`: " + e.getMessage(), e);
        }
    }

    private void remember(String blobKey, byte[] bytes) {
        if (blobKey == null || bytes == null || fetcher.cache().isEmpty()) {
            return;
        }
        try {
            fetcher.cache().get().writeBlob("metadata", blobKey, bytes);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot write the metadata cache: " + e);
        }
    }

    /** PEP 658/714: the {@code .metadata} file; empty if the server does not have it after all (404). */
    private Optional<Metadata> fromMetadataFile(DistributionFile file) throws IndexException {
        String name = file.filename().filename() + ".metadata";
        URI murl = URI.create(Uris.withoutFragment(file.url()) + ".metadata");
        Map<String, String> hashes = file.coreMetadata().orElseThrow();
        Optional<String> algo = Hashes.strongest(hashes);
        String blobKey = algo.map(a -> DiskCache.key("core-metadata", a, hashes.get(a))).orElse(null);
        byte[] bytes = null;
        if (blobKey != null && fetcher.cache().isPresent()) {
            bytes = fetcher.cache().get().readBlob("metadata", blobKey).orElse(null);
            if (bytes != null && Hashes.check(hashes, bytes).isPresent()) {
                bytes = null; // a damaged cache entry: fetch again
            } else if (bytes != null) {
                LOG.log(System.Logger.Level.DEBUG, () -> "cache hit: " + name);
            }
        }
        if (bytes == null) {
            try {
                bytes = fetcher.getBytes(murl, DistributionMetadata.MAX_METADATA_BYTES).body();
            } catch (FetchException e) {
                if (e.kind() == FetchException.Kind.STATUS && e.status().orElse(0) == 404) {
                    LOG.log(System.Logger.Level.DEBUG, "Index " + id + " lists a metadata file it does not serve: " + Uris.redact(murl));
                    return Optional.empty();
                }
                throw new IndexException(id, murl, "Cannot fetch `" + name + "`: " + e.getMessage(), e);
            }
            DistributionMetadata.verify(id, file, name, hashes, bytes);
            remember(blobKey, bytes);
        }
        return Optional.of(DistributionMetadata.interpret(id, file, bytes));
    }

    /**
     * {@code METADATA} read with range requests; empty when the server misbehaves or the archive looks wrong,
     * so the caller falls back to the whole file (where the hash decides).
     */
    private Optional<byte[]> wheelMetadataByRanges(DistributionFile file) throws IndexException {
        String name = file.filename().filename();
        try (ByteSource src = fetcher.open(file.url(), true, TAIL_BYTES, tempDir)) {
            if (src instanceof FileByteSource) {
                // the server ignored the range and sent everything: check it as a whole download
                FileByteSource whole = (FileByteSource) src;
                DistributionMetadata.verify(id, file, whole);
                return Optional.of(Archives.wheelMetadata(whole, file.filename().name(), DistributionMetadata.MAX_METADATA_BYTES, name));
            }
            return Optional.of(Archives.wheelMetadata(src, file.filename().name(), DistributionMetadata.MAX_METADATA_BYTES, name));
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.PROTOCOL) {
                LOG.log(System.Logger.Level.DEBUG, "Range requests failed for " + e.url() + " (" + e.getMessage() + "); downloading the whole file");
                return Optional.empty();
            }
            throw new IndexException(id, file.url(), "Cannot fetch `" + name + "`: " + e.getMessage(), e);
        } catch (ZipReader.ZipFormatException e) {
            LOG.log(System.Logger.Level.DEBUG, "Reading " + name + " by ranges failed (" + e.getMessage() + "); downloading the whole file");
            return Optional.empty();
        } catch (IOException e) {
            throw new IndexException(id, file.url(), "Cannot read `" + name + "`: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the file a direct URL names, over HTTP(S) (with this index's transport, retries and credentials) or
     * from a {@code file:} URL, whole; see {@link PackageIndex#direct}.
     */
    @Override
    public DirectDistribution direct(PackageName project, URI url) throws IndexException {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(url, "url");
        if (!Uris.isHttp(url) && !Uris.isFile(url)) {
            throw new UnusableFileException(id, url, url.toString(), "only http, https and file URLs are read", null);
        }
        return DirectFiles.read(id, project, url, bare -> openWhole(bare, Uris.lastSegment(bare)));
    }

    /** The whole file at {@code url} (downloaded and hashed on the way, or opened on disk); {@code name} for messages. */
    private FileByteSource openWhole(URI url, String name) throws IndexException {
        try {
            if (Uris.isFile(url)) {
                return FileByteSource.open(Path.of(Uris.withoutFragment(url)));
            }
            return fetcher.download(url, tempDir);
        } catch (FetchException e) {
            throw new IndexException(id, url, "Cannot fetch `" + name + "`: " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IndexException(id, url, "Cannot open `" + name + "`: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        fetcher.close();
    }

    @Override
    public String toString() {
        return "SimpleIndex[" + id + "]";
    }
}
