package dev.pinwheel.index.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GETs over {@link HttpClient} (HTTP/2 where offered, connections reused) and from {@code file:} URLs, with
 * what an index client needs: redirects followed by hand (so credentials go only to the origin they belong
 * to), retries with exponential back-off on 5xx, 429, resets and timeouts, an inactivity timeout, a bound on
 * requests in flight, body size limits, the on-disk {@link DiskCache} with revalidation, and offline mode.
 *
 * <p>Thread-safe: one fetcher is shared by every thread of an index. Credentials are never logged nor put in
 * exception messages: URLs go through {@link Uris#redact(URI)}.
 */
public final class Fetcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Fetcher.class.getName());
    private static final int MAX_REDIRECTS = 10;
    private static final long ERROR_BODY_LIMIT = 64 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpSettings settings;
    /** Made on the first HTTP request: a {@code file:} index never pays for its threads and selector. */
    private volatile HttpClient client;
    private final Semaphore permits;
    private final Optional<DiskCache> cache;
    private final AtomicInteger networkRequests = new AtomicInteger();

    public Fetcher(HttpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.permits = new Semaphore(settings.maxParallel(), true);
        this.cache = settings.cacheDir().map(DiskCache::new);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(settings.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_2)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    public HttpSettings settings() {
        return settings;
    }

    public Optional<DiskCache> cache() {
        return cache;
    }

    /** How many HTTP requests (each attempt and each redirect hop) this fetcher has sent. */
    public int networkRequests() {
        return networkRequests.get();
    }

    // ---------------------------------------------------------------------------------------------- pages

    /**
     * GETs a mutable resource (a project page) through the HTTP cache: a fresh entry is served without a
     * request, a stale one is revalidated with {@code If-None-Match} / {@code If-Modified-Since}. A 404 or
     * 410 is returned as a response (the project does not exist); other errors throw.
     *
     * @throws FetchException after retries, or in offline mode when the page is not cached
     */
    public Response getPage(URI uri, String accept) throws FetchException {
        URI target = Uris.withoutFragment(uri);
        if (Uris.isFile(target)) {
            return readFilePage(target);
        }
        requireHttp(target);
        String key = DiskCache.key("page", Uris.withoutUserInfo(target).toString(), accept);
        Optional<DiskCache.Entry> cached = cache.flatMap(c -> c.readHttp(key));
        long now = System.currentTimeMillis();
        if (settings.offline()) {
            return cached.map(e -> new Response(e.finalUri(), 200, e.headers(), e.body(), true))
                    .orElseThrow(() -> new FetchException(FetchException.Kind.OFFLINE, target, 0,
                            "Offline mode: `" + Uris.redact(target) + "` is not in the cache"
                                    + cache.map(c -> " at `" + c.root() + "`").orElse(" (no cache directory is set)"), null));
        }
        if (cached.isPresent() && cached.get().isFresh(now)) {
            DiskCache.Entry e = cached.get();
            return new Response(e.finalUri(), 200, e.headers(), e.body(), true);
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", accept);
        cached.ifPresent(e -> {
            Optional.ofNullable(e.headers().get("etag")).ifPresent(v -> headers.put("If-None-Match", v));
            Optional.ofNullable(e.headers().get("last-modified")).ifPresent(v -> headers.put("If-Modified-Since", v));
        });
        Result r = exchange(target, headers, info -> Sink.memory(settings.maxBodyBytes()));
        if (r.status == 304 && cached.isPresent()) {
            long maxAge = maxAge(r.headers);
            DiskCache.Entry refreshed = cached.get().refreshed(now, Math.max(maxAge, 0), validators(r.headers));
            store(key, refreshed);
            return new Response(refreshed.finalUri(), 200, refreshed.headers(), refreshed.body(), true);
        }
        if (r.status == 404 || r.status == 410) {
            return new Response(r.finalUri, r.status, r.headers, r.body.bytes(), false);
        }
        requireSuccess(r, target);
        byte[] body = r.body.bytes();
        long maxAge = maxAge(r.headers);
        if (maxAge >= 0 && cache.isPresent()) {
            Map<String, String> keep = validators(r.headers);
            Optional.ofNullable(r.headers.get("content-type")).ifPresent(v -> keep.put("content-type", v));
            store(key, new DiskCache.Entry(r.finalUri, keep, now, maxAge, body));
        }
        return new Response(r.finalUri, r.status, r.headers, body, false);
    }

    private void store(String key, DiskCache.Entry entry) {
        try {
            cache.orElseThrow().writeHttp(key, entry);
        } catch (IOException e) {
            // a cache that cannot be written costs a request next time, never correctness
            LOG.log(System.Logger.Level.WARNING, "Cannot write the HTTP cache: " + e);
        }
    }

    private static Map<String, String> validators(Map<String, String> headers) {
        Map<String, String> v = new HashMap<>();
        Optional.ofNullable(headers.get("etag")).ifPresent(x -> v.put("etag", x));
        Optional.ofNullable(headers.get("last-modified")).ifPresent(x -> v.put("last-modified", x));
        return v;
    }

    /**
     * Seconds of freshness from {@code Cache-Control} (minus {@code Age}): -1 for {@code no-store}, 0 for
     * {@code no-cache} or when absent (revalidate every time).
     */
    static long maxAge(Map<String, String> headers) {
        String cc = headers.getOrDefault("cache-control", "").toLowerCase(Locale.ROOT);
        long maxAge = 0;
        for (String d : cc.split(",")) {
            String dir = d.strip();
            if (dir.equals("no-store")) {
                return -1;
            }
            if (dir.equals("no-cache")) {
                return 0;
            }
            if (dir.startsWith("max-age=")) {
                try {
                    maxAge = Long.parseLong(dir.substring(8).replace("\"", "").strip());
                } catch (NumberFormatException e) {
                    maxAge = 0;
                }
            }
        }
        try {
            long age = Long.parseLong(headers.getOrDefault("age", "0").strip());
            maxAge -= Math.max(age, 0);
        } catch (NumberFormatException e) {
            // a malformed Age header means nothing more than no Age header
        }
        return Math.max(maxAge, 0);
    }

    private Response readFilePage(URI uri) throws FetchException {
        Path p;
        try {
            p = Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, uri, 0, "Not a usable file URL: `" + Uris.redact(uri) + "`", e);
        }
        URI finalUri = uri;
        if (Files.isDirectory(p)) {
            p = p.resolve("index.html");
            String s = uri.toString();
            finalUri = s.endsWith("/") ? uri : URI.create(s + "/");
        }
        try {
            byte[] body = Files.readAllBytes(p);
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            String type = name.endsWith(".json") ? "application/vnd.pypi.simple.v1+json"
                    : name.endsWith(".html") || name.endsWith(".htm") ? "text/html" : "application/octet-stream";
            return new Response(finalUri, 200, Map.of("content-type", type), body, false);
        } catch (NoSuchFileException e) {
            return new Response(finalUri, 404, Map.of(), new byte[0], false);
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.IO, uri, 0, "Cannot read `" + p + "`: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------- plain bytes

    /**
     * GETs a resource into memory without the HTTP cache (for immutable content the caller caches by hash).
     *
     * @throws FetchException on any non-2xx status, after retries, or in offline mode
     */
    public Response getBytes(URI uri, long limit) throws FetchException {
        URI target = Uris.withoutFragment(uri);
        if (Uris.isFile(target)) {
            Response r = readFilePage(target);
            if (r.status() == 404) {
                throw new FetchException(FetchException.Kind.STATUS, target, 404, "`" + Uris.redact(target) + "` does not exist", null);
            }
            if (r.body().length > limit) {
                throw tooLarge(target, limit);
            }
            return r;
        }
        requireHttp(target);
        requireOnline(target);
        Result r = exchange(target, Map.of(), info -> Sink.memory(limit));
        requireSuccess(r, target);
        return new Response(r.finalUri, r.status, r.headers, r.body.bytes(), false);
    }

    /**
     * Opens a distribution file for random access: a local file for {@code file:} URLs; otherwise a remote
     * source read with HTTP range requests, starting with the last {@code tailBytes} (where a wheel keeps its
     * central directory and, usually, its {@code .dist-info}). A server that answers the range request with
     * the whole file (200) has the body streamed to a temporary file in {@code tempDir}, hashed on the way.
     * With {@code useRanges} false the whole file is downloaded at once.
     */
    public ByteSource open(URI uri, boolean useRanges, int tailBytes, Path tempDir) throws FetchException {
        URI target = Uris.withoutFragment(uri);
        if (Uris.isFile(target)) {
            try {
                return FileByteSource.open(Path.of(target));
            } catch (IOException | IllegalArgumentException e) {
                throw new FetchException(FetchException.Kind.IO, target, 0, "Cannot open `" + Uris.redact(target) + "`: " + e.getMessage(), e);
            }
        }
        requireHttp(target);
        requireOnline(target);
        if (!useRanges) {
            return download(target, tempDir);
        }
        Map<String, String> headers = Map.of("Range", "bytes=-" + tailBytes, "Accept-Encoding", "identity");
        Result r = exchange(target, headers, info -> info.statusCode() == 200 ? Sink.file(tempDir, Long.MAX_VALUE) : Sink.memory(settings.maxBodyBytes()));
        if (r.status == 200) {
            return r.body.toFileSource(target);
        }
        if (r.status == 416) {
            LOG.log(System.Logger.Level.DEBUG, "Range refused (416) by " + Uris.redact(target) + "; downloading the whole file");
            return download(target, tempDir);
        }
        requireSuccess(r, target);
        if (r.status != 206) {
            throw new FetchException(FetchException.Kind.PROTOCOL, target, r.status, "Unexpected status " + r.status + " for a range request to `" + Uris.redact(target) + "`", null);
        }
        long[] range = contentRange(r, target);
        byte[] tail = r.body.bytes();
        if (range[1] - range[0] + 1 != tail.length || range[1] != range[2] - 1) {
            throw new FetchException(FetchException.Kind.PROTOCOL, target, 206, "The server sent `Content-Range: " + r.headers.get("content-range")
                    + "` with " + tail.length + " bytes for `" + Uris.redact(target) + "`", null);
        }
        return new RangeSource(target, range[2], range[0], tail);
    }

    private long[] contentRange(Result r, URI target) throws FetchException {
        String cr = r.headers.getOrDefault("content-range", "");
        Matcher m = CONTENT_RANGE.matcher(cr.strip());
        if (!m.matches() || m.group(3).equals("*")) {
            throw new FetchException(FetchException.Kind.PROTOCOL, target, r.status, "Missing or malformed `Content-Range` (`" + cr + "`) from `" + Uris.redact(target) + "`", null);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    /** Downloads a whole file into a temporary file in {@code tempDir}, hashing it on the way. */
    public FileByteSource download(URI uri, Path tempDir) throws FetchException {
        URI target = Uris.withoutFragment(uri);
        requireHttp(target);
        requireOnline(target);
        Result r = exchange(target, Map.of("Accept-Encoding", "identity"), info -> info.statusCode() / 100 == 2 ? Sink.file(tempDir, Long.MAX_VALUE) : Sink.memory(ERROR_BODY_LIMIT));
        requireSuccess(r, target);
        return r.body.toFileSource(target);
    }

    /** Reads a remote file with range requests, keeping the first (tail) response in memory. */
    private final class RangeSource implements ByteSource {
        private final URI uri;
        private final long size;
        private final long tailStart;
        private final byte[] tail;
        private int requests = 1;

        RangeSource(URI uri, long size, long tailStart, byte[] tail) {
            this.uri = uri;
            this.size = size;
            this.tailStart = tailStart;
            this.tail = tail;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public byte[] read(long offset, int length) throws IOException {
            if (offset < 0 || length < 0 || offset + length > size) {
                throw new EOFException("Range " + offset + "+" + length + " is outside `" + Uris.redact(uri) + "` (" + size + " bytes)");
            }
            if (offset >= tailStart) {
                byte[] out = new byte[length];
                System.arraycopy(tail, (int) (offset - tailStart), out, 0, length);
                return out;
            }
            if (length == 0) {
                return new byte[0];
            }
            long end = offset + length - 1;
            requests++;
            Result r = exchange(uri, Map.of("Range", "bytes=" + offset + "-" + end, "Accept-Encoding", "identity"),
                    info -> Sink.memory(Math.max((long) length, ERROR_BODY_LIMIT)));
            requireSuccess(r, uri);
            long[] range = r.status == 206 ? contentRange(r, uri) : null;
            byte[] body = r.body.bytes();
            if (range == null || range[0] != offset || range[1] != end || body.length != length || range[2] != size) {
                throw new FetchException(FetchException.Kind.PROTOCOL, uri, r.status, "The server answered a request for bytes " + offset + "-" + end
                        + " of `" + Uris.redact(uri) + "` with status " + r.status + " and `Content-Range: " + r.headers.getOrDefault("content-range", "") + "`", null);
            }
            return body;
        }

        @Override
        public Optional<String> sha256() {
            return Optional.empty();
        }

        @Override
        public int requests() {
            return requests;
        }
    }

    // ---------------------------------------------------------------------------------------- exchange

    private static FetchException tooLarge(URI uri, long limit) {
        return new FetchException(FetchException.Kind.TOO_LARGE, uri, 0, "The body of `" + Uris.redact(uri) + "` is larger than the limit of " + limit + " bytes", null);
    }

    private static void requireHttp(URI uri) throws FetchException {
        if (!Uris.isHttp(uri) || uri.getHost() == null) {
            throw new FetchException(FetchException.Kind.PROTOCOL, uri, 0, "Unsupported URL `" + Uris.redact(uri) + "`: expected `http`, `https` or `file`", null);
        }
    }

    private void requireOnline(URI uri) throws FetchException {
        if (settings.offline()) {
            throw new FetchException(FetchException.Kind.OFFLINE, uri, 0, "Offline mode: `" + Uris.redact(uri) + "` is not in the cache", null);
        }
    }

    private static void requireSuccess(Result r, URI uri) throws FetchException {
        if (r.status / 100 == 2) {
            return;
        }
        String hint = r.status == 401 || r.status == 403 ? " (check the credentials in the index URL or the netrc file)" : "";
        throw new FetchException(FetchException.Kind.STATUS, uri, r.status,
                "HTTP status " + r.status + " for `" + Uris.redact(r.finalUri) + "`" + hint, null);
    }

    private interface SinkFactory {
        Sink create(HttpResponse.ResponseInfo info) throws IOException;
    }

    /** The outcome of one logical GET: after redirects and retries. */
    private static final class Result {
        final URI finalUri;
        final int status;
        final Map<String, String> headers;
        final Sink body;

        Result(URI finalUri, int status, Map<String, String> headers, Sink body) {
            this.finalUri = finalUri;
            this.status = status;
            this.headers = headers;
            this.body = body;
        }
    }

    private Result exchange(URI uri, Map<String, String> headers, SinkFactory sinks) throws FetchException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            Result r = withRetries(current, headers, sinks);
            if (!isRedirect(r.status)) {
                return r;
            }
            r.body.discard();
            String location = r.headers.get("location");
            if (location == null || hop >= MAX_REDIRECTS) {
                throw new FetchException(FetchException.Kind.PROTOCOL, uri, r.status, (location == null
                        ? "Redirect without `Location` from `" + Uris.redact(current) + "`"
                        : "More than " + MAX_REDIRECTS + " redirects from `" + Uris.redact(uri) + "`"), null);
            }
            URI from = current;
            URI next = Uris.resolve(from, location).orElseThrow(() -> new FetchException(FetchException.Kind.PROTOCOL, uri, 0,
                    "Unusable redirect `Location` from `" + Uris.redact(from) + "`", null));
            if (!Uris.isHttp(next)) {
                throw new FetchException(FetchException.Kind.PROTOCOL, uri, 0, "Redirect from `" + Uris.redact(current) + "` to a non-HTTP URL", null);
            }
            if ("https".equalsIgnoreCase(current.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                throw new FetchException(FetchException.Kind.PROTOCOL, uri, 0, "Refusing a redirect from HTTPS to HTTP: `" + Uris.redact(current) + "` to `" + Uris.redact(next) + "`", null);
            }
            LOG.log(System.Logger.Level.DEBUG, "Redirect " + r.status + " " + Uris.redact(current) + " -> " + Uris.redact(next));
            current = Uris.withoutFragment(next);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    private Result withRetries(URI uri, Map<String, String> headers, SinkFactory sinks) throws FetchException {
        int attempts = settings.maxRetries() + 1;
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                Result r = once(uri, headers, sinks);
                if (isRetryable(r.status) && attempt < attempts) {
                    LOG.log(System.Logger.Level.DEBUG, "HTTP " + r.status + " from " + Uris.redact(uri) + "; retry " + attempt + " of " + settings.maxRetries());
                    r.body.discard();
                    backOff(uri, attempt);
                    continue;
                }
                return r;
            } catch (FetchException e) {
                throw e;
            } catch (IOException e) {
                last = e;
                if (attempt < attempts) {
                    LOG.log(System.Logger.Level.DEBUG, "Request to " + Uris.redact(uri) + " failed (" + e + "); retry " + attempt + " of " + settings.maxRetries());
                    backOff(uri, attempt);
                }
            }
        }
        boolean timeout = last instanceof HttpTimeoutException;
        String what = timeout ? "No response within " + settings.readTimeout().toMillis() + " ms"
                : "Request failed (" + last.getClass().getSimpleName() + (last.getMessage() == null ? "" : ": " + last.getMessage()) + ")";
        throw new FetchException(timeout ? FetchException.Kind.TIMEOUT : FetchException.Kind.IO, uri, 0,
                what + " for `" + Uris.redact(uri) + "` after " + attempts + (attempts == 1 ? " attempt" : " attempts"), last);
    }

    private void backOff(URI uri, int attempt) throws FetchException {
        long base = settings.retryDelay().toMillis() << Math.min(attempt - 1, 10);
        long delay = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.IO, uri, 0, "Interrupted while waiting to retry `" + Uris.redact(uri) + "`", e);
        }
    }

    private Result once(URI uri, Map<String, String> headers, SinkFactory sinks) throws IOException {
        URI bare = Uris.withoutUserInfo(uri);
        HttpRequest.Builder rb = HttpRequest.newBuilder(bare).GET().header("User-Agent", settings.userAgent());
        if ("http".equalsIgnoreCase(bare.getScheme())) {
            // no cleartext h2c upgrade dance: HTTP/2 is used where TLS negotiates it
            rb.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(rb::header);
        Credentials creds = settings.credentials().withUserInfoOf(uri);
        creds.forUri(bare).ifPresent(login -> rb.header("Authorization", login.basicHeader()));
        HttpRequest request = rb.build();

        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a connection slot");
        }
        AtomicReference<Sink> sinkRef = new AtomicReference<>();
        AtomicReference<HttpResponse.ResponseInfo> infoRef = new AtomicReference<>();
        CompletableFuture<HttpResponse<Sink>> future = null;
        try {
            networkRequests.incrementAndGet();
            long sentAt = System.nanoTime();
            HttpResponse.BodyHandler<Sink> handler = info -> {
                infoRef.set(info);
                Sink sink;
                try {
                    sink = isRedirect(info.statusCode()) || info.statusCode() >= 400
                            ? Sink.truncating(ERROR_BODY_LIMIT) : sinks.create(info);
                } catch (IOException e) {
                    sink = Sink.failed(e);
                }
                sinkRef.set(sink);
                return sink;
            };
            future = client().sendAsync(request, handler);
            long timeoutNanos = settings.readTimeout().toNanos();
            long pollMillis = Math.max(5, Math.min(250, settings.readTimeout().toMillis() / 4));
            while (true) {
                try {
                    HttpResponse<Sink> resp = future.get(pollMillis, TimeUnit.MILLISECONDS);
                    Map<String, String> h = new HashMap<>();
                    resp.headers().map().forEach((k, v) -> {
                        if (!v.isEmpty()) {
                            h.put(k.toLowerCase(Locale.ROOT), String.join(", ", v));
                        }
                    });
                    return new Result(uri, resp.statusCode(), h, resp.body());
                } catch (TimeoutException e) {
                    Sink s = sinkRef.get();
                    long lastActivity = s == null ? sentAt : Math.max(sentAt, s.lastActivity());
                    if (System.nanoTime() - lastActivity > timeoutNanos) {
                        future.cancel(true);
                        if (s != null) {
                            s.abort();
                        }
                        throw new HttpTimeoutException("No progress for " + settings.readTimeout().toMillis() + " ms");
                    }
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof FetchException) {
                        throw (FetchException) c;
                    }
                    if (c instanceof IOException) {
                        throw (IOException) c;
                    }
                    throw new IOException(c == null ? "Request failed" : c.toString(), c);
                } catch (InterruptedException e) {
                    future.cancel(true);
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted during a request to " + Uris.redact(uri));
                }
            }
        } catch (IOException e) {
            Sink s = sinkRef.get();
            if (s != null) {
                s.abort();
            }
            if (e instanceof TooLarge) {
                throw tooLarge(uri, ((TooLarge) e).limit);
            }
            throw e;
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        // HttpClient in Java 17 has no close(); its connections idle out. Nothing else is held.
    }

    /** Signals a body over its limit; not retried. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final long limit;

        TooLarge(long limit) {
            super("Body larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /**
     * A body subscriber that keeps the body in memory or streams it to a temporary file (hashing it), enforces
     * a size limit and records when bytes last arrived, for the inactivity timeout.
     */
    private static final class Sink implements HttpResponse.BodySubscriber<Sink> {
        private final CompletableFuture<Sink> done = new CompletableFuture<>();
        private final long limit;
        /** Keep the first {@code limit} bytes and drop the rest instead of failing (error pages, redirects). */
        private boolean truncate;
        private final ByteArrayOutputStream memory;
        private final Path file;
        private final FileChannel channel;
        private final MessageDigest digest;
        private volatile long lastActivity = System.nanoTime();
        private volatile Flow.Subscription subscription;
        private long received;
        private String sha256;

        private Sink(long limit, Path file, FileChannel channel) {
            this.limit = limit;
            this.file = file;
            this.channel = channel;
            this.memory = file == null ? new ByteArrayOutputStream() : null;
            this.digest = file == null ? null : DiskCache.sha256();
        }

        static Sink memory(long limit) {
            return new Sink(limit, null, null);
        }

        static Sink truncating(long limit) {
            Sink s = new Sink(limit, null, null);
            s.truncate = true;
            return s;
        }

        static Sink file(Path dir, long limit) throws IOException {
            Files.createDirectories(dir);
            Path f = Files.createTempFile(dir, "pinwheel-download-", ".part");
            return new Sink(limit, f, FileChannel.open(f, StandardOpenOption.WRITE));
        }

        static Sink failed(IOException e) {
            Sink s = new Sink(0, null, null);
            s.done.completeExceptionally(e);
            return s;
        }

        long lastActivity() {
            return lastActivity;
        }

        @Override
        public CompletionStage<Sink> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            lastActivity = System.nanoTime();
            if (done.isDone()) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            lastActivity = System.nanoTime();
            try {
                for (ByteBuffer b : items) {
                    received += b.remaining();
                    if (received > limit) {
                        if (!truncate) {
                            throw new TooLarge(limit);
                        }
                        continue;
                    }
                    if (memory != null) {
                        byte[] chunk = new byte[b.remaining()];
                        b.get(chunk);
                        memory.write(chunk, 0, chunk.length);
                    } else {
                        digest.update(b.duplicate());
                        while (b.hasRemaining()) {
                            channel.write(b);
                        }
                    }
                }
                subscription.request(1);
            } catch (IOException e) {
                subscription.cancel();
                fail(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            fail(t);
        }

        @Override
        public void onComplete() {
            try {
                if (channel != null) {
                    channel.close();
                    sha256 = HexFormat.of().formatHex(digest.digest());
                }
                done.complete(this);
            } catch (IOException e) {
                fail(e);
            }
        }

        private void fail(Throwable t) {
            closeQuietly();
            done.completeExceptionally(t);
        }

        void abort() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            closeQuietly();
            done.completeExceptionally(new IOException("Aborted"));
        }

        private void closeQuietly() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "Cannot close " + file + ": " + e);
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "Cannot delete " + file + ": " + e);
                }
            }
        }

        /** Drops the body (a redirect or a response that is retried). */
        void discard() {
            closeQuietly();
        }

        byte[] bytes() {
            if (memory == null) {
                throw new IllegalStateException("Body was streamed to a file");
            }
            return memory.toByteArray();
        }

        FileByteSource toFileSource(URI uri) throws FetchException {
            if (file == null) {
                throw new IllegalStateException("Body is in memory");
            }
            try {
                return FileByteSource.temporary(file, sha256);
            } catch (IOException e) {
                throw new FetchException(FetchException.Kind.IO, uri, 0, "Cannot read the download of `" + Uris.redact(uri) + "`: " + e.getMessage(), e);
            }
        }
    }
}
