package dev.pinwheel.index.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.testing.TestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetcherTest {
    private TestServer server;
    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpSettings fast() {
        return HttpSettings.defaults().withRetryDelay(Duration.ofMillis(5)).withReadTimeout(Duration.ofSeconds(5));
    }

    private static String text(Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void getPage_sendsAcceptAndUserAgent() throws Exception {
        server.serve("/simple/foo/", "text/html", "<html></html>");
        Response r = new Fetcher(fast()).getPage(server.uri("/simple/foo/"), SimplePages.ACCEPT);
        assertEquals(200, r.status());
        assertEquals("text/html", r.mediaType());
        TestServer.Seen seen = server.requests("/simple/foo/").get(0);
        assertEquals(SimplePages.ACCEPT, seen.header("accept"));
        assertTrue(seen.header("user-agent").startsWith("pinwheel/"), seen.header("user-agent"));
    }

    @Test
    void getPage_followsRedirectsAndReportsTheFinalUrl() throws Exception {
        server.redirect("/simple/Foo/", "/simple/foo/", 301);
        server.redirect("/simple/foo/", "http://127.0.0.1:" + server.port() + "/mirror/foo/", 302);
        server.serve("/mirror/foo/", "text/html", "ok");
        Response r = new Fetcher(fast()).getPage(server.uri("/simple/Foo/"), SimplePages.ACCEPT);
        assertEquals("ok", text(r));
        assertEquals(server.uri("/mirror/foo/"), r.finalUri());
    }

    @Test
    void getPage_redirectLoopIsAnError() throws Exception {
        server.redirect("/a/", "/b/", 302);
        server.redirect("/b/", "/a/", 302);
        FetchException e = assertThrows(FetchException.class, () -> new Fetcher(fast()).getPage(server.uri("/a/"), "text/html"));
        assertEquals("More than 10 redirects from `" + server.uri("/a/") + "`", e.getMessage());
    }

    @Test
    void getPage_retries5xxThenSucceeds() throws Exception {
        server.serve("/simple/foo/", "text/html", "ok").fail(2, 503);
        Response r = new Fetcher(fast()).getPage(server.uri("/simple/foo/"), "text/html");
        assertEquals("ok", text(r));
        assertEquals(3, server.requests("/simple/foo/").size());
    }

    @Test
    void getPage_givesUpAfterRetriesWithTheStatus() throws Exception {
        server.serve("/simple/foo/", "text/html", "ok").fail(10, 500);
        FetchException e = assertThrows(FetchException.class,
                () -> new Fetcher(fast().withMaxRetries(2)).getPage(server.uri("/simple/foo/"), "text/html"));
        assertEquals("HTTP status 500 for `" + server.uri("/simple/foo/") + "`", e.getMessage());
        assertEquals(3, server.requests("/simple/foo/").size());
        assertEquals(500, e.status().getAsInt());
    }

    @Test
    void getPage_404IsAResponseNotAnError() throws Exception {
        Response r = new Fetcher(fast()).getPage(server.uri("/simple/missing/"), "text/html");
        assertEquals(404, r.status());
        assertEquals(1, server.requests().size());
    }

    @Test
    void getPage_largeErrorPagesAreStillJustTheirStatus() throws Exception {
        server.serve("/simple/gone/", "text/html", "x".repeat(500_000)).status(404);
        assertEquals(404, new Fetcher(fast()).getPage(server.uri("/simple/gone/"), "text/html").status());
    }

    @Test
    void getPage_droppedConnectionIsRetried() throws Exception {
        server.serve("/simple/foo/", "text/html", "x".repeat(100_000)).drop(1);
        Response r = new Fetcher(fast()).getPage(server.uri("/simple/foo/"), "text/html");
        assertEquals(100_000, r.body().length);
        assertEquals(2, server.requests("/simple/foo/").size());
    }

    @Test
    void getPage_droppedConnectionEveryTimeIsAClearError() throws Exception {
        server.serve("/simple/foo/", "text/html", "x".repeat(100_000)).drop(100);
        FetchException e = assertThrows(FetchException.class,
                () -> new Fetcher(fast().withMaxRetries(1)).getPage(server.uri("/simple/foo/"), "text/html"));
        assertEquals(FetchException.Kind.IO, e.kind());
        assertEquals("Request failed (Connection closed after 50000 of 100000 bytes) for `" + server.uri("/simple/foo/") + "` after 2 attempts",
                e.getMessage());
    }

    @Test
    void getPage_slowServerTimesOut() throws Exception {
        server.serve("/simple/foo/", "text/html", "late").delay(Duration.ofSeconds(3));
        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> new Fetcher(fast().withReadTimeout(Duration.ofMillis(200)).withMaxRetries(1))
                .getPage(server.uri("/simple/foo/"), "text/html"));
        assertEquals(FetchException.Kind.TIMEOUT, e.kind());
        assertEquals("No response within 200 ms for `" + server.uri("/simple/foo/") + "` after 2 attempts", e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), "gave up before the server answered");
    }

    @Test
    void interruptingTheCallerAbandonsTheRequest() throws Exception {
        server.serve("/simple/foo/", "text/html", "late").delay(Duration.ofSeconds(3));
        Fetcher f = new Fetcher(fast());
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                f.getPage(server.uri("/simple/foo/"), "text/html");
            } catch (Exception e) {
                failure.set(e);
            }
        });
        long start = System.nanoTime();
        caller.start();
        while (server.requests("/simple/foo/").isEmpty()) {
            Thread.sleep(5);
        }
        caller.interrupt();
        caller.join(Duration.ofSeconds(5).toMillis());
        assertFalse(caller.isAlive());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "gave up before the server answered");
        FetchException e = (FetchException) failure.get();
        assertEquals("Interrupted during a request to `" + server.uri("/simple/foo/") + "`", e.getMessage());
        assertEquals(1, server.requests("/simple/foo/").size(), "not retried");
        // the fetcher is still usable
        server.serve("/simple/bar/", "text/html", "ok");
        assertEquals("ok", text(f.getPage(server.uri("/simple/bar/"), "text/html")));
    }

    @Test
    void close_endsRequestsInFlightAndRefusesNewOnes() throws Exception {
        server.serve("/simple/foo/", "text/html", "late").delay(Duration.ofSeconds(3));
        Fetcher f = new Fetcher(fast().withMaxParallel(1));
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // one request waits for its answer, the other for a transport thread
            var answered = callers.submit(() -> f.getPage(server.uri("/simple/foo/"), "text/html"));
            var queued = callers.submit(() -> f.getPage(server.uri("/simple/foo/"), "text/html"));
            while (server.requests("/simple/foo/").isEmpty()) {
                Thread.sleep(5);
            }
            long start = System.nanoTime();
            f.close();
            for (var future : List.of(answered, queued)) {
                java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> future.get(5, java.util.concurrent.TimeUnit.SECONDS));
                assertEquals("The index was closed: no request to `" + server.uri("/simple/foo/") + "`", e.getCause().getMessage());
            }
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "ended before the server answered");
        } finally {
            callers.shutdownNow();
        }
        assertEquals(1, server.requests("/simple/foo/").size());
        FetchException e = assertThrows(FetchException.class, () -> f.getPage(server.uri("/simple/bar/"), "text/html"));
        assertEquals(FetchException.Kind.IO, e.kind());
        assertTrue(server.requests("/simple/bar/").isEmpty());
    }

    @Test
    void credentials_sentToTheirOriginOnlyAndNeverShown() throws Exception {
        server.serve("/private/foo/", "text/html", "ok").fail(5, 500);
        URI withCreds = URI.create("http://alice:s3cret@127.0.0.1:" + server.port() + "/private/foo/");
        FetchException e = assertThrows(FetchException.class,
                () -> new Fetcher(fast().withMaxRetries(0)).getPage(withCreds, "text/html"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("http://***@127.0.0.1:"), e.getMessage());
        String auth = server.requests("/private/foo/").get(0).header("authorization");
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)), auth);

        // the same credentials are not sent to another origin (another port on the same host)
        server.serve("/other/", "text/html", "ok");
        Credentials creds = Credentials.NONE.withUserInfoOf(withCreds);
        Fetcher f = new Fetcher(fast().withCredentials(creds));
        try (TestServer elsewhere = TestServer.start()) {
            elsewhere.serve("/other/", "text/html", "ok");
            f.getPage(elsewhere.uri("/other/"), "text/html");
            assertNull(elsewhere.requests("/other/").get(0).header("authorization"));
            // nor after a redirect from the credentialed origin to the other one
            server.redirect("/jump/", elsewhere.uri("/other/").toString(), 302);
            f.getPage(server.uri("/jump/"), "text/html");
            assertEquals(auth, server.requests("/jump/").get(0).header("authorization"));
            assertNull(elsewhere.requests("/other/").get(1).header("authorization"));
        }
        f.getPage(server.uri("/other/"), "text/html");
        assertEquals(auth, server.requests("/other/").get(0).header("authorization"));
    }

    @Test
    void credentials_fromNetrcByHost() throws Exception {
        Path netrc = tmp.resolve("netrc");
        Files.writeString(netrc, "machine example.org login x password y\nmachine 127.0.0.1\n  login bob\n  password pw\n");
        server.serve("/p/", "text/html", "ok");
        new Fetcher(fast().withCredentials(Credentials.NONE.withNetrc(netrc))).getPage(server.uri("/p/"), "text/html");
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8)),
                server.requests("/p/").get(0).header("authorization"));
    }

    @Test
    void cache_revalidatesWithEtag() throws Exception {
        server.serve("/simple/foo/", "text/html", "v1").etag("\"e1\"");
        Fetcher f = new Fetcher(fast().withCacheDir(Optional.of(tmp.resolve("cache"))));
        assertEquals("v1", text(f.getPage(server.uri("/simple/foo/"), "text/html")));
        Response second = f.getPage(server.uri("/simple/foo/"), "text/html");
        assertEquals("v1", text(second));
        assertTrue(second.fromCache());
        assertEquals("\"e1\"", server.requests("/simple/foo/").get(1).header("if-none-match"));
        // the page changes: a new ETag gives the new body
        server.serve("/simple/foo/", "text/html", "v2").etag("\"e2\"");
        assertEquals("v2", text(f.getPage(server.uri("/simple/foo/"), "text/html")));
        assertEquals(3, server.requests("/simple/foo/").size());
    }

    @Test
    void cache_revalidatesWithLastModified() throws Exception {
        String date = "Wed, 01 May 2024 10:00:00 GMT";
        server.serve("/simple/foo/", "text/html", "v1").lastModified(date).cacheControl("max-age=0");
        Fetcher f = new Fetcher(fast().withCacheDir(Optional.of(tmp.resolve("cache"))));
        f.getPage(server.uri("/simple/foo/"), "text/html");
        Response second = f.getPage(server.uri("/simple/foo/"), "text/html");
        assertEquals("v1", text(second));
        assertTrue(second.fromCache());
        assertEquals(date, server.requests("/simple/foo/").get(1).header("if-modified-since"));
    }

    @Test
    void cache_freshEntryMakesNoRequestAndIsSharedBetweenFetchers() throws Exception {
        server.serve("/simple/foo/", "text/html", "v1").cacheControl("max-age=600, public");
        Path dir = tmp.resolve("cache");
        new Fetcher(fast().withCacheDir(Optional.of(dir))).getPage(server.uri("/simple/foo/"), "text/html");
        Response r = new Fetcher(fast().withCacheDir(Optional.of(dir))).getPage(server.uri("/simple/foo/"), "text/html");
        assertEquals("v1", text(r));
        assertEquals(1, server.requests("/simple/foo/").size());
    }

    @Test
    void cache_noStoreIsNotStored() throws Exception {
        server.serve("/simple/foo/", "text/html", "v1").cacheControl("no-store").etag("\"e\"");
        Fetcher f = new Fetcher(fast().withCacheDir(Optional.of(tmp.resolve("cache"))));
        f.getPage(server.uri("/simple/foo/"), "text/html");
        f.getPage(server.uri("/simple/foo/"), "text/html");
        assertNull(server.requests("/simple/foo/").get(1).header("if-none-match"));
    }

    @Test
    void offline_servesStaleEntriesAndNamesWhatIsMissing() throws Exception {
        server.serve("/simple/foo/", "text/html", "v1").etag("\"e1\"");
        Path dir = tmp.resolve("cache");
        new Fetcher(fast().withCacheDir(Optional.of(dir))).getPage(server.uri("/simple/foo/"), "text/html");
        server.clearRequests();
        Fetcher offline = new Fetcher(fast().withCacheDir(Optional.of(dir)).withOffline(true));
        assertEquals("v1", text(offline.getPage(server.uri("/simple/foo/"), "text/html")));
        FetchException e = assertThrows(FetchException.class, () -> offline.getPage(server.uri("/simple/bar/"), "text/html"));
        assertEquals("Offline mode: `" + server.uri("/simple/bar/") + "` is not in the cache at `" + dir.toAbsolutePath() + "`", e.getMessage());
        assertEquals(FetchException.Kind.OFFLINE, e.kind());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void cache_corruptEntryIsAMiss() throws Exception {
        server.serve("/simple/foo/", "text/html", "v1").cacheControl("max-age=600");
        Path dir = tmp.resolve("cache");
        Fetcher f = new Fetcher(fast().withCacheDir(Optional.of(dir)));
        f.getPage(server.uri("/simple/foo/"), "text/html");
        try (var files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(p);
                Files.write(p, java.util.Arrays.copyOf(b, b.length - 1));
            }
        }
        assertEquals("v1", text(f.getPage(server.uri("/simple/foo/"), "text/html")));
        assertEquals(2, server.requests("/simple/foo/").size());
    }

    @Test
    void bodyLargerThanTheLimitIsRefused() throws Exception {
        server.serve("/big/", "text/html", "x".repeat(10_000));
        FetchException e = assertThrows(FetchException.class, () -> new Fetcher(fast().withMaxBodyBytes(1000)).getPage(server.uri("/big/"), "text/html"));
        assertEquals("The body of `" + server.uri("/big/") + "` is larger than the limit of 1000 bytes", e.getMessage());
        assertEquals(1, server.requests("/big/").size());
    }

    @Test
    void rangeSource_readsTheTailThenRanges() throws Exception {
        byte[] data = new byte[200_000];
        new java.util.Random(1).nextBytes(data);
        server.serve("/f.whl", "application/octet-stream", data);
        try (ByteSource src = new Fetcher(fast()).open(server.uri("/f.whl"), true, 1000, tmp)) {
            assertEquals(200_000, src.size());
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 199_500, 199_600), src.read(199_500, 100));
            assertEquals(1, src.requests());
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 10, 5010), src.read(10, 5000));
            assertEquals(2, src.requests());
            assertTrue(src.sha256().isEmpty());
        }
        assertEquals("bytes=-1000", server.requests("/f.whl").get(0).header("range"));
        assertEquals("*/*", server.requests("/f.whl").get(0).header("accept"));
        assertEquals("bytes=10-5009", server.requests("/f.whl").get(1).header("range"));
    }

    @Test
    void rangeSource_fallsBackToTheWholeFileWhenRangesAreIgnored() throws Exception {
        byte[] data = new byte[50_000];
        new java.util.Random(2).nextBytes(data);
        server.serve("/f.whl", "application/octet-stream", data).ranges(false);
        try (ByteSource src = new Fetcher(fast()).open(server.uri("/f.whl"), true, 1000, tmp)) {
            assertEquals(50_000, src.size());
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 3, 40_003), src.read(3, 40_000));
            assertEquals(dev.pinwheel.index.testing.TestArchives.sha256(data), src.sha256().orElseThrow());
        }
        assertEquals(1, server.requests("/f.whl").size());
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count(), "the temporary download is deleted on close");
        }
    }

    @Test
    void parallelRequestsAreBounded() throws Exception {
        for (int i = 0; i < 12; i++) {
            server.serve("/simple/p" + i + "/", "text/html", "ok").delay(Duration.ofMillis(100));
        }
        Fetcher f = new Fetcher(fast().withMaxParallel(3));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<Response>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                URI u = server.uri("/simple/p" + i + "/");
                futures.add(pool.submit(() -> f.getPage(u, "text/html")));
            }
            for (var fu : futures) {
                assertEquals("ok", text(fu.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, server.maxInFlight(), "three at a time, and all three slots used");
    }
}
