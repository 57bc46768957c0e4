package dev.pinwheel.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.simple.SimpleIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server on loopback, over a real simple index on loopback (real wheels, PEP 658 metadata), asked by a real
 * HTTP client: answers, the cache, revalidation, conditional requests, lock formats, index trouble.
 */
class ServerIntegrationTest {
    static final String DJANGO = "{\"requirements\": [\"django>=4.2\"], \"python_version\": \"3.12\", "
            + "\"python_platform\": \"x86_64-manylinux_2_28\", \"index\": \"default\"}";

    LoopbackIndex index;
    SimpleIndex simple;
    PinwheelServer server;
    Http http;

    @BeforeEach
    void setUp() throws Exception {
        index = new LoopbackIndex();
        universe(index);
    }

    static void universe(LoopbackIndex index) {
        index.release("Django", "4.1", "asgiref<4,>=3.5.2", "sqlparse>=0.2.2")
                .release("Django", "4.2.7", "asgiref<4,>=3.6.0", "sqlparse>=0.3.1")
                .release("asgiref", "3.5.2")
                .release("asgiref", "3.7.2")
                .release("sqlparse", "0.4.4")
                .release("requests", "2.31.0", "urllib3<3,>=1.21.1", "idna<4,>=2.5",
                        "PySocks!=1.5.7,>=1.5.6; extra == \"socks\"")
                .release("urllib3", "2.0.7")
                .release("idna", "3.4")
                .release("PySocks", "1.7.1")
                .release("a", "1.0", "b<2")
                .release("c", "1.0", "b>=2")
                .release("b", "1.0")
                .release("b", "2.0");
    }

    void start(UnaryOperator<ServerConfig.Builder> config) throws Exception {
        start(config, b -> b);
    }

    void start(UnaryOperator<ServerConfig.Builder> config, UnaryOperator<PinwheelServer.Builder> more) throws Exception {
        simple = SimpleIndex.builder(index.url()).id("loopback")
                .options(IndexOptions.defaults().withoutCache().withRetries(0).withTimeout(Duration.ofSeconds(5)))
                .build();
        server = more.apply(PinwheelServer.builder().index("default", simple))
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

    @Test
    void resolve_answersPinsWithFilesHashesEdgesAndKey() throws Exception {
        start(c -> c);
        HttpResponse<String> r = http.post("/v1/resolve", DJANGO);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = Http.json(r);
        List<String> pins = new ArrayList<>();
        body.get("pins").forEach(p -> pins.add(p.get("name").asText() + "==" + p.get("version").asText()));
        assertEquals(List.of("asgiref==3.7.2", "django==4.2.7", "sqlparse==0.4.4"), pins);
        JsonNode django = body.get("pins").get(1);
        JsonNode file = django.get("file");
        assertEquals("django-4.2.7-py3-none-any.whl", file.get("filename").asText());
        assertEquals(index.url().resolve("/files/django-4.2.7-py3-none-any.whl").toString(), file.get("url").asText());
        assertEquals(index.sha256("django", "4.2.7"), file.get("sha256").asText());
        assertTrue(file.get("size").asLong() > 0);
        assertEquals(1, django.get("files").size());
        assertTrue(body.get("key").asText().startsWith("sha256:"));
        assertEquals(body.get("key").asText(), r.headers().firstValue("X-Pinwheel-Key").orElseThrow());
        List<String> edges = new ArrayList<>();
        body.get("edges").forEach(e -> edges.add((e.get("from").isNull() ? "<request>" : e.get("from").asText())
                + " -> " + e.get("to").asText() + " (" + e.get("requirement").asText() + ")"));
        assertEquals(List.of("<request> -> django (django>=4.2)", "django -> asgiref (asgiref<4,>=3.6.0)",
                "django -> sqlparse (sqlparse>=0.3.1)"), edges);
        List<String> state = new ArrayList<>();
        body.get("index_state").forEach(s -> state.add(s.get("index").asText() + ":" + s.get("project").asText()));
        assertEquals(List.of("default:asgiref", "default:django", "default:sqlparse"), state);
        assertFalse(body.get("index_state").get(0).get("revision").isNull());
        assertEquals("miss", r.headers().firstValue("X-Pinwheel-Cache").orElseThrow());
        assertEquals("public, max-age=60", r.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(r.headers().firstValue("ETag").orElseThrow().matches("\"[0-9a-f]{32}\""));
    }

    @Test
    void resolve_secondIdenticalRequestIsACacheHitWithoutIndexRequests() throws Exception {
        start(c -> c);
        HttpResponse<String> first = http.post("/v1/resolve", DJANGO);
        assertEquals(200, first.statusCode(), first.body());
        int before = index.requests();
        assertTrue(before > 0);
        // Same request, spelled differently: name case, order, whitespace, the default target left implicit.
        HttpResponse<String> second = http.post("/v1/resolve", "{\"requirements\": [\"Django >= 4.2\"]}");
        assertEquals(200, second.statusCode(), second.body());
        assertEquals("hit", second.headers().firstValue("X-Pinwheel-Cache").orElseThrow());
        assertEquals(first.body(), second.body());
        assertEquals(before, index.requests(), "no index request for a cache hit");
        assertEquals(first.headers().firstValue("ETag"), second.headers().firstValue("ETag"));
    }

    @Test
    void resolve_differentRequestsShareFreshPagesAndMetadata() throws Exception {
        start(c -> c);
        assertEquals(200, http.post("/v1/resolve", DJANGO).statusCode());
        int before = index.requests();
        HttpResponse<String> other = http.post("/v1/resolve", "{\"requirements\": [\"django>=4.1\", \"sqlparse\"]}");
        assertEquals(200, other.statusCode(), other.body());
        assertEquals("miss", other.headers().firstValue("X-Pinwheel-Cache").orElseThrow());
        assertEquals(before, index.requests(), "pages shared while fresh, metadata kept by the index");
    }

    @Test
    void resolve_sequentialRequestsNeverJoinAFinishedFlight() throws Exception {
        // The in-flight entry once outlived the answer, so a request sent after it could be "coalesced" with a
        // resolution that had already landed (seen in CI). Each of these follows the previous answer.
        start(c -> c.cacheFreshFor(Duration.ZERO));
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = http.post("/v1/resolve", DJANGO);
            assertEquals(200, r.statusCode(), r.body());
            assertNotEquals("coalesced", r.headers().firstValue("X-Pinwheel-Cache").orElseThrow(), "request " + i);
        }
    }

    @Test
    void resolve_revalidatesOnlyPagesWhenStaleAndResolvesAgainWhenTheIndexChanged() throws Exception {
        start(c -> c.cacheFreshFor(Duration.ZERO));
        HttpResponse<String> first = http.post("/v1/resolve", DJANGO);
        assertEquals(200, first.statusCode(), first.body());
        int requests = index.requests();
        int pages = index.pageRequests();

        HttpResponse<String> second = http.post("/v1/resolve", DJANGO);
        assertEquals("revalidated", second.headers().firstValue("X-Pinwheel-Cache").orElseThrow());
        assertEquals(first.body(), second.body());
        assertEquals(3, index.pageRequests() - pages, "one page request per page used");
        assertEquals(3, index.requests() - requests, "nothing but the pages");

        index.release("asgiref", "3.8.0");
        HttpResponse<String> third = http.post("/v1/resolve", DJANGO);
        assertEquals("miss", third.headers().firstValue("X-Pinwheel-Cache").orElseThrow());
        assertTrue(third.body().contains("\"version\" : \"3.8.0\""), third.body());
        assertNotEquals(first.headers().firstValue("ETag"), third.headers().firstValue("ETag"));
        assertNotEquals(Http.json(first).get("key"), Http.json(third).get("key"));
    }

    @Test
    void conditionalGet_isA304AndAConditionalPostIsA412() throws Exception {
        start(c -> c);
        String query = "/v1/resolve?requirement=django%3E%3D4.2&python_version=3.12&python_platform=x86_64-manylinux_2_28";
        HttpResponse<String> first = http.get(query);
        assertEquals(200, first.statusCode(), first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        // The GET form and the POST form are the same request: same digest, same answer.
        HttpResponse<String> post = http.post("/v1/resolve", DJANGO);
        assertEquals(first.body(), post.body());
        assertEquals("hit", post.headers().firstValue("X-Pinwheel-Cache").orElseThrow());

        HttpResponse<String> notModified = http.get(query, "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.body());
        assertEquals(etag, notModified.headers().firstValue("ETag").orElseThrow());
        assertEquals("public, max-age=60", notModified.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<String> weak = http.get(query, "If-None-Match", "\"other\", W/" + etag);
        assertEquals(304, weak.statusCode());
        HttpResponse<String> changed = http.get(query, "If-None-Match", "\"other\"");
        assertEquals(200, changed.statusCode());

        HttpResponse<String> conditionalPost = http.post("/v1/resolve", DJANGO, "If-None-Match", etag);
        assertEquals(412, conditionalPost.statusCode(), conditionalPost.body());
    }

    @Test
    void resolve_extrasAndMarkersFollowTheTarget() throws Exception {
        start(c -> c);
        HttpResponse<String> r = http.post("/v1/resolve", "{\"requirements\": [\"requests[socks]\"]}");
        assertEquals(200, r.statusCode(), r.body());
        List<String> pins = new ArrayList<>();
        Http.json(r).get("pins").forEach(p -> pins.add(p.get("name").asText() + "==" + p.get("version").asText()));
        assertEquals(List.of("idna==3.4", "pysocks==1.7.1", "requests==2.31.0", "urllib3==2.0.7"), pins);
    }

    @Test
    void unsatisfiable_is422WithExplanationAndReasons() throws Exception {
        start(c -> c);
        HttpResponse<String> r = http.post("/v1/resolve", "{\"requirements\": [\"a\", \"c\"]}");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode p = Http.json(r);
        assertEquals("https://pinwheel.dev/problems/unsatisfiable", p.get("type").asText());
        assertEquals(422, p.get("status").asInt());
        String explanation = p.get("explanation").asText();
        assertTrue(explanation.startsWith("Because "), explanation);
        assertTrue(explanation.contains("a==1.0 depends on b<2") && explanation.contains("c==1.0 depends on b>=2"),
                explanation);
        List<String> kinds = new ArrayList<>();
        p.get("reasons").forEach(x -> kinds.add(x.get("kind").asText()));
        assertTrue(kinds.contains("depends-on") && kinds.contains("root-requirement"), kinds.toString());
        assertTrue(p.get("steps").size() >= 1);
        // Unsatisfiable answers are cached like the others.
        HttpResponse<String> again = http.post("/v1/resolve", "{\"requirements\": [\"c\", \"a\"]}");
        assertEquals(422, again.statusCode());
        assertEquals("hit", again.headers().firstValue("X-Pinwheel-Cache").orElseThrow());
    }

    @Test
    void lock_requirementsTxtWithHashesOrPylockByFieldOrAccept() throws Exception {
        start(c -> c);
        HttpResponse<String> txt = http.post("/v1/lock", DJANGO);
        assertEquals(200, txt.statusCode(), txt.body());
        assertEquals("text/plain; charset=utf-8", txt.headers().firstValue("Content-Type").orElseThrow());
        String body = txt.body();
        assertTrue(body.contains("django==4.2.7 \\\n    --hash=sha256:" + index.sha256("django", "4.2.7") + "\n"
                + "    # via -r request\n"), body);
        assertTrue(body.contains("asgiref==3.7.2 \\\n    --hash=sha256:" + index.sha256("asgiref", "3.7.2") + "\n"
                + "    # via django\n"), body);
        assertEquals("Accept", txt.headers().firstValue("Vary").orElseThrow());

        HttpResponse<String> toml = http.post("/v1/lock", DJANGO, "Accept", "application/toml");
        assertEquals("application/toml; charset=utf-8", toml.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(toml.body().startsWith("# This file was generated by the Pinwheel server") && toml.body().contains("\nlock-version = \"1.0\"\n"), toml.body());
        assertTrue(toml.body().contains("[[packages]]\nname = \"django\"\nversion = \"4.2.7\"\n"), toml.body());
        assertTrue(toml.body().contains("hashes = { sha256 = \"" + index.sha256("django", "4.2.7") + "\" }"));
        assertNotEquals(txt.headers().firstValue("ETag"), toml.headers().firstValue("ETag"));

        String withField = DJANGO.replace("}", ", \"format\": \"pylock\"}");
        HttpResponse<String> field = http.post("/v1/lock", withField);
        assertEquals(toml.body(), field.body());
        assertEquals("hit", field.headers().firstValue("X-Pinwheel-Cache").orElseThrow(),
                "the format is not part of the resolution's cache key");
    }

    @Test
    void indexTrouble_is502NamingTheIndexAndTheServerGoesOn() throws Exception {
        start(c -> c);
        index.failWith(503);
        HttpResponse<String> r = http.post("/v1/resolve", DJANGO);
        assertEquals(502, r.statusCode(), r.body());
        JsonNode p = Http.json(r);
        assertEquals("https://pinwheel.dev/problems/index-unavailable", p.get("type").asText());
        assertEquals("default", p.get("index").asText());
        assertTrue(p.get("detail").asText().contains("`default`"), p.get("detail").asText());
        assertEquals(200, http.get("/healthz").statusCode());
        index.failWith(0);
        HttpResponse<String> recovered = http.post("/v1/resolve", DJANGO);
        assertEquals(200, recovered.statusCode(), "failures are not cached");
    }

    @Test
    void resolve_equalsTheResolverLibrarysAnswerForTheSameInput() throws Exception {
        start(c -> c);
        String[][] cases = {
            {"django>=4.2"}, {"requests[socks]"}, {"django<4.2", "sqlparse"}, {"requests", "django"}, {"a", "b"},
        };
        try (SimpleIndex direct = SimpleIndex.builder(index.url()).id("loopback")
                .options(IndexOptions.defaults().withoutCache()).build()) {
            for (String[] reqs : cases) {
                StringBuilder body = new StringBuilder("{\"requirements\": [");
                List<dev.pinwheel.requirement.Requirement> parsed = new ArrayList<>();
                for (int i = 0; i < reqs.length; i++) {
                    body.append(i == 0 ? "" : ", ").append('"').append(reqs[i]).append('"');
                    parsed.add(dev.pinwheel.requirement.Requirement.parse(reqs[i]));
                }
                HttpResponse<String> r = http.post("/v1/resolve", body.append("]}").toString());
                assertEquals(200, r.statusCode(), r.body());
                List<String> served = new ArrayList<>();
                Http.json(r).get("pins").forEach(p -> served.add(p.get("name").asText() + "==" + p.get("version").asText()
                        + " " + p.get("file").get("sha256").asText()));
                // The target as the CLI builds it for --python-version 3.12 --python-platform x86_64-manylinux_2_28.
                dev.pinwheel.tags.PythonPlatform platform = dev.pinwheel.tags.PythonPlatform.parse("x86_64-manylinux_2_28");
                java.util.Map<String, String> vars = new java.util.TreeMap<>(
                        dev.pinwheel.requirement.MarkerEnvironment.builder().cpython("3.12.0").build().asMap());
                vars.putAll(platform.markerValues());
                dev.pinwheel.resolve.Target target = new dev.pinwheel.resolve.Target(
                        dev.pinwheel.requirement.MarkerEnvironment.of(vars), platform.cpython(3, 12).tagSet(),
                        dev.pinwheel.version.Version.parse("3.12.0"));
                dev.pinwheel.resolve.Resolution expected = dev.pinwheel.resolve.Resolver.create(direct,
                        dev.pinwheel.resolve.ResolverOptions.defaults()).resolve(
                        dev.pinwheel.resolve.ResolutionRequest.of(parsed, target));
                List<String> library = new ArrayList<>();
                expected.packages().forEach(p -> library.add(p.name().normalized() + "==" + p.version() + " "
                        + p.files().get(0).sha256().orElseThrow()));
                library.sort(null);
                assertEquals(library, served, String.join(", ", reqs));
            }
        }
    }

    @Test
    void indexes_areChosenByNameOnly() throws Exception {
        dev.pinwheel.index.memory.InMemoryIndex mirror = dev.pinwheel.index.memory.InMemoryIndex.builder("mirror")
                .release("sqlparse", "0.5.0", List.of()).build();
        start(c -> c, b -> b.index("mirror", mirror));
        JsonNode fromDefault = Http.json(http.post("/v1/resolve", "{\"requirements\": [\"sqlparse\"]}"));
        JsonNode fromMirror = Http.json(http.post("/v1/resolve",
                "{\"requirements\": [\"sqlparse\"], \"index\": \"mirror\"}"));
        assertEquals("0.4.4", fromDefault.get("pins").get(0).get("version").asText());
        assertEquals("0.5.0", fromMirror.get("pins").get(0).get("version").asText());
        assertEquals("mirror", fromMirror.get("index").asText());
        assertEquals("mirror", fromMirror.get("index_state").get(0).get("index").asText());
        assertNotEquals(fromDefault.get("request"), fromMirror.get("request"));
    }

    @Test
    void lock_conditionalGetAndHead() throws Exception {
        start(c -> c);
        String query = "/v1/lock?requirement=django%3E%3D4.2&format=pylock";
        HttpResponse<String> first = http.get(query);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("\nlock-version = \"1.0\"\n"), first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http.get(query, "If-None-Match", etag).statusCode());
        HttpResponse<String> head = http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(query))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(etag, head.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void metrics_everySampleLineIsWellFormed() throws Exception {
        start(c -> c);
        http.post("/v1/resolve", DJANGO);
        http.post("/v1/resolve", "{");
        http.get("/nowhere");
        // A request is counted just after its answer is sent, so the counts settle a moment later.
        String text = metricsContaining("pinwheel_http_requests_total{route=\"other\",method=\"GET\",status=\"404\"} 1\n",
                "pinwheel_http_requests_total{route=\"/v1/resolve\",method=\"POST\",status=\"400\"} 1\n");
        java.util.regex.Pattern sample = java.util.regex.Pattern.compile(
                "[a-z_]+(\\{[a-z_]+=\"[^\"\\\\]*\"(,[a-z_]+=\"[^\"\\\\]*\")*\\})? -?[0-9.]+(E-?[0-9]+)?");
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            assertTrue(sample.matcher(line).matches(), "bad sample line: " + line);
        }
        assertTrue(text.contains("pinwheel_http_requests_total{route=\"other\",method=\"GET\",status=\"404\"} 1\n"), text);
        assertTrue(text.contains("pinwheel_http_requests_total{route=\"/v1/resolve\",method=\"POST\",status=\"400\"} 1\n"),
                text);
    }

    @Test
    void resolve_explicitEnvironmentAndTags() throws Exception {
        start(c -> c);
        String body = "{\"requirements\": [\"requests[socks]; python_version >= '3.13'\", \"sqlparse\"], "
                + "\"environment\": {\"python_full_version\": \"3.11.4\", \"python_version\": \"3.11\", "
                + "\"sys_platform\": \"linux\", \"platform_machine\": \"x86_64\", \"os_name\": \"posix\", "
                + "\"platform_system\": \"Linux\", \"implementation_name\": \"cpython\", "
                + "\"platform_python_implementation\": \"CPython\", \"platform_release\": \"\", "
                + "\"platform_version\": \"\", \"implementation_version\": \"3.11.4\"}, "
                + "\"tags\": [\"cp311-cp311-manylinux_2_17_x86_64\", \"py3-none-any\"]}";
        HttpResponse<String> r = http.post("/v1/resolve", body);
        assertEquals(200, r.statusCode(), r.body());
        List<String> pins = new ArrayList<>();
        Http.json(r).get("pins").forEach(p -> pins.add(p.get("name").asText()));
        assertEquals(List.of("sqlparse"), pins, "the marker leaves requests out on 3.11");
        assertEquals("3.11.4", Http.json(r).get("target").get("environment").get("python_full_version").asText());
    }

    @Test
    void resolve_excludeNewerIgnoresLaterUploads() throws Exception {
        start(c -> c);
        HttpResponse<String> r = http.post("/v1/resolve",
                "{\"requirements\": [\"sqlparse\"], \"exclude_newer\": \"2023-06-01T00:00:00Z\"}");
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(Http.json(r).get("explanation").asText().contains("sqlparse"), r.body());
        HttpResponse<String> later = http.post("/v1/resolve",
                "{\"requirements\": [\"sqlparse\"], \"exclude_newer\": \"2024-06-01T00:00:00Z\"}");
        assertEquals(200, later.statusCode(), later.body());
    }

    /** The metrics text once it contains every one of {@code expected} (or after 5 s, as it is then). */
    String metricsContaining(String... expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            String text = http.get("/metrics").body();
            if (java.util.Arrays.stream(expected).allMatch(text::contains) || System.nanoTime() > deadline) {
                return text;
            }
            Thread.sleep(10);
        }
    }

    @Test
    void lock_namesThePublicIndexUrlWhenConfigured() throws Exception {
        simple = SimpleIndex.builder(index.url()).id("loopback").options(IndexOptions.defaults().withoutCache()).build();
        server = PinwheelServer.builder().index("default", simple, index.url())
                .config(ServerConfig.builder().port(0).build()).build();
        server.start();
        http = new Http(server.uri());
        String txt = http.post("/v1/lock", DJANGO).body();
        assertTrue(txt.contains("\n--index-url " + index.url() + "\n"), txt);
        String toml = http.post("/v1/lock", DJANGO, "Accept", "application/toml").body();
        assertTrue(toml.contains("name = \"django\"\nversion = \"4.2.7\"\nindex = \"" + index.url() + "\"\n"), toml);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PinwheelServer.builder()
                .index("x", simple, java.net.URI.create("https://user:secret@example.org/simple/")));
    }

    @Test
    void indexTimeout_is502NamingTheIndex() throws Exception {
        simple = SimpleIndex.builder(index.url()).id("loopback")
                .options(IndexOptions.defaults().withoutCache().withRetries(0).withTimeout(Duration.ofMillis(300)))
                .build();
        server = PinwheelServer.builder().index("slow", simple).config(ServerConfig.builder().port(0).build()).build();
        server.start();
        http = new Http(server.uri());
        index.delay(1_000);
        HttpResponse<String> r = http.post("/v1/resolve", "{\"requirements\": [\"sqlparse\"]}");
        assertEquals(502, r.statusCode(), r.body());
        JsonNode p = Http.json(r);
        assertEquals("slow", p.get("index").asText());
        assertTrue(p.get("detail").asText().startsWith("The index `slow` failed: "), p.get("detail").asText());
    }

    @Test
    void badHash_is502NamingTheIndexAndTheFile() throws Exception {
        start(c -> c);
        index.corruptMetadata("sqlparse", "0.4.4");
        HttpResponse<String> r = http.post("/v1/resolve", "{\"requirements\": [\"sqlparse\"]}");
        assertEquals(502, r.statusCode(), r.body());
        JsonNode p = Http.json(r);
        assertEquals("default", p.get("index").asText());
        assertTrue(p.get("detail").asText().contains("sqlparse-0.4.4-py3-none-any.whl.metadata"), p.get("detail").asText());
        assertTrue(p.get("detail").asText().toLowerCase(java.util.Locale.ROOT).contains("hash"), p.get("detail").asText());
    }

    @Test
    void healthzAndMetrics() throws Exception {
        start(c -> c);
        assertEquals(200, http.post("/v1/resolve", DJANGO).statusCode());
        assertEquals(200, http.post("/v1/resolve", DJANGO).statusCode());
        HttpResponse<String> health = http.get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("ok", Http.json(health).get("status").asText());
        HttpResponse<String> m = http.get("/metrics");
        assertEquals("text/plain; version=0.0.4; charset=utf-8", m.headers().firstValue("Content-Type").orElseThrow());
        String text = metricsContaining("pinwheel_http_request_duration_seconds_bucket{route=\"/v1/resolve\",le=\"+Inf\"} 2\n");
        assertTrue(text.contains("pinwheel_http_requests_total{method=\"POST\",route=\"/v1/resolve\",status=\"200\"} 2")
                || text.contains("pinwheel_http_requests_total{route=\"/v1/resolve\",method=\"POST\",status=\"200\"} 2"),
                text);
        assertTrue(text.contains("pinwheel_cache_hits_total 1\n"), text);
        assertTrue(text.contains("pinwheel_cache_misses_total 1\n"), text);
        assertTrue(text.contains("pinwheel_resolutions_in_flight 0\n"), text);
        assertTrue(text.contains("pinwheel_http_request_duration_seconds_bucket{route=\"/v1/resolve\",le=\"+Inf\"} 2\n"),
                text);
        assertTrue(text.contains("pinwheel_index_requests_total{index=\"default\",kind=\"project\"} 3\n"), text);
        assertTrue(text.contains("pinwheel_resolutions_total{outcome=\"resolved\"} 1\n"), text);
    }
}
