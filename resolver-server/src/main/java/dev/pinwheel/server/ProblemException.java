package dev.pinwheel.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer that is not a result: an RFC 9457 problem ({@code application/problem+json}) with its HTTP status.
 * Thrown inside request handling and turned into a response at one place; never escapes the server.
 */
final class ProblemException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The problem {@code type} URIs: stable, documented, one per kind of problem. */
    static final String BASE = "https://pinwheel.dev/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final transient Map<String, Object> extensions;
    private final long retryAfterSeconds;

    private ProblemException(int status, String type, String title, String detail, String field,
                             Map<String, Object> extensions, long retryAfterSeconds, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.type = BASE + type;
        this.title = Objects.requireNonNull(title, "title");
        this.field = field;
        this.extensions = extensions;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 400 naming the offending member by JSON Pointer, e.g. {@code /requirements/2}. */
    static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail, field, Map.of(), -1, null);
    }

    /** A problem with any status and extension members. */
    static ProblemException of(int status, String type, String title, String detail, Map<String, Object> extensions) {
        return new ProblemException(status, type, title, detail, null, new LinkedHashMap<>(extensions), -1, null);
    }

    /** A 503 with {@code Retry-After}. */
    static ProblemException unavailable(String type, String title, String detail, long retryAfterSeconds) {
        return new ProblemException(503, type, title, detail, null, Map.of(), Math.max(1, retryAfterSeconds), null);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    String detail() {
        return getMessage();
    }

    Optional<String> field() {
        return Optional.ofNullable(field);
    }

    Map<String, Object> extensions() {
        return extensions;
    }

    /** The seconds for {@code Retry-After}, or -1 when there is none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
