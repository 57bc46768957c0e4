package dev.pinwheel.server;

import com.sun.net.httpserver.HttpServer;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The resolution server: JSON over HTTP in front of a resolver, with a result cache keyed by the canonical request
 * and revalidated against the index state, request coalescing, limits, Prometheus metrics and graceful shutdown.
 *
 * <p>Routes:
 * <ul>
 *   <li>{@code POST /v1/resolve} (or {@code GET /v1/resolve?requirement=…&python_version=…}): the pinned set.</li>
 *   <li>{@code POST /v1/lock} (or {@code GET}): requirements.txt with hashes, or {@code pylock.toml}, chosen by the
 *       {@code format} member or the {@code Accept} header.</li>
 *   <li>{@code GET /healthz}, {@code GET /metrics}.</li>
 * </ul>
 * A request picks one of the indexes configured here by name; it can never name a URL of its own.
 *
 * <pre>{@code
 * try (PinwheelServer server = PinwheelServer.builder()
 *         .index("default", SimpleIndex.pypi(...))
 *         .config(ServerConfig.builder().port(8080).build())
 *         .build()) {
 *     server.start();
 *     server.awaitStop();
 * }
 * }</pre>
 *
 * <p>The indexes belong to the caller, who closes them after the server. Thread-safe.
 */
@SuppressForbidden // com.sun.net.httpserver: the JDK's supported, exported jdk.httpserver API
public final class PinwheelServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PinwheelServer.class.getName());
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final ServerConfig config;
    private final Map<String, PackageIndex> indexes;
    private final Map<String, URI> indexUrls;
    private final String defaultIndex;
    private final ResolutionEngine engine;
    private final int parallelism;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private HttpServer http;
    private ExecutorService httpExecutor;
    private ExecutorService workers;
    private ExecutorService fetchers;
    private HttpApi api;
    private Metrics metrics;
    private ResolutionService service;
    private ResultCache cache;
    private boolean started;
    private boolean closed;

    private PinwheelServer(Builder b) {
        this.config = b.config;
        this.indexes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.indexes));
        this.indexUrls = Map.copyOf(b.indexUrls);
        this.defaultIndex = b.defaultIndex == null ? b.indexes.keySet().iterator().next() : b.defaultIndex;
        this.engine = b.engine == null ? new ResolverEngine(b.parallelism, b.indexUrls) : b.engine;
        this.parallelism = b.parallelism;
    }

    /** A builder; at least one index is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException           when the address cannot be bound
     * @throws IllegalStateException when already started or stopped
     */
    public void start() throws IOException {
        synchronized (lifecycle) {
            if (started || closed) {
                throw new IllegalStateException(closed ? "stopped" : "already started");
            }
            cache = new ResultCache(config.cacheMaxEntries(), config.cacheFreshFor(), config.cacheMaxAge());
            ResolutionService[] holder = new ResolutionService[1];
            metrics = new Metrics(() -> holder[0] == null ? 0 : holder[0].running(),
                    () -> holder[0] == null ? 0 : holder[0].queued(), () -> cache.size());
            workers = pool(config.maxInFlight(), 4 * config.maxInFlight(), "pinwheel-resolve-");
            fetchers = pool(parallelism, 1 << 16, "pinwheel-revalidate-");
            service = new ResolutionService(indexes, engine, new AnswerRenderer(), cache, metrics, workers, fetchers,
                    config);
            holder[0] = service;
            api = new HttpApi(config, new RequestParser(indexes.keySet(), defaultIndex, config), service,
                    new AnswerRenderer(), metrics, cache);
            jdkHttpServerSettings();
            try {
                InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(config.bindAddress()),
                        config.port());
                http = HttpServer.create(address, 0);
            } catch (IOException e) {
                workers.shutdownNow();
                fetchers.shutdownNow();
                throw new IOException("Cannot listen on " + config.bindAddress() + ":" + config.port() + ": "
                        + e.getMessage(), e);
            }
            http.createContext("/", api);
            httpExecutor = pool(config.httpThreads(), 4096, "pinwheel-http-");
            http.setExecutor(httpExecutor);
            http.start();
            started = true;
            LOG.log(Level.INFO, "Serving on " + uri() + " with indexes " + indexes.keySet() + " (default `"
                    + defaultIndex + "`); " + config);
        }
    }

    /** The port listened on (useful with port 0). */
    public int port() {
        synchronized (lifecycle) {
            if (!started) {
                throw new IllegalStateException("not started");
            }
            return http.getAddress().getPort();
        }
    }

    /** The base URI, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        int port = port();
        String host = http.getAddress().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port + "/");
    }

    /** The configuration. */
    public ServerConfig config() {
        return config;
    }

    /** The configured index names; the first is the default unless {@link Builder#defaultIndex} said otherwise. */
    public java.util.Set<String> indexNames() {
        return indexes.keySet();
    }

    /**
     * Stops gracefully: new requests get a 503 with {@code Connection: close}, requests in progress get up to
     * {@code grace} to finish, then the listener closes and the worker threads end. Idempotent.
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (!started) {
                stopped.countDown();
                return;
            }
        }
        api.drain();
        boolean finished = api.awaitIdle(grace);
        if (!finished) {
            LOG.log(Level.WARNING, "Stopping with requests still in progress after " + grace);
        }
        http.stop(0);
        httpExecutor.shutdown();
        workers.shutdownNow();
        fetchers.shutdownNow();
        try {
            httpExecutor.awaitTermination(1, TimeUnit.SECONDS);
            workers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped.countDown();
        LOG.log(Level.INFO, "Stopped");
    }

    /** {@link #stop(Duration)} with the configured grace. */
    @Override
    public void close() {
        stop(config.shutdownGrace());
    }

    /** Blocks until the server has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    // For tests in this package.
    Metrics metrics() {
        return metrics;
    }

    /**
     * Settings of the JDK's HTTP server that it reads once, from system properties, when its first server is made;
     * set here unless the launcher already decided. Process-wide by the JDK's design; no other code reads them.
     * <ul>
     *   <li>{@code sun.net.httpserver.nodelay=true}: the JDK writes a response's headers and body as two segments
     *       with Nagle's algorithm on, so with the client's delayed ACK every small answer waited about 40 ms
     *       (measured here: a cache hit took 48 ms instead of 1.4 ms).</li>
     *   <li>{@code sun.net.httpserver.maxReqTime=30} (seconds): a client that sends its request too slowly (or
     *       never finishes its body) is disconnected instead of holding a thread for ever. Waiting for a
     *       resolution after the request is read does not count.</li>
     *   <li>{@code sun.net.httpserver.maxRspTime=60} (seconds): the same for a client that does not read its answer.</li>
     * </ul>
     */
    private static void jdkHttpServerSettings() {
        defaultProperty("sun.net.httpserver.nodelay", "true");
        defaultProperty("sun.net.httpserver.maxReqTime", "30");
        defaultProperty("sun.net.httpserver.maxRspTime", "60");
        if (!Boolean.parseBoolean(System.getProperty("sun.net.httpserver.nodelay"))) {
            LOG.log(Level.WARNING, "-Dsun.net.httpserver.nodelay=false: small answers wait for delayed ACKs (about 40 ms)");
        }
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static ExecutorService pool(int threads, int queue, String prefix) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // When the queue is full the submitting thread runs the task itself: for HTTP that is the JDK's
        // dispatcher, which then stops accepting for a moment (back-pressure) instead of dropping a connection.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queue), factory, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Builds a {@link PinwheelServer}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, PackageIndex> indexes = new LinkedHashMap<>();
        private final Map<String, URI> indexUrls = new LinkedHashMap<>();
        private String defaultIndex;
        private ServerConfig config = ServerConfig.defaults();
        private ResolutionEngine engine;
        private int parallelism = 8;

        private Builder() {
        }

        /**
         * Adds an index under {@code name} ({@code [a-z0-9][a-z0-9._-]*}, at most 64 characters), by which requests
         * choose it. The first index added is the default.
         */
        public Builder index(String name, PackageIndex index) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(index, "index");
            if (!INDEX_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("index name must match " + INDEX_NAME + ": " + name);
            }
            if (indexes.putIfAbsent(name, index) != null) {
                throw new IllegalArgumentException("index name given twice: " + name);
            }
            return this;
        }

        /**
         * As {@link #index(String, PackageIndex)}, with the URL clients install from: lock files then carry it
         * ({@code --index-url} in requirements.txt, {@code index} in pylock.toml), so that {@code pip install -r}
         * finds the pinned files on that index rather than on its default one.
         */
        public Builder index(String name, PackageIndex index, URI publicUrl) {
            Objects.requireNonNull(publicUrl, "publicUrl");
            if (publicUrl.getRawUserInfo() != null) {
                throw new IllegalArgumentException("publicUrl must not carry credentials: " + IndexException.redacted(publicUrl));
            }
            index(name, index);
            indexUrls.put(name, publicUrl);
            return this;
        }

        /** The index used when a request names none. */
        public Builder defaultIndex(String name) {
            this.defaultIndex = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The configuration; {@link ServerConfig#defaults()} when not given. */
        public Builder config(ServerConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** Parallel index reads per resolution, and per revalidation. Default 8. */
        public Builder parallelism(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("parallelism <= 0: " + value);
            }
            this.parallelism = value;
            return this;
        }

        // Tests only: a different resolution engine.
        Builder engine(ResolutionEngine value) {
            this.engine = Objects.requireNonNull(value, "engine");
            return this;
        }

        /**
         * The server, not yet started.
         *
         * @throws IllegalStateException when no index was given or the default names none of them
         */
        public PinwheelServer build() {
            if (indexes.isEmpty()) {
                throw new IllegalStateException("no index configured");
            }
            if (defaultIndex != null && !indexes.containsKey(defaultIndex)) {
                throw new IllegalStateException("default index `" + defaultIndex + "` is not configured; known: "
                        + indexes.keySet());
            }
            return new PinwheelServer(this);
        }
    }

}
