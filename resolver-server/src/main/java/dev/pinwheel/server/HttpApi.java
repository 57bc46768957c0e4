package dev.pinwheel.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.pinwheel.lock.Pylock;
import dev.pinwheel.lock.RequirementsTxt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side: routing, body limits, content negotiation, conditional requests, problem documents and the
 * request metrics. Every exchange ends with a response, whatever happens inside. Thread-safe.
 */
@SuppressForbidden // com.sun.net.httpserver: the JDK's supported, exported jdk.httpserver API
final class HttpApi implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(HttpApi.class.getName());
    static final String TEXT = "text/plain; charset=utf-8";
    static final String TOML = "application/toml; charset=utf-8";
    static final String METRICS = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerConfig config;
    private final RequestParser parser;
    private final ResolutionService service;
    private final AnswerRenderer renderer;
    private final Metrics metrics;
    private final ResultCache cache;
    private final AtomicInteger active = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean draining;

    HttpApi(ServerConfig config, RequestParser parser, ResolutionService service, AnswerRenderer renderer,
            Metrics metrics, ResultCache cache) {
        this.config = config;
        this.parser = parser;
        this.service = service;
        this.renderer = renderer;
        this.metrics = metrics;
        this.cache = cache;
    }

    /** From now on every request gets a 503. */
    void drain() {
        draining = true;
    }

    /** Waits until no exchange other than 503s is in progress, or the grace ends; true when idle. */
    boolean awaitIdle(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            while (active.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    idle.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void handle(HttpExchange ex) {
        long start = System.nanoTime();
        String path = ex.getRequestURI().getRawPath();
        String route = route(path);
        String method = ex.getRequestMethod();
        int status = 500;
        boolean counted = !draining;
        if (counted) {
            active.incrementAndGet();
        }
        try {
            if (!counted) {
                ex.getResponseHeaders().set("Connection", "close");
                throw ProblemException.unavailable("shutting-down", "Shutting down",
                        "The server is shutting down; retry on another instance", config.retryAfter().toSeconds());
            }
            status = dispatch(ex, route, method);
        } catch (ProblemException p) {
            status = p.status();
            sendProblem(ex, p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
            sendProblem(ex, ProblemException.unavailable("shutting-down", "Shutting down",
                    "The server is shutting down; retry on another instance", config.retryAfter().toSeconds()));
        } catch (IOException e) {
            // The client went away or sent a broken body; there is nobody left to answer.
            LOG.log(Level.DEBUG, "I/O error on " + method + " " + path + ": " + e.getMessage());
            status = 499;
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "Unexpected failure on " + method + " " + path, e);
            status = 500;
            sendProblem(ex, ProblemException.of(500, "internal", "Internal error",
                    "The server failed unexpectedly; the failure is logged", Map.of()));
        } finally {
            ex.close();
            metrics.request(route, method, status, System.nanoTime() - start);
            if (counted && active.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private static String route(String path) {
        switch (path) {
            case "/v1/resolve":
            case "/v1/lock":
            case "/healthz":
            case "/metrics":
                return path;
            default:
                return "other";
        }
    }

    private int dispatch(HttpExchange ex, String route, String method)
            throws ProblemException, IOException, InterruptedException {
        switch (route) {
            case "/healthz":
                requireMethod(method, "GET", "HEAD");
                return send(ex, 200, AnswerRenderer.JSON, renderer.write(Map.of("status", "ok")), Map.of(
                        "Cache-Control", "no-store"));
            case "/metrics":
                requireMethod(method, "GET", "HEAD");
                return send(ex, 200, METRICS, AnswerRenderer.utf8(metrics.render()), Map.of("Cache-Control", "no-store"));
            case "/v1/resolve":
            case "/v1/lock":
                requireMethod(method, "GET", "HEAD", "POST");
                return resolveOrLock(ex, route.equals("/v1/lock"), method);
            default:
                throw ProblemException.of(404, "not-found", "Not found", "No such route: `"
                        + RequestParser.shorten(ex.getRequestURI().getRawPath()) + "`; the routes are "
                        + "`POST /v1/resolve`, `POST /v1/lock`, `GET /healthz` and `GET /metrics`", Map.of());
        }
    }

    private int resolveOrLock(HttpExchange ex, boolean lock, String method)
            throws ProblemException, IOException, InterruptedException {
        RequestParser.Parsed parsed;
        if (method.equals("POST")) {
            String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
            String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!bare.equals("application/json")) {
                throw ProblemException.of(415, "unsupported-media-type", "Unsupported media type",
                        "Send the request as `Content-Type: application/json`, found `"
                                + RequestParser.shorten(type) + "`", Map.of());
            }
            parsed = parser.parse(readBody(ex));
        } else {
            String raw = Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse("");
            if (raw.length() > config.maxBodyBytes()) {
                throw ProblemException.of(414, "uri-too-long", "Query too long", String.format(Locale.ROOT,
                        "The query string has %d characters; the limit is %d; POST a JSON body instead",
                        raw.length(), config.maxBodyBytes()), Map.of());
            }
            parsed = parser.parseQuery(query(raw));
        }
        ResolutionService.Served served = service.serve(parsed.input());
        CachedAnswer answer = served.answer();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Pinwheel-Cache", served.source().name().toLowerCase(Locale.ROOT));
        headers.put("X-Pinwheel-Request", parsed.input().digest());
        headers.put("Cache-Control", "public, max-age=" + cache.maxAgeSeconds());
        byte[] body;
        String contentType;
        String etag;
        if (!lock || answer.status() != 200) {
            body = answer.body();
            contentType = answer.contentType();
            etag = answer.etag();
        } else {
            String format = parsed.format().orElseGet(() -> formatFromAccept(ex.getRequestHeaders()));
            headers.put("Vary", "Accept");
            Outcome.Resolved resolved = (Outcome.Resolved) answer.outcome();
            List<String> header = List.of("This file was generated by the Pinwheel server (POST /v1/lock) for the target",
                    "Target: " + parsed.input().target().describe() + ", index `" + parsed.input().index() + "`.",
                    "Environment key: " + resolved.key(),
                    "   pip install --require-hashes --no-deps -r requirements.txt");
            if (format.equals("pylock")) {
                body = AnswerRenderer.utf8(Pylock.render(resolved.lock(), header.subList(0, 3)));
                contentType = TOML;
            } else {
                body = AnswerRenderer.utf8(RequirementsTxt.render(resolved.lock(), true, header));
                contentType = TEXT;
            }
            etag = "\"" + Digests.sha256Hex(body).substring(0, 32) + "\"";
        }
        if (answer.outcome() instanceof Outcome.Resolved) {
            headers.put("X-Pinwheel-Key", ((Outcome.Resolved) answer.outcome()).key());
        }
        headers.put("ETag", etag);
        String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            if (method.equals("POST")) {
                // RFC 9110 §13.1.2: a failed If-None-Match on a method other than GET or HEAD is a 412.
                throw ProblemException.of(412, "precondition-failed", "Precondition failed",
                        "The answer still has entity tag " + etag + "; use GET for a 304 Not Modified", Map.of());
            }
            return send(ex, 304, null, null, headers);
        }
        return send(ex, answer.status(), contentType, body, headers);
    }

    private static String formatFromAccept(Headers headers) {
        String accept = Optional.ofNullable(headers.getFirst("Accept")).orElse("").toLowerCase(Locale.ROOT);
        if (accept.contains("toml")) {
            return "pylock";
        }
        return "requirements-txt";
    }

    /** Weak comparison of an {@code If-None-Match} list against our (strong) tag. */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private byte[] readBody(HttpExchange ex) throws ProblemException, IOException {
        int max = config.maxBodyBytes();
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("", "Bad `Content-Length`: `" + RequestParser.shorten(length) + "`");
            }
            if (declared > max) {
                throw tooLarge(ex, declared);
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw tooLarge(ex, -1);
            }
            return body;
        }
    }

    private ProblemException tooLarge(HttpExchange ex, long declared) {
        // The rest of the body is not read: the connection closes after the answer.
        ex.getResponseHeaders().set("Connection", "close");
        metrics.rejected("body_too_large");
        return ProblemException.of(413, "body-too-large", "Request body too large", declared >= 0
                ? String.format(Locale.ROOT, "The body has %d bytes; the limit is %d", declared, config.maxBodyBytes())
                : String.format(Locale.ROOT, "The body exceeds the limit of %d bytes", config.maxBodyBytes()), Map.of());
    }

    private static void requireMethod(String method, String... allowed) throws ProblemException {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw ProblemException.of(405, "method-not-allowed", "Method not allowed", "`"
                + RequestParser.shorten(method) + "` is not allowed here; use " + String.join(" or ", allowed),
                Map.of("allow", List.of(allowed)));
    }

    private static Map<String, List<String>> query(String raw) throws ProblemException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("", "Bad percent-encoding in the query string: " + e.getMessage());
            }
        }
        return out;
    }

    private void sendProblem(HttpExchange ex, ProblemException p) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        if (p.retryAfterSeconds() > 0) {
            headers.put("Retry-After", Long.toString(p.retryAfterSeconds()));
        }
        if (p.status() == 405) {
            @SuppressWarnings("unchecked")
            List<String> allow = (List<String>) p.extensions().get("allow");
            headers.put("Allow", String.join(", ", allow));
        }
        try {
            send(ex, p.status(), AnswerRenderer.PROBLEM_JSON, renderer.problem(p, ex.getRequestURI().getRawPath()),
                    headers);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Could not send a problem: " + e.getMessage());
        }
    }

    private static int send(HttpExchange ex, int status, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        Headers h = ex.getResponseHeaders();
        headers.forEach(h::set);
        if (contentType != null) {
            h.set("Content-Type", contentType);
        }
        if (body == null || status == 304 || ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
        } else {
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }
}
