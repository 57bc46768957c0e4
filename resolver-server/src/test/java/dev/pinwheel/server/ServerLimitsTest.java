package dev.pinwheel.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.index.simple.SimpleIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every limit, coalescing and graceful shutdown, on a real server with a real (slow when asked) index. */
class ServerLimitsTest {
    LoopbackIndex index;
    PackageIndex simple;
    PinwheelServer server;
    Http http;

    @BeforeEach
    void setUp() throws Exception {
        index = new LoopbackIndex();
        ServerIntegrationTest.universe(index);
    }

    void start(UnaryOperator<ServerConfig.Builder> config) throws Exception {
        simple = SimpleIndex.builder(index.url()).id("loopback")
                .options(IndexOptions.defaults().withoutCache().withRetries(0)).build();
        start(simple, config);
    }

    void start(PackageIndex idx, UnaryOperator<ServerConfig.Builder> config) throws Exception {
        server = PinwheelServer.builder().index("default", idx)
                .config(config.apply(ServerConfig.builder().port(0)).build()).build();
        server.start();
        http = new Http(server.uri());
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
        if (simple != null) {
            simple.close();
        }
        index.close();
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String body) {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/v1/resolve"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private void awaitInFlight(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!http.get("/metrics").body().contains("pinwheel_resolutions_in_flight " + n + "\n")) {
            if (System.nanoTime() > deadline) {
                fail("never saw " + n + " resolutions in flight");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void coalescing_manyIdenticalConcurrentRequestsCauseOneResolution() throws Exception {
        start(c -> c.httpThreads(32));
        index.delay(150);
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(postAsync(ServerIntegrationTest.DJANGO));
        }
        Set<String> bodies = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> f : all) {
            HttpResponse<String> r = f.get();
            assertEquals(200, r.statusCode(), r.body());
            bodies.add(r.body());
            sources.add(r.headers().firstValue("X-Pinwheel-Cache").orElseThrow());
        }
        assertEquals(1, bodies.size());
        assertEquals(3, index.pageRequests(), "one resolution reads each of the three pages once");
        Metrics m = server.metrics();
        assertEquals(1, m.cacheMisses());
        assertEquals(19, m.coalescedCount() + m.cacheHits());
        assertTrue(m.coalescedCount() >= 10, "most waited for the running resolution: " + m.coalescedCount());
        assertTrue(sources.contains("coalesced"), sources.toString());
    }

    @Test
    void inFlightLimit_isA503WithRetryAfter() throws Exception {
        start(c -> c.maxInFlight(1).queueTimeout(Duration.ZERO).retryAfter(Duration.ofSeconds(2)));
        index.delay(300);
        CompletableFuture<HttpResponse<String>> slow = postAsync(ServerIntegrationTest.DJANGO);
        awaitInFlight(1);
        HttpResponse<String> rejected = http.post("/v1/resolve", "{\"requirements\": [\"sqlparse\"]}");
        assertEquals(503, rejected.statusCode(), rejected.body());
        assertEquals("2", rejected.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("https://pinwheel.dev/problems/overloaded", Http.json(rejected).get("type").asText());
        assertEquals(200, slow.get().statusCode(), "the running resolution is unaffected");
        // A cache hit needs no resolution slot.
        assertEquals(200, http.post("/v1/resolve", ServerIntegrationTest.DJANGO).statusCode());
        assertTrue(http.get("/metrics").body().contains("pinwheel_rejected_total{reason=\"overloaded\"} 1\n"));
    }

    @Test
    void inFlightLimit_queuesForAWhileBeforeRefusing() throws Exception {
        start(c -> c.maxInFlight(1).queueTimeout(Duration.ofSeconds(20)));
        index.delay(100);
        CompletableFuture<HttpResponse<String>> first = postAsync(ServerIntegrationTest.DJANGO);
        awaitInFlight(1);
        HttpResponse<String> queued = http.post("/v1/resolve", "{\"requirements\": [\"sqlparse\"]}");
        assertEquals(200, queued.statusCode(), queued.body());
        assertEquals(200, first.get().statusCode());
    }

    @Test
    void resolutionTimeout_isA503AndTheAnswerIsCachedForTheRetry() throws Exception {
        start(c -> c.resolutionTimeout(Duration.ofMillis(200)));
        index.delay(150);
        HttpResponse<String> late = http.post("/v1/resolve", ServerIntegrationTest.DJANGO);
        assertEquals(503, late.statusCode(), late.body());
        assertEquals("https://pinwheel.dev/problems/resolution-timeout", Http.json(late).get("type").asText());
        assertEquals("1", late.headers().firstValue("Retry-After").orElseThrow());
        awaitInFlight(0);
        index.delay(0);
        HttpResponse<String> retry = http.post("/v1/resolve", ServerIntegrationTest.DJANGO);
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals("hit", retry.headers().firstValue("X-Pinwheel-Cache").orElseThrow());
    }

    @Test
    void conflictBudget_isA422NamingTheBudget() throws Exception {
        // A universe where the newest versions all conflict: p==i needs r==i, q==i needs r==(11-i).
        InMemoryIndex.Builder b = InMemoryIndex.builder("memory");
        for (int i = 1; i <= 10; i++) {
            b.release("p", i + ".0", List.of("r==" + i + ".0"));
            b.release("q", i + ".0", List.of("r==" + (11 - i) + ".0"));
            b.release("r", i + ".0", List.of());
        }
        start(b.build(), c -> c.conflictBudget(1));
        HttpResponse<String> r = http.post("/v1/resolve", "{\"requirements\": [\"p\", \"q\"]}");
        assertEquals(422, r.statusCode(), r.body());
        JsonNode p = Http.json(r);
        assertEquals("https://pinwheel.dev/problems/budget-exceeded", p.get("type").asText());
        assertEquals(1, p.get("budget").asInt());
        assertTrue(p.get("conflicts").asLong() >= 1);
        HttpResponse<String> again = http.post("/v1/resolve", "{\"requirements\": [\"q\", \"p\"]}");
        assertEquals(422, again.statusCode());
        assertEquals("hit", again.headers().firstValue("X-Pinwheel-Cache").orElseThrow(),
                "a hard request is not solved again while the index is unchanged");
    }

    @Test
    void bodyLimit_declaredOrStreamedIsA413() throws Exception {
        start(c -> c.maxBodyBytes(1024));
        String big = "{\"requirements\": [\"" + "a".repeat(2000) + "\"]}";
        HttpResponse<String> declared = http.post("/v1/resolve", big);
        assertEquals(413, declared.statusCode(), declared.body());
        assertEquals("The body has " + big.length() + " bytes; the limit is 1024", Http.json(declared).get("detail").asText());

        HttpRequest chunked = HttpRequest.newBuilder(server.uri().resolve("/v1/resolve"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        big.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build();
        HttpResponse<String> streamed = http.send(chunked);
        assertEquals(413, streamed.statusCode(), streamed.body());
        assertEquals("The body exceeds the limit of 1024 bytes", Http.json(streamed).get("detail").asText());
        assertEquals(200, http.get("/healthz").statusCode());
    }

    @Test
    void hugeBody_isRefusedWithoutReadingIt() throws Exception {
        start(c -> c);
        byte[] huge = new byte[32 << 20];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/v1/resolve"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build();
        try {
            HttpResponse<String> r = http.client().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, r.statusCode(), r.body());
        } catch (IOException e) {
            // Acceptable: the server answered 413 and closed the connection while the client was still sending.
        }
        assertEquals(200, http.get("/healthz").statusCode(), "the server goes on");
    }

    @Test
    void requirementLimits_countAndLength() throws Exception {
        start(c -> c.maxRequirements(3).maxRequirementLength(40));
        HttpResponse<String> many = http.post("/v1/resolve",
                "{\"requirements\": [\"a\", \"b\"], \"constraints\": [\"c\", \"d\"]}");
        assertEquals(400, many.statusCode());
        assertEquals("Too many requirements: 4 requirements, constraints and overrides; the limit is 3",
                Http.json(many).get("detail").asText());
        HttpResponse<String> longOne = http.post("/v1/resolve",
                "{\"requirements\": [\"a\", \"b" + "b".repeat(40) + "\"]}");
        assertEquals(400, longOne.statusCode());
        JsonNode p = Http.json(longOne);
        assertEquals("/requirements/1", p.get("field").asText());
        assertEquals("Requirement too long: 41 characters; the limit is 40", p.get("detail").asText());
    }

    @Test
    void slowClient_isDisconnectedAndTheServerGoesOn() throws Exception {
        start(c -> c);
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /v1/resolve HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"requirements\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            // Meanwhile others are served.
            assertEquals(200, http.get("/healthz").statusCode());
            int read = socket.getInputStream().read();
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(-1, read, "the connection is closed, not answered");
            assertTrue(seconds < 15, "cut after the request time limit (3 s in tests), took " + seconds + " s");
        }
        assertEquals(200, http.get("/healthz").statusCode());
    }

    @Test
    void unexpectedFailure_isA500ProblemForEveryWaiterAndTheServerGoesOn() throws Exception {
        // A resolver that fails in a way nobody planned for (as ResolverFindingsTest's Sat4j crash does).
        ResolutionEngine failing = (input, idx, budget) -> {
            if (input.requirements().get(0).name().normalized().equals("boom")) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("solver state corrupted");
            }
            return new ResolverEngine(1, java.util.Map.of()).resolve(input, idx, budget);
        };
        simple = SimpleIndex.builder(index.url()).id("loopback")
                .options(IndexOptions.defaults().withoutCache().withRetries(0)).build();
        server = PinwheelServer.builder().index("default", simple).engine(failing)
                .config(ServerConfig.builder().port(0).build()).build();
        server.start();
        http = new Http(server.uri());
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(postAsync("{\"requirements\": [\"boom\"]}"));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
            HttpResponse<String> r = f.get();
            assertEquals(500, r.statusCode(), r.body());
            assertEquals("https://pinwheel.dev/problems/internal", Http.json(r).get("type").asText());
        }
        assertEquals(200, http.post("/v1/resolve", ServerIntegrationTest.DJANGO).statusCode());
        assertTrue(http.get("/metrics").body().contains("pinwheel_resolutions_total{outcome=\"error\"} 1\n"),
                "one resolution for the five identical requests");
    }

    @Test
    void gracefulShutdown_finishesInFlightRequestsAndRefusesNewOnes() throws Exception {
        start(c -> c);
        index.delay(200);
        CompletableFuture<HttpResponse<String>> inFlight = postAsync(ServerIntegrationTest.DJANGO);
        awaitInFlight(1);
        Thread stopper = new Thread(() -> server.stop(Duration.ofSeconds(10)));
        stopper.start();
        Thread.sleep(50);
        try {
            HttpResponse<String> late = http.post("/v1/resolve", "{\"requirements\": [\"sqlparse\"]}");
            assertEquals(503, late.statusCode(), late.body());
            assertEquals("close", late.headers().firstValue("Connection").orElse("close"));
        } catch (java.io.UncheckedIOException e) {
            // Also a refusal: the listener was already closed.
        }
        HttpResponse<String> finished = inFlight.get();
        assertEquals(200, finished.statusCode(), finished.body());
        stopper.join(15_000);
        assertTrue(!stopper.isAlive());
        try {
            http.get("/healthz");
            fail("still listening after stop");
        } catch (java.io.UncheckedIOException expected) {
            // connection refused
        }
    }
}
