package dev.pinwheel.server;

import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.PackageIndexes;
import dev.pinwheel.index.union.UnionIndex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain launcher for the server, for trying it out and for tests; {@code pinwheel serve} is the supported way.
 *
 * <pre>
 * java -cp … dev.pinwheel.server.ServerMain --index default=https://pypi.org/simple/ \
 *     --index local=examples/index --cache-dir ~/.cache/pinwheel --port 8080
 * </pre>
 *
 * Options: {@code --index NAME=LOCATION[,LOCATION…]} (repeatable; a URL of a simple index or a directory of
 * files; several locations form a first-index union), {@code --bind}, {@code --port}, {@code --cache-dir} (the
 * indexes' HTTP and metadata cache), {@code --cache-entries}, {@code --cache-fresh-for} (seconds),
 * {@code --max-in-flight}, {@code --resolution-timeout} (seconds), {@code --max-body-bytes}. The server stops
 * gracefully on SIGTERM / Ctrl-C. Bad arguments end with an {@link IllegalArgumentException} naming them.
 */
public final class ServerMain {
    private ServerMain() {
    }

    /** Starts a server and blocks until the JVM is asked to stop. */
    public static void main(String[] args) throws Exception {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        ServerConfig.Builder config = ServerConfig.builder();
        IndexOptions options = IndexOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value after `" + arg + "`");
            }
            String value = args[++i];
            switch (arg) {
                case "--index": {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("Expected `--index NAME=LOCATION`, found `" + value + "`");
                    }
                    indexes.put(value.substring(0, eq), List.of(value.substring(eq + 1).split(",")));
                    break;
                }
                case "--bind":
                    config.bindAddress(value);
                    break;
                case "--port":
                    config.port(Integer.parseInt(value));
                    break;
                case "--cache-dir":
                    options = options.withCacheDir(Path.of(value));
                    break;
                case "--cache-entries":
                    config.cacheMaxEntries(Integer.parseInt(value));
                    break;
                case "--cache-fresh-for":
                    config.cacheFreshFor(Duration.ofSeconds(Long.parseLong(value)));
                    break;
                case "--max-in-flight":
                    config.maxInFlight(Integer.parseInt(value));
                    break;
                case "--resolution-timeout":
                    config.resolutionTimeout(Duration.ofSeconds(Long.parseLong(value)));
                    break;
                case "--max-body-bytes":
                    config.maxBodyBytes(Integer.parseInt(value));
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option `" + arg + "`");
            }
        }
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("Give at least one `--index NAME=LOCATION`");
        }
        List<PackageIndex> opened = new ArrayList<>();
        PinwheelServer.Builder builder = PinwheelServer.builder();
        for (Map.Entry<String, List<String>> e : indexes.entrySet()) {
            List<PackageIndex> parts = new ArrayList<>();
            for (String location : e.getValue()) {
                PackageIndex index = open(location, options);
                opened.add(index);
                parts.add(index);
            }
            PackageIndex index = parts.size() == 1 ? parts.get(0) : UnionIndex.of(parts);
            String first = e.getValue().get(0);
            if (e.getValue().size() == 1 && (first.startsWith("http://") || first.startsWith("https://"))
                    && URI.create(first).getRawUserInfo() == null) {
                builder.index(e.getKey(), index, URI.create(first));
            } else {
                builder.index(e.getKey(), index);
            }
        }
        PinwheelServer server = builder.config(config.build()).build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            opened.forEach(PackageIndex::close);
        }, "pinwheel-shutdown"));
        server.awaitStop();
    }

    private static PackageIndex open(String location, IndexOptions options) throws IndexException {
        URI uri = location.contains("://") ? URI.create(location) : Path.of(location).toAbsolutePath().toUri();
        if (uri.getScheme().equals("file") && !Files.exists(Path.of(uri))) {
            throw new IllegalArgumentException("No such directory: `" + location + "`");
        }
        return PackageIndexes.load(uri, options, ServerMain.class.getClassLoader());
    }
}
