package dev.pinwheel.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real loopback HTTP server over a directory, as {@code python -m http.server} serves a static index
 * ({@code /simple/x/} is {@code simple/x/index.html}). Paths can be made to fail: replaced bodies, a status,
 * or no answer at all (for timeouts).
 */
final class StaticServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Path root;
    final Map<String, byte[]> replaced = new ConcurrentHashMap<>();
    final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    volatile boolean hang;
    private final CountDownLatch release = new CountDownLatch(1);

    StaticServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (hang) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            Integer status = statuses.get(path);
            if (status != null) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            byte[] body = replaced.get(path);
            if (body == null) {
                Path p = root.resolve(path.substring(1)).normalize();
                if (!p.startsWith(root)) {
                    ex.sendResponseHeaders(403, -1);
                    return;
                }
                if (Files.isDirectory(p)) {
                    // PEP 691 content negotiation: JSON when the client asks for it first and the page exists
                    String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
                    boolean json = accept.startsWith("application/vnd.pypi.simple.v1+json") && Files.isRegularFile(p.resolve("index.json"));
                    p = p.resolve(json ? "index.json" : "index.html");
                }
                if (!Files.isRegularFile(p)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                body = Files.readAllBytes(p);
                ex.getResponseHeaders().set("Content-Type", p.toString().endsWith(".html") ? "text/html"
                        : p.toString().endsWith(".json") ? "application/vnd.pypi.simple.v1+json" : "application/octet-stream");
            }
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
