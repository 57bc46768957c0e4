package dev.pinwheel.index.internal;

import java.io.IOException;
import java.net.URI;
import java.util.OptionalInt;

/**
 * A request that failed for good (after retries): the message names the redacted URL and the reason.
 * The index implementations turn it into the SPI's {@code IndexException}.
 */
public final class FetchException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why a fetch failed. */
    public enum Kind {
        /** The server answered with an error status. */
        STATUS,
        /** The connection or the body failed (reset, truncated, refused). */
        IO,
        /** No progress within the timeout. */
        TIMEOUT,
        /** Offline mode and the response is not in the cache. */
        OFFLINE,
        /** The body is larger than allowed. */
        TOO_LARGE,
        /** The response is unusable (bad redirect, bad range, ...). */
        PROTOCOL
    }

    private final Kind kind;
    private final String url;
    private final int status;

    public FetchException(Kind kind, URI uri, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.url = Uris.redact(uri);
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The URL, with any credentials redacted. */
    public String url() {
        return url;
    }

    /** The HTTP status for {@link Kind#STATUS}. */
    public OptionalInt status() {
        return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }
}
