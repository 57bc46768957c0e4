package dev.pinwheel.index.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A response held in memory: the URI after redirects, the status, selected headers and the body.
 *
 * <p>Immutable by contract: the body array is shared, never modified (a final class, not a record,
 * because records must not carry arrays).
 */
public final class Response {
    private final URI finalUri;
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final boolean fromCache;

    /**
     * @param finalUri  the URI after redirects, against which relative links resolve
     * @param status    the HTTP status (200 for a cache hit or a file)
     * @param headers   selected headers, names in lower case
     * @param body      the body; not copied, never modified
     * @param fromCache whether the body came from the on-disk cache
     */
    public Response(URI finalUri, int status, Map<String, String> headers, byte[] body, boolean fromCache) {
        this.finalUri = Objects.requireNonNull(finalUri, "finalUri");
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = Objects.requireNonNull(body, "body");
        this.fromCache = fromCache;
    }

    public URI finalUri() {
        return finalUri;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The body; callers must not modify it. */
    public byte[] body() {
        return body;
    }

    public boolean fromCache() {
        return fromCache;
    }

    /** A header value by name (case-insensitive). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The media type of {@code Content-Type} without parameters, lower case; empty string if absent. */
    public String mediaType() {
        String ct = headers.getOrDefault("content-type", "");
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
