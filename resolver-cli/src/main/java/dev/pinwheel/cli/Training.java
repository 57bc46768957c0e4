package dev.pinwheel.cli;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The launcher's training run for the class-data-sharing archive: runs {@code compile} the ways people do
 * (over a loopback HTTP index, a {@code file:} index and {@code --find-links}; all three output formats; with
 * and without a cache; an error) so that the archive written at exit holds the classes real runs load. Not part
 * of the command's interface.
 */
final class Training {
    private Training() {
    }

    /**
     * @param args the example index directory ({@code examples/index}) and a requirements file
     */
    public static void main(String[] args) throws IOException {
        Path index = Path.of(args[0]).toAbsolutePath();
        String reqs = Path.of(args[1]).toAbsolutePath().toString();
        Path tmp = Files.createTempDirectory("pinwheel-training");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                Path p = index.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
                if (Files.isDirectory(p)) {
                    p = p.resolve("index.html");
                }
                if (!p.startsWith(index) || !Files.isRegularFile(p)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(p);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/simple";
            String cache = tmp.resolve("cache").toString();
            run(tmp, "compile", reqs, "--index-url", url, "--no-cache", "--generate-hashes", "-o", "requirements.txt");
            run(tmp, "compile", reqs, "--index-url", url, "--cache-dir", cache, "-o", "pylock.toml");
            run(tmp, "compile", reqs, "--index-url", url, "--cache-dir", cache, "-o", "requirements.txt", "--upgrade-package", "urlkit");
            run(tmp, "compile", reqs, "--index-url", index.toUri() + "simple", "--no-cache", "--format", "json");
            run(tmp, "compile", reqs, "--no-index", "--find-links", index.resolve("files").toString(), "--no-cache");
            run(tmp, "explain", "idna-lite", reqs, "--index-url", url, "--no-cache");
            run(tmp, "compile", "bad >=", "--no-cache");
        } finally {
            server.stop(0);
            try (Stream<Path> s = Files.walk(tmp)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path cwd, String... args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        Pinwheel.run(new Context(java.io.InputStream.nullInputStream(), sink, sink, k -> Optional.empty(), false, cwd, List.of(args)));
    }
}
