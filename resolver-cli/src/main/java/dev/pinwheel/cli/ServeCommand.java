package dev.pinwheel.cli;

import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.simple.SimpleIndex;
import dev.pinwheel.index.union.UnionIndex;
import dev.pinwheel.server.PinwheelServer;
import dev.pinwheel.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pinwheel serve}: runs the resolution server ({@link PinwheelServer}) over named indexes until the process
 * is stopped (SIGINT, SIGTERM) or, in-process, until the calling thread is interrupted; either way it stops
 * gracefully (requests in progress finish, new ones get a 503).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve resolutions over HTTP: POST /v1/resolve, POST /v1/lock, GET /healthz, GET /metrics.")
final class ServeCommand implements Callable<Integer> {
    static final String DEFAULT_INDEX = "pypi=" + dev.pinwheel.lock.LockSources.PYPI + "/";

    private final Context ctx;

    @Option(names = "--index", paramLabel = "NAME=URL",
            description = "An index requests may choose by name (repeatable; the first is the default): an http(s) or "
                    + "file: URL of a simple index, or a directory holding one; `NAME=URL1,URL2` is a first-index union. "
                    + "Lock files name the URL as given (credentials are refused). Default: " + DEFAULT_INDEX)
    List<String> indexes = new ArrayList<>();

    @Option(names = "--port", description = "The TCP port; 0 picks a free one. Default: 8080.")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "The address to listen on. Default: 127.0.0.1 (loopback only).")
    String bind = "127.0.0.1";

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "The indexes' HTTP and metadata cache. Default: as `compile`.")
    String cacheDir;

    @Option(names = {"-n", "--no-cache"}, description = "No index cache on disk.")
    boolean noCache;

    @Option(names = "--offline", description = "Read the indexes only from the cache.")
    boolean offline;

    @Option(names = "--cache-entries", paramLabel = "N", description = "Answers kept in the result cache. Default: 10000; 0 disables it.")
    Integer cacheEntries;

    @Option(names = "--cache-fresh-for", paramLabel = "SECONDS",
            description = "How long an answer is served without looking at the index again (and its max-age). Default: 60.")
    Long cacheFreshFor;

    @Option(names = "--cache-max-age", paramLabel = "SECONDS",
            description = "How long an answer may stay cached at all, however often revalidated. Default: 86400.")
    Long cacheMaxAge;

    @Option(names = "--max-in-flight", paramLabel = "N", description = "Resolutions at once. Default: 4.")
    Integer maxInFlight;

    @Option(names = "--resolution-timeout", paramLabel = "SECONDS",
            description = "How long a client waits for a resolution before a 503 (it goes on and is cached). Default: 30.")
    Long resolutionTimeout;

    @Option(names = "--conflict-budget", paramLabel = "N", description = "The solver's conflict budget per resolution. Default: 200000.")
    Integer conflictBudget;

    @Option(names = "--max-body-bytes", paramLabel = "N", description = "The largest request body. Default: 65536.")
    Integer maxBodyBytes;

    @Option(names = "--max-requirements", paramLabel = "N",
            description = "Requirements, constraints and overrides per request. Default: 1000.")
    Integer maxRequirements;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print the indexes' debug messages.")
    boolean verbose;

    ServeCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        if (quiet && verbose) {
            throw new UsageException("`--quiet` and `--verbose` cannot be used together");
        }
        ServerConfig config = config();
        Logs.configure(ctx.err(), verbose, quiet);
        IndexOptions options = IndexOptions.defaults().withOffline(offline);
        if (!noCache) {
            options = options.withCacheDir(Compilation.cacheDir(ctx, cacheDir));
        }
        List<PackageIndex> opened = new ArrayList<>();
        try {
            PinwheelServer.Builder builder = PinwheelServer.builder().config(config);
            for (Map.Entry<String, List<String>> e : named().entrySet()) {
                List<PackageIndex> parts = new ArrayList<>();
                for (String location : e.getValue()) {
                    PackageIndex index = SimpleIndex.create(Compilation.indexUri(ctx, location), options);
                    opened.add(index);
                    parts.add(index);
                }
                PackageIndex index = parts.size() == 1 ? parts.get(0) : UnionIndex.of(parts);
                try {
                    if (parts.size() == 1) {
                        builder.index(e.getKey(), index, URI.create(e.getValue().get(0)));
                    } else {
                        builder.index(e.getKey(), index);
                    }
                } catch (IllegalArgumentException ex) {
                    throw new UsageException("`--index " + e.getKey() + "=…`: " + ex.getMessage(), ex);
                }
            }
            return serve(builder.build());
        } catch (IndexException e) {
            ctx.err().println("error: " + e.getMessage());
            return ExitCode.INDEX;
        } finally {
            opened.forEach(PackageIndex::close);
        }
    }

    /** Starts the server, then waits until the JVM stops or this thread is interrupted; stops it gracefully. */
    private int serve(PinwheelServer server) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
        Thread hook = new Thread(server::close, "pinwheel-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!quiet) {
            ctx.err().println("Serving on " + server.uri() + " with indexes " + String.join(", ", server.indexNames())
                    + " (Ctrl-C stops)");
            ctx.err().flush();
        }
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is stopping: the hook is running or has run, and stops the server itself
            }
        }
        if (!quiet) {
            ctx.err().println("Stopped");
            ctx.err().flush();
        }
        return ExitCode.OK;
    }

    /** {@code --index} values by name, in order. */
    private Map<String, List<String>> named() {
        Map<String, List<String>> named = new LinkedHashMap<>();
        for (String value : indexes.isEmpty() ? List.of(DEFAULT_INDEX) : indexes) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new UsageException("Invalid `--index` `" + value + "`: expected `NAME=URL`, such as `" + DEFAULT_INDEX + "`");
            }
            if (named.put(value.substring(0, eq), List.of(value.substring(eq + 1).split(","))) != null) {
                throw new UsageException("`--index " + value.substring(0, eq) + "=…` is given twice");
            }
        }
        return named;
    }

    private ServerConfig config() {
        try {
            ServerConfig.Builder b = ServerConfig.builder().bindAddress(bind).port(port);
            if (cacheEntries != null) {
                b.cacheMaxEntries(cacheEntries);
            }
            if (cacheFreshFor != null) {
                b.cacheFreshFor(Duration.ofSeconds(cacheFreshFor));
            }
            if (cacheMaxAge != null) {
                b.cacheMaxAge(Duration.ofSeconds(cacheMaxAge));
            }
            if (maxInFlight != null) {
                b.maxInFlight(maxInFlight);
            }
            if (resolutionTimeout != null) {
                b.resolutionTimeout(Duration.ofSeconds(resolutionTimeout));
            }
            if (conflictBudget != null) {
                b.conflictBudget(conflictBudget);
            }
            if (maxBodyBytes != null) {
                b.maxBodyBytes(maxBodyBytes);
            }
            if (maxRequirements != null) {
                b.maxRequirements(maxRequirements);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid server option: " + e.getMessage(), e);
        }
    }
}
