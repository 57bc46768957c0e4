package dev.pinwheel.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinwheel.index.memory.InMemoryIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bad requests over real HTTP: each is a 4xx {@code application/problem+json} naming the member and the problem,
 * and none reaches an index. The index is in memory: it is not under test here.
 */
class BadInputTest {
    static InMemoryIndex index;
    static PinwheelServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        index = InMemoryIndex.builder("memory").release("six", "1.16.0", List.of()).build();
        server = PinwheelServer.builder().index("default", index).index("mirror", index)
                .config(ServerConfig.builder().port(0).build()).build();
        server.start();
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(1));
    }

    private static JsonNode problem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode p = Http.json(r);
        assertEquals(status, p.get("status").asInt());
        return p;
    }

    private static void invalid(String body, String field, String detail) {
        JsonNode p = problem(http.post("/v1/resolve", body), 400);
        assertEquals("https://pinwheel.dev/problems/invalid-request", p.get("type").asText());
        assertEquals("Invalid request", p.get("title").asText());
        assertEquals(field, p.get("field").asText());
        assertEquals(detail, p.get("detail").asText());
        assertEquals("/v1/resolve", p.get("instance").asText());
    }

    @Test
    void malformedJson() {
        invalid("{\"requirements\": [\"six\"", "", "The body is not valid JSON at line 1, column 24: Unexpected "
                + "end-of-input: expected close marker for Array");
        invalid("", "", "The body is empty; expected a JSON object with `requirements`");
        invalid("[\"six\"]", "", "Expected a JSON object, found a list");
        invalid("{\"requirements\": [\"six\"]} {}", "", "The body is not valid JSON at line 1, column 27: unexpected "
                + "content after the JSON value");
        invalid("{\"requirements\": [\"six\"], \"requirements\": [\"six\"]}", "",
                "The body is not valid JSON at line 1, column 41: member `requirements` appears twice");
    }

    @Test
    void wrongTypes() {
        invalid("{\"requirements\": \"six\"}", "/requirements", "`requirements` must be a list of strings, found a string");
        invalid("{\"requirements\": [\"six\", 3]}", "/requirements/1",
                "Expected a PEP 508 requirement string, found a number (3)");
        invalid("{\"requirements\": [\"six\"], \"python_version\": 3.12}", "/python_version",
                "`python_version` must be a string, found a number (3.12)");
        invalid("{\"requirements\": [\"six\"], \"index\": [\"default\"]}", "/index", "`index` must be a string, found a list");
        invalid("{\"requirements\": [\"six\"], \"environment\": {\"python_full_version\": 3}, \"tags\": [\"py3-none-any\"]}",
                "/environment/python_full_version", "Expected a string, found a number (3)");
    }

    @Test
    void missingOrUnknownMembers() {
        invalid("{}", "/requirements", "`requirements` is required: a list of PEP 508 strings");
        invalid("{\"requirements\": []}", "/requirements", "`requirements` is empty; give at least one requirement");
        invalid("{\"requirements\": [\"six\"], \"indexurl\": \"x\"}", "/indexurl", "Unknown member `indexurl`; expected one of "
                + "`constraints`, `environment`, `exclude_newer`, `format`, `index`, `overrides`, `prerelease`, "
                + "`python_platform`, `python_version`, `requirements`, `resolution`, `tags`");
    }

    @Test
    void urlSmuggledIntoTheIndexField() {
        int before = index.projectRequests();
        invalid("{\"requirements\": [\"six\"], \"index\": \"http://169.254.169.254/latest/meta-data/\"}", "/index",
                "`index` names one of the server's configured indexes, never a URL; found "
                        + "`http://169.254.169.254/latest/meta-data/`, expected one of `default`, `mirror`");
        invalid("{\"requirements\": [\"six\"], \"index\": \"file:///etc/passwd\"}", "/index",
                "`index` names one of the server's configured indexes, never a URL; found `file:///etc/passwd`, "
                        + "expected one of `default`, `mirror`");
        invalid("{\"requirements\": [\"six\"], \"index\": \"pypi\"}", "/index",
                "Unknown index `pypi`; expected one of `default`, `mirror`");
        assertEquals(before, index.projectRequests(), "nothing reached an index");
    }

    @Test
    void urlSmuggledIntoARequirement() {
        int before = index.projectRequests();
        invalid("{\"requirements\": [\"six @ http://127.0.0.1:22/six.whl\"]}", "/requirements/0",
                "Direct URL requirements are not accepted: the server resolves only from its configured indexes; "
                        + "found `six @ http://127.0.0.1:22/six.whl`");
        assertEquals(before, index.projectRequests(), "nothing reached an index");
    }

    @Test
    void badValues() {
        invalid("{\"requirements\": [\"six >=\"]}", "/requirements/0", messageOf(() -> dev.pinwheel.requirement.Requirement.parse("six >=")));
        invalid("{\"requirements\": [\"six\"], \"python_version\": \"twelve\"}", "/python_version",
                "Expected a CPython 3 version such as `3.12` or `3.12.4`, found `twelve`");
        invalid("{\"requirements\": [\"six\"], \"resolution\": \"newest\"}", "/resolution",
                "Unknown resolution strategy `newest`; expected `highest`, `lowest` or `lowest-direct`");
        invalid("{\"requirements\": [\"six\"], \"prerelease\": \"sometimes\"}", "/prerelease",
                "Unknown pre-release policy `sometimes`; expected `if-necessary-or-explicit`, `allow`, `disallow`, "
                        + "`explicit` or `if-necessary`");
        invalid("{\"requirements\": [\"six\"], \"exclude_newer\": \"yesterday\"}", "/exclude_newer",
                "`exclude_newer` is not an RFC 3339 timestamp such as `2024-01-31T00:00:00Z`: `yesterday`");
        invalid("{\"requirements\": [\"six\"], \"format\": \"poetry\"}", "/format",
                "Unknown format `poetry`; expected `requirements-txt` or `pylock`");
        invalid("{\"requirements\": [\"six\"], \"python_version\": \"3.12\", \"tags\": [\"py3-none-any\"]}", "/python_version",
                "Give either `python_version` and `python_platform` or `environment` and `tags`, not both");
        invalid("{\"requirements\": [\"six\"], \"environment\": {\"python_full_version\": \"3.12.1\"}, \"tags\": [\"py3\"]}",
                "/tags/0", messageOf(() -> dev.pinwheel.tags.Tag.parse("py3")));
    }

    /** The parser's own message, which the server passes on unchanged (with its caret line). */
    private static String messageOf(Runnable parse) {
        dev.pinwheel.text.InvalidInputException e =
                org.junit.jupiter.api.Assertions.assertThrows(dev.pinwheel.text.InvalidInputException.class, parse::run);
        return e.getMessage();
    }

    @Test
    void badPlatformNamesTheField() {
        JsonNode p = problem(http.post("/v1/resolve", "{\"requirements\": [\"six\"], \"python_platform\": \"amiga\"}"), 400);
        assertEquals("/python_platform", p.get("field").asText());
    }

    @Test
    void routesMethodsAndMediaTypes() {
        JsonNode notFound = problem(http.get("/v2/resolve"), 404);
        assertEquals("No such route: `/v2/resolve`; the routes are `POST /v1/resolve`, `POST /v1/lock`, "
                + "`GET /healthz` and `GET /metrics`", notFound.get("detail").asText());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(server.uri().resolve("/v1/resolve"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        problem(put, 405);
        assertEquals("GET, HEAD, POST", put.headers().firstValue("Allow").orElseThrow());
        problem(http.post("/healthz", "{}"), 405);
        JsonNode type = problem(http.post("/v1/resolve", "requirements=six", "Content-Type",
                "application/x-www-form-urlencoded"), 415);
        assertEquals("Send the request as `Content-Type: application/json`, found `application/x-www-form-urlencoded`",
                type.get("detail").asText());
        assertEquals(200, http.post("/v1/resolve", "{\"requirements\": [\"six\"]}", "Content-Type",
                "application/json; charset=utf-8").statusCode());
    }

    @Test
    void queryForm() {
        assertEquals(200, http.get("/v1/resolve?requirement=six").statusCode());
        JsonNode twice = problem(http.get("/v1/resolve?requirement=six&python_version=3.11&python_version=3.12"), 400);
        assertEquals("/python_version", twice.get("field").asText());
        assertEquals("`python_version` appears 2 times; give it once", twice.get("detail").asText());
        JsonNode list = problem(http.get("/v1/resolve?requirements=six"), 400);
        assertEquals("`requirements` is not accepted in a query string; repeat `requirement=` instead",
                list.get("detail").asText());
        JsonNode url = problem(http.get("/v1/resolve?requirement=six&index=https%3A%2F%2Fevil.example%2Fsimple"), 400);
        assertEquals("/index", url.get("field").asText());
    }

    @Test
    void portInUse_failsStartWithTheAddress() {
        PinwheelServer second = PinwheelServer.builder().index("default", index)
                .config(ServerConfig.builder().port(server.port()).build()).build();
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, second::start);
        assertEquals("Cannot listen on 127.0.0.1:" + server.port() + ": Address already in use", e.getMessage());
        second.close();
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"requirements\": [\"six\"], \"environment\": " + "[".repeat(100) + "]".repeat(100) + "}";
        JsonNode p = problem(http.post("/v1/resolve", deep), 400);
        assertEquals("", p.get("field").asText());
        assertEquals("The body is not valid JSON: nested too deeply", p.get("detail").asText());
    }
}
