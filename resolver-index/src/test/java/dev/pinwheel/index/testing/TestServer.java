package dev.pinwheel.index.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1, on a free port, serving resources registered by a test, with switches for
 * range support, redirects, failures (5xx, dropped connections, stalls), ETags and Cache-Control. Records
 * every request it sees.
 */
public final class TestServer implements AutoCloseable {
    /** One request as the server saw it. */
    public record Seen(String method, String path, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** What to serve at a path. */
    public static final class Resource {
        volatile byte[] body;
        volatile String contentType;
        volatile String etag;
        volatile String lastModified;
        volatile String cacheControl;
        volatile String redirectTo;
        volatile int redirectStatus;
        volatile int status = 200;
        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile int failureStatus = 500;
        final AtomicInteger dropsLeft = new AtomicInteger();
        volatile Duration delay = Duration.ZERO;
        volatile boolean ranges = true;

        public Resource body(byte[] b) {
            body = b;
            return this;
        }

        public Resource etag(String e) {
            etag = e;
            return this;
        }

        public Resource lastModified(String l) {
            lastModified = l;
            return this;
        }

        public Resource cacheControl(String c) {
            cacheControl = c;
            return this;
        }

        public Resource fail(int times, int status) {
            failuresLeft.set(times);
            failureStatus = status;
            return this;
        }

        /** Sends the headers and half the body, then closes the connection, {@code times} times. */
        public Resource drop(int times) {
            dropsLeft.set(times);
            return this;
        }

        /** Waits this long before answering. */
        public Resource delay(Duration d) {
            delay = d;
            return this;
        }

        /** Whether range requests are honoured (else the whole body is sent with 200). */
        public Resource ranges(boolean r) {
            ranges = r;
            return this;
        }

        public Resource status(int s) {
            status = s;
            return this;
        }
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static TestServer start() throws IOException {
        return new TestServer();
    }

    /** The URL of a path on this server, e.g. {@code uri("/simple/")}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Resource serve(String path, String contentType, byte[] body) {
        Resource r = resources.computeIfAbsent(path, p -> new Resource());
        r.body = body;
        r.contentType = contentType;
        return r;
    }

    public Resource serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public Resource redirect(String from, String location, int status) {
        Resource r = resources.computeIfAbsent(from, p -> new Resource());
        r.redirectTo = location;
        r.redirectStatus = status;
        return r;
    }

    public Resource resource(String path) {
        return resources.get(path);
    }

    public List<Seen> requests() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public List<Seen> requests(String path) {
        return requests().stream().filter(s -> s.path().equals(path)).toList();
    }

    public void clearRequests() {
        seen.clear();
    }

    /** The most requests this server has handled at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            handleCounted(ex);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void handleCounted(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> h = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(", ", v)));
            seen.add(new Seen(ex.getRequestMethod(), path, h));
            Resource r = resources.get(path);
            if (r == null) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!r.delay.isZero()) {
                try {
                    Thread.sleep(r.delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (r.failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(ex, r.failureStatus, "text/plain", "failure".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (r.redirectTo != null) {
                ex.getResponseHeaders().set("Location", r.redirectTo);
                ex.sendResponseHeaders(r.redirectStatus, -1);
                return;
            }
            Headers out = ex.getResponseHeaders();
            if (r.etag != null) {
                out.set("ETag", r.etag);
                if (r.etag.equals(h.get("if-none-match"))) {
                    if (r.cacheControl != null) {
                        out.set("Cache-Control", r.cacheControl);
                    }
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
            }
            if (r.lastModified != null) {
                out.set("Last-Modified", r.lastModified);
                if (r.etag == null && r.lastModified.equals(h.get("if-modified-since"))) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
            }
            if (r.cacheControl != null) {
                out.set("Cache-Control", r.cacheControl);
            }
            byte[] body = r.body;
            if (r.dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                out.set("Content-Type", r.contentType);
                ex.sendResponseHeaders(200, body.length);
                OutputStream os = ex.getResponseBody();
                os.write(body, 0, body.length / 2);
                os.flush();
                // closing the exchange short of Content-Length makes the server drop the connection
                return;
            }
            String range = h.get("range");
            if (range != null && r.ranges && r.status == 200) {
                Matcher m = RANGE.matcher(range.strip());
                if (m.matches()) {
                    long start;
                    long end;
                    if (m.group(1).isEmpty()) {
                        long n = Long.parseLong(m.group(2));
                        start = Math.max(0, body.length - n);
                        end = body.length - 1;
                    } else {
                        start = Long.parseLong(m.group(1));
                        end = m.group(2).isEmpty() ? body.length - 1 : Math.min(Long.parseLong(m.group(2)), body.length - 1);
                    }
                    if (start > end || start >= body.length) {
                        out.set("Content-Range", "bytes */" + body.length);
                        ex.sendResponseHeaders(416, -1);
                        return;
                    }
                    out.set("Content-Range", "bytes " + start + "-" + end + "/" + body.length);
                    out.set("Accept-Ranges", "bytes");
                    byte[] part = java.util.Arrays.copyOfRange(body, (int) start, (int) end + 1);
                    send(ex, 206, r.contentType, part);
                    return;
                }
            }
            send(ex, r.status, r.contentType, body);
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
