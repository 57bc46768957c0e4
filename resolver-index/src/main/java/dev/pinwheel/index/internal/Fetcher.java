package dev.pinwheel.index.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GETs over {@link HttpURLConnection} (HTTP/1.1, connections kept alive by the JDK) and from {@code file:} URLs,
 * with what an index client needs: redirects followed by hand (so credentials go only to the origin they belong
 * to), retries with exponential back-off on 5xx, 429, resets, truncated bodies and timeouts, an inactivity
 * timeout, a bound on requests in flight, body size limits, the on-disk {@link DiskCache} with revalidation, and
 * offline mode.
 *
 * <p>Requests run on a pool of at most {@link HttpSettings#maxParallel()} daemon threads owned by the fetcher
 * (started on the first HTTP request, ended by {@link #close()}); the calling thread waits for its request, and
 * interrupting it abandons the request. {@code HttpURLConnection} rather than {@code java.net.http.HttpClient}:
 * in a fresh JVM its first request costs a few tens of milliseconds instead of a quarter of a second, and each
 * request costs less CPU; it has no HTTP/2. HTTPS, proxies ({@code http.proxyHost}, {@code https.proxyHost}, the
 * default {@code ProxySelector}) and keep-alive limits ({@code http.maxConnections}) come from the JDK's standard
 * settings. As the JDK does, a request whose connection fails before any response header arrives is sent once
 * more on a fresh connection within the same attempt (a kept-alive connection the server had closed).
 *
 * <p>Thread-safe: one fetcher is shared by every thread of an index. Credentials are never logged nor put in
 * exception messages: URLs go through {@link Uris#redact(URI)}.
 */
public final class Fetcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Fetcher.class.getName());
    private static final int MAX_REDIRECTS = 10;
    private static final long ERROR_BODY_LIMIT = 64 * 1024;
    private static final int BUFFER_BYTES = 32 * 1024;
    private static final long IDLE_THREAD_SECONDS = 10;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpSettings settings;
    private final Optional<DiskCache> cache;
    private final AtomicInteger networkRequests = new AtomicInteger();
    private final AtomicInteger threadCount = new AtomicInteger();
    /** Exchanges on the transport threads, for {@link #close()}. */
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    /** Guarded by {@code this}; made by {@link #transport()}. */
    private ThreadPoolExecutor transport;
    /** Written under {@code this}; read by exchanges as they start. */
    private volatile boolean closed;

    public Fetcher(HttpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cache = settings.cacheDir().map(DiskCache::new);
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
            cached.ifPresent(e -> LOG.log(System.Logger.Level.DEBUG, () -> "cache hit (offline): " + Uris.redact(target)));
            return cached.map(e -> new Response(e.finalUri(), 200, e.headers(), e.body(), true))
                    .orElseThrow(() -> new FetchException(FetchException.Kind.OFFLINE, target, 0,
                            "Offline mode: `" + Uris.redact(target) + "` is not in the cache"
                                    + cache.map(c -> " at `" + c.root() + "`").orElse(" (no cache directory is set)"), null));
        }
        if (cached.isPresent() && cached.get().isFresh(now)) {
            DiskCache.Entry e = cached.get();
            LOG.log(System.Logger.Level.DEBUG, () -> "cache hit (fresh): " + Uris.redact(target));
            return new Response(e.finalUri(), 200, e.headers(), e.body(), true);
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", accept);
        cached.ifPresent(e -> {
            Optional.ofNullable(e.headers().get("etag")).ifPresent(v -> headers.put("If-None-Match", v));
            Optional.ofNullable(e.headers().get("last-modified")).ifPresent(v -> headers.put("If-Modified-Since", v));
        });
        Result r = exchange(target, headers, status -> Sink.memory(settings.maxBodyBytes()));
        if (r.status == 304 && cached.isPresent()) {
            long maxAge = maxAge(r.headers);
            DiskCache.Entry refreshed = cached.get().refreshed(now, Math.max(maxAge, 0), validators(r.headers));
            store(key, refreshed);
            LOG.log(System.Logger.Level.DEBUG, () -> "cache hit (revalidated, 304): " + Uris.redact(target));
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
        Result r = exchange(target, Map.of(), status -> Sink.memory(limit));
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
        Result r = exchange(target, headers, status -> status == 200 ? Sink.file(tempDir, Long.MAX_VALUE) : Sink.memory(settings.maxBodyBytes()));
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
        Result r = exchange(target, Map.of("Accept-Encoding", "identity"), status -> status / 100 == 2 ? Sink.file(tempDir, Long.MAX_VALUE) : Sink.memory(ERROR_BODY_LIMIT));
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
                    status -> Sink.memory(Math.max((long) length, ERROR_BODY_LIMIT)));
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

    /** Chooses where a response body goes, from its status (2xx, or 3xx/4xx/5xx for an error sink). */
    private interface SinkFactory {
        Sink create(int status) throws IOException;
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
                if (Thread.currentThread().isInterrupted()) {
                    throw new FetchException(FetchException.Kind.IO, uri, 0, "Interrupted during a request to `" + Uris.redact(uri) + "`", e);
                }
                last = e;
                if (attempt < attempts) {
                    LOG.log(System.Logger.Level.DEBUG, "Request to " + Uris.redact(uri) + " failed (" + e + "); retry " + attempt + " of " + settings.maxRetries());
                    backOff(uri, attempt);
                }
            }
        }
        boolean timeout = last instanceof SocketTimeoutException;
        String what = timeout ? "No response within " + settings.readTimeout().toMillis() + " ms"
                : last instanceof UnknownHostException ? "Unknown host `" + uri.getHost() + "`"
                : "Request failed (" + (last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage()) + ")";
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

    /**
     * One attempt: one request on the transport pool, which the calling thread waits for. Interrupting the caller
     * abandons the attempt (see {@link Exchange#cancel()}).
     */
    private Result once(URI uri, Map<String, String> headers, SinkFactory sinks) throws IOException {
        URL url;
        try {
            url = Uris.withoutUserInfo(uri).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, uri, 0, "Unsupported URL `" + Uris.redact(uri) + "`", e);
        }
        Exchange ex = new Exchange(uri, url, headers, sinks);
        Future<Result> future;
        try {
            future = transport().submit(ex);
        } catch (RejectedExecutionException e) {
            throw closed(uri, e);
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof TooLarge) {
                throw tooLarge(uri, ((TooLarge) c).limit);
            }
            if (c instanceof IOException) {
                throw (IOException) c;
            }
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IOException(String.valueOf(c), c);
        } catch (CancellationException e) {
            throw closed(uri, e);
        } catch (InterruptedException e) {
            future.cancel(false);
            Result done = ex.cancel();
            if (done != null) {
                done.body.discard();
            }
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted during a request to " + Uris.redact(uri));
        }
    }

    private static FetchException closed(URI uri, Exception cause) {
        return new FetchException(FetchException.Kind.IO, uri, 0, "The index was closed: no request to `" + Uris.redact(uri) + "`", cause);
    }

    /**
     * The pool that runs blocking exchanges, made on the first HTTP request (a {@code file:} index never starts a
     * thread): at most {@link HttpSettings#maxParallel()} daemon threads, which is the bound on requests in
     * flight; idle threads end after a few seconds.
     *
     * @throws RejectedExecutionException after {@link #close()}
     */
    private synchronized ExecutorService transport() {
        if (closed) {
            throw new RejectedExecutionException("closed");
        }
        if (transport == null) {
            int n = settings.maxParallel();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "pinwheel-http-" + threadCount.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
            transport = pool;
        }
        return transport;
    }

    /**
     * Ends the transport: requests waiting for a thread fail, requests waiting for a connection or for response
     * headers are disconnected, and bodies being read stop at their next chunk. Later requests fail. Idempotent.
     */
    @Override
    public void close() {
        ThreadPoolExecutor pool;
        synchronized (this) {
            closed = true;
            pool = transport;
        }
        if (pool != null) {
            for (Runnable queued : pool.shutdownNow()) {
                ((Future<?>) queued).cancel(false);
            }
            inFlight.forEach(Exchange::cancel);
        }
    }

    /**
     * One HTTP/1.1 request and its response over {@link HttpURLConnection}, run on a transport thread. Redirects are
     * not followed here ({@link #exchange} does it, to keep credentials on their origin); the read timeout of the
     * connection is the inactivity timeout. A body shorter than its {@code Content-Length} is an error, so that a
     * dropped connection is retried rather than taken for the whole body.
     */
    private final class Exchange implements Callable<Result> {
        private final URI uri;
        private final URL url;
        private final Map<String, String> headers;
        private final SinkFactory sinks;
        /** Guarded by {@code this}: the connection until the body is being read, then null. */
        private HttpURLConnection connection;
        /** Guarded by {@code this}. */
        private boolean cancelled;
        /** Guarded by {@code this}: the result, once handed to the caller. */
        private Result delivered;

        Exchange(URI uri, URL url, Map<String, String> headers, SinkFactory sinks) {
            this.uri = uri;
            this.url = url;
            this.headers = headers;
            this.sinks = sinks;
        }

        @Override
        public Result call() throws IOException {
            HttpURLConnection c = (HttpURLConnection) url.openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(millis(settings.connectTimeout()));
            c.setReadTimeout(millis(settings.readTimeout()));
            c.setRequestProperty("User-Agent", settings.userAgent());
            // without an Accept header of our own, HttpURLConnection sends one that asks for images
            c.setRequestProperty("Accept", "*/*");
            headers.forEach(c::setRequestProperty);
            settings.credentials().withUserInfoOf(uri).forUri(Uris.withoutUserInfo(uri))
                    .ifPresent(login -> c.setRequestProperty("Authorization", login.basicHeader()));
            // registered before the connection is published, so that close() either sees this exchange or has
            // already marked it cancelled
            inFlight.add(this);
            Sink sink = null;
            try {
                synchronized (this) {
                    if (cancelled || closed) {
                        throw cancelledException();
                    }
                    connection = c;
                }
                networkRequests.incrementAndGet();
                long sent = System.nanoTime();
                int status = c.getResponseCode();
                LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT, "GET %s%s -> %d (%d ms)",
                        Uris.redact(uri), Optional.ofNullable(headers.get("Range")).map(v -> " [" + v + "]").orElse(""),
                        status, (System.nanoTime() - sent) / 1_000_000));
                if (status < 100) {
                    throw new ProtocolException("Not an HTTP response from " + Uris.redact(uri));
                }
                Map<String, String> h = responseHeaders(c);
                sink = isRedirect(status) || status >= 400 ? Sink.truncating(ERROR_BODY_LIMIT) : sinks.create(status);
                long length = c.getContentLengthLong();
                if (length > sink.limit && !sink.truncate) {
                    throw new TooLarge(sink.limit);
                }
                synchronized (this) {
                    if (cancelled) {
                        throw cancelledException();
                    }
                    connection = null;
                }
                boolean whole = readBody(status >= 400 ? c.getErrorStream() : c.getInputStream(), sink, length);
                if (!whole) {
                    // a truncated error page: drop the connection rather than drain the rest
                    c.disconnect();
                }
                sink.finish();
                Result r = new Result(uri, status, h, sink);
                synchronized (this) {
                    if (cancelled) {
                        throw cancelledException();
                    }
                    delivered = r;
                }
                return r;
            } catch (IOException | RuntimeException e) {
                if (sink != null) {
                    sink.discard();
                }
                c.disconnect();
                throw e;
            } finally {
                inFlight.remove(this);
            }
        }

        /** Reads {@code in} into {@code sink}; false when a truncating sink stopped before the end. */
        private boolean readBody(InputStream in, Sink sink, long length) throws IOException {
            if (in == null) {
                return true;
            }
            try (in) {
                byte[] buf = new byte[BUFFER_BYTES];
                long total = 0;
                for (int n; (n = in.read(buf)) != -1; ) {
                    synchronized (this) {
                        if (cancelled) {
                            throw cancelledException();
                        }
                    }
                    total += n;
                    if (!sink.write(buf, n)) {
                        return false;
                    }
                }
                if (length >= 0 && total < length) {
                    throw new EOFException("Connection closed after " + total + " of " + length + " bytes");
                }
                return true;
            }
        }

        /**
         * Abandons this exchange unless its result is already handed over. A connection still waiting to be
         * answered is disconnected at once (which also unblocks its thread); a body being read stops at its next
         * chunk, and its file is deleted.
         *
         * @return the result if it was handed over before the cancellation (its body is then the canceller's to
         *         use or discard), else null
         */
        Result cancel() {
            HttpURLConnection c;
            synchronized (this) {
                if (delivered != null) {
                    return delivered;
                }
                cancelled = true;
                c = connection;
                connection = null;
            }
            if (c != null) {
                c.disconnect();
            }
            return null;
        }

        private InterruptedIOException cancelledException() {
            return new InterruptedIOException("Request to " + Uris.redact(uri) + " cancelled");
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /** Header names in lower case; repeated headers joined with {@code ", "}, in the order received. */
    private static Map<String, String> responseHeaders(HttpURLConnection c) {
        Map<String, String> h = new HashMap<>();
        // index 0 is the status line, with a null key
        for (int i = 0; ; i++) {
            String value = c.getHeaderField(i);
            if (value == null) {
                return h;
            }
            String name = c.getHeaderFieldKey(i);
            if (name != null && !value.isEmpty()) {
                h.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + ", " + b);
            }
        }
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
     * Where a body goes: memory, or a temporary file hashed on the way; enforces a size limit. Used by one thread
     * at a time (the transport thread that reads, then the caller), except {@link #discard()}, which may come
     * from a canceller and is idempotent.
     */
    private static final class Sink {
        private final long limit;
        /** Keep the first {@code limit} bytes and drop the rest instead of failing (error pages, redirects). */
        private final boolean truncate;
        private final ByteArrayOutputStream memory;
        private final Path file;
        private final OutputStream out;
        private final MessageDigest digest;
        private long received;
        private String sha256;

        private Sink(long limit, boolean truncate, Path file, OutputStream out) {
            this.limit = limit;
            this.truncate = truncate;
            this.file = file;
            this.out = out;
            this.memory = file == null ? new ByteArrayOutputStream() : null;
            this.digest = file == null ? null : DiskCache.sha256();
        }

        static Sink memory(long limit) {
            return new Sink(limit, false, null, null);
        }

        static Sink truncating(long limit) {
            return new Sink(limit, true, null, null);
        }

        static Sink file(Path dir, long limit) throws IOException {
            Files.createDirectories(dir);
            Path f = Files.createTempFile(dir, "pinwheel-download-", ".part");
            try {
                return new Sink(limit, false, f, Files.newOutputStream(f, StandardOpenOption.WRITE));
            } catch (IOException e) {
                Files.deleteIfExists(f);
                throw e;
            }
        }

        /** Takes {@code n} bytes of {@code buf}; false when a truncating sink holds all it keeps. */
        boolean write(byte[] buf, int n) throws IOException {
            long room = limit - received;
            received += n;
            if (n > room) {
                if (!truncate) {
                    throw new TooLarge(limit);
                }
                memory.write(buf, 0, (int) room);
                return false;
            }
            if (memory != null) {
                memory.write(buf, 0, n);
            } else {
                digest.update(buf, 0, n);
                out.write(buf, 0, n);
            }
            return true;
        }

        void finish() throws IOException {
            if (out != null) {
                out.close();
                sha256 = HexFormat.of().formatHex(digest.digest());
            }
        }

        /** Drops the body (a redirect, a response that is retried, or a failure): deletes its file. */
        synchronized void discard() {
            if (file != null) {
                try {
                    out.close();
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
