package dev.pinwheel.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pinwheel.name.PackageName;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A real PEP 691 JSON simple index on loopback, serving real wheels (zip files with {@code METADATA}, {@code WHEEL},
 * {@code RECORD}) and PEP 658 metadata files, with sha256 hashes, sizes and upload times. Releases can be added
 * while it runs; it can be made slow or failing; it counts every request it answers.
 */
final class LoopbackIndex implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "loopback-index");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Map<String, Release>> projects = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger pageRequests = new AtomicInteger();
    private volatile long delayMillis;
    private volatile int failWith;

    private record Release(String name, String version, String wheel, String sha256, long size, String metadataSha256,
                           String requiresPython) {
    }

    LoopbackIndex() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The index URL, {@code http://127.0.0.1:port/simple/}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/simple/");
    }

    /** Adds a {@code py3-none-any} wheel of {@code name==version} with these {@code Requires-Dist} lines. */
    LoopbackIndex release(String name, String version, String... requiresDist) {
        return releaseWithPython(name, version, null, requiresDist);
    }

    /** As {@link #release}, with a {@code Requires-Python}. */
    LoopbackIndex releaseWithPython(String name, String version, String requiresPython, String... requiresDist) {
        String norm = PackageName.parse(name).normalized();
        String stem = norm.replace('-', '_') + "-" + version;
        String wheel = stem + "-py3-none-any.whl";
        StringBuilder md = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        if (requiresPython != null) {
            md.append("Requires-Python: ").append(requiresPython).append('\n');
        }
        for (String r : requiresDist) {
            md.append("Requires-Dist: ").append(r).append('\n');
        }
        md.append('\n');
        byte[] metadata = md.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = wheel(stem, metadata);
        blobs.put("/files/" + wheel, bytes);
        blobs.put("/files/" + wheel + ".metadata", metadata);
        projects.computeIfAbsent(norm, k -> new ConcurrentHashMap<>()).put(version,
                new Release(name, version, wheel, Digests.sha256Hex(bytes), bytes.length, Digests.sha256Hex(metadata),
                        requiresPython));
        return this;
    }

    /** Every request answered so far. */
    int requests() {
        return requests.get();
    }

    /** Project page requests answered so far. */
    int pageRequests() {
        return pageRequests.get();
    }

    /** Makes every answer wait. */
    void delay(long millis) {
        this.delayMillis = millis;
    }

    /** Makes every answer this status (0: normal). */
    void failWith(int status) {
        this.failWith = status;
    }

    /** Serves other bytes than the page's hash promises for the metadata of {@code name==version}. */
    void corruptMetadata(String name, String version) {
        Release r = projects.get(PackageName.parse(name).normalized()).get(version);
        blobs.put("/files/" + r.wheel() + ".metadata", ("Metadata-Version: 2.1\nName: " + name + "\nVersion: "
                + version + "\nRequires-Dist: evil\n\n").getBytes(StandardCharsets.UTF_8));
    }

    String sha256(String name, String version) {
        return projects.get(PackageName.parse(name).normalized()).get(version).sha256();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (failWith != 0) {
                send(ex, failWith, "text/plain", "failing on purpose".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/simple/")) {
                pageRequests.incrementAndGet();
                String project = path.substring("/simple/".length()).replace("/", "");
                Map<String, Release> releases = projects.get(project);
                if (releases == null) {
                    send(ex, 404, "text/plain", "no such project".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                byte[] page = page(project, releases).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("ETag", "\"" + Digests.sha256Hex(page).substring(0, 16) + "\"");
                send(ex, 200, "application/vnd.pypi.simple.v1+json", page);
                return;
            }
            byte[] blob = blobs.get(path);
            if (blob == null) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(ex, 200, "application/octet-stream", blob);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String page(String project, Map<String, Release> releases) {
        StringBuilder b = new StringBuilder("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"" + project + "\",\"files\":[");
        List<String> files = new ArrayList<>();
        for (Release r : new TreeMap<>(releases).values()) {
            files.add(String.format(Locale.ROOT, "{\"filename\":\"%s\",\"url\":\"/files/%s\",\"hashes\":{\"sha256\":\"%s\"},"
                            + "\"size\":%d,\"upload-time\":\"2024-01-01T00:00:00Z\",\"core-metadata\":{\"sha256\":\"%s\"}%s}",
                    r.wheel(), r.wheel(), r.sha256(), r.size(), r.metadataSha256(),
                    r.requiresPython() == null ? "" : ",\"requires-python\":\"" + r.requiresPython() + "\""));
        }
        b.append(String.join(",", files)).append("],\"versions\":[");
        List<String> versions = new ArrayList<>();
        for (String v : new TreeMap<>(releases).keySet()) {
            versions.add("\"" + v + "\"");
        }
        return b.append(String.join(",", versions)).append("]}").toString();
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] wheel(String stem, byte[] metadata) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String pkg = stem.substring(0, stem.indexOf('-'));
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, pkg + "/__init__.py", "VALUE = 1\n".getBytes(StandardCharsets.UTF_8));
            entry(zip, stem + ".dist-info/METADATA", metadata);
            entry(zip, stem + ".dist-info/WHEEL", ("Wheel-Version: 1.0\nGenerator: pinwheel-tests\n"
                    + "Root-Is-Purelib: true\nTag: py3-none-any\n").getBytes(StandardCharsets.UTF_8));
            entry(zip, stem + ".dist-info/RECORD", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
