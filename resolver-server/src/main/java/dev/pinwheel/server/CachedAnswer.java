package dev.pinwheel.server;

import java.util.List;
import java.util.Objects;

/**
 * A rendered answer to one canonical request, with what it was resolved against. Immutable and thread-safe
 * (the body array is never handed out for writing).
 *
 * @param digest         the canonical request's digest
 * @param outcome        the resolution's outcome
 * @param pages          the project pages the resolution read, to revalidate against
 * @param status         200 for a pinned set, 422 for no solution
 * @param contentType    the body's media type
 * @param body           the {@code /v1/resolve} body
 * @param etag           the strong entity tag of {@code body}, quoted
 * @param createdNanos   when the answer was resolved ({@link System#nanoTime()})
 * @param validatedNanos when the answer was last known to match the index
 */
record CachedAnswer(String digest, Outcome outcome, List<PageState> pages, int status, String contentType, byte[] body,
                    String etag, long createdNanos, long validatedNanos) {
    CachedAnswer {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(outcome, "outcome");
        pages = List.copyOf(pages);
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
    }

    CachedAnswer revalidatedAt(long nanos) {
        return new CachedAnswer(digest, outcome, pages, status, contentType, body, etag, createdNanos, nanos);
    }
}
