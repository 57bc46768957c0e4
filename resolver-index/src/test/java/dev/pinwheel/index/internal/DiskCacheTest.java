package dev.pinwheel.index.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheTest {
    @TempDir
    Path dir;

    @Test
    void entryRoundTrips() throws Exception {
        DiskCache cache = new DiskCache(dir);
        byte[] body = "line1\n\nline3".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        DiskCache.Entry e = new DiskCache.Entry(URI.create("https://example.org/simple/a/"), Map.of("etag", "\"x\"", "content-type", "text/html"), 1000, 600, body);
        cache.writeHttp("ab" + "0".repeat(62), e);
        DiskCache.Entry back = cache.readHttp("ab" + "0".repeat(62)).orElseThrow();
        assertEquals(e.finalUri(), back.finalUri());
        assertEquals(e.headers(), back.headers());
        assertEquals(1000, back.storedAtMillis());
        assertEquals(600, back.maxAgeSeconds());
        assertArrayEquals(body, back.body());
        assertTrue(back.isFresh(1000 + 599_000));
        assertTrue(!back.isFresh(1000 + 600_000));
    }

    /** Writers in several threads (and, through the same atomic rename, processes) never expose a torn entry. */
    @Test
    void concurrentWritersAndReadersSeeWholeEntriesOnly() throws Exception {
        String key = DiskCache.key("page", "https://example.org/simple/a/", "accept");
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] b = new byte[100_000 * (i + 1)];
            java.util.Arrays.fill(b, (byte) ('a' + i));
            bodies.add(b);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger reads = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int which = w;
                futures.add(pool.submit(() -> {
                    DiskCache cache = new DiskCache(dir);
                    for (int n = 0; n < 30; n++) {
                        cache.writeHttp(key, new DiskCache.Entry(URI.create("https://example.org/"), Map.of(), n, 0, bodies.get(which)));
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 4; r++) {
                futures.add(pool.submit(() -> {
                    DiskCache cache = new DiskCache(dir);
                    for (int n = 0; n < 200; n++) {
                        Optional<DiskCache.Entry> e = cache.readHttp(key);
                        if (e.isPresent()) {
                            reads.incrementAndGet();
                            byte[] b = e.get().body();
                            assertTrue(bodies.stream().anyMatch(x -> java.util.Arrays.equals(x, b)), "a torn entry of " + b.length + " bytes");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(reads.get() > 0);
        try (var files = Files.walk(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith(".tmp-")).count(), "no temporary file is left behind");
        }
    }
}
