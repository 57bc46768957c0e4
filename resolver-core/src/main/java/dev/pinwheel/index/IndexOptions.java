package dev.pinwheel.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an index implementation talks to the outside world: where it caches, whether it may use the
 * network, how long it waits. Immutable and thread-safe; copies come from the {@code withX} methods.
 *
 * <pre>{@code
 * IndexOptions opts = IndexOptions.defaults().withCacheDir(Path.of("/var/cache/pinwheel")).withOffline(true);
 * }</pre>
 *
 * @param cacheDir           where HTTP responses and metadata are cached; empty for no disk cache
 * @param offline            when true, nothing is fetched: answers come from the cache or fail
 * @param timeout            how long one request may take
 * @param retries            how many times a failed request (I/O error or 5xx) is retried
 * @param maxParallelRequests the most requests in flight at once, per index
 * @param userAgent          the {@code User-Agent} header
 * @param netrc              a netrc file whose {@code machine} entries supply credentials by host, as pip
 *                           and uv read {@code ~/.netrc}; empty for none (never read implicitly)
 */
public record IndexOptions(Optional<Path> cacheDir, boolean offline, Duration timeout, int retries,
                           int maxParallelRequests, String userAgent, Optional<Path> netrc) {

    /** Validates; see the record description. */
    public IndexOptions {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(netrc, "netrc");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout <= 0: " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries < 0: " + retries);
        }
        if (maxParallelRequests < 1) {
            throw new IllegalArgumentException("maxParallelRequests < 1: " + maxParallelRequests);
        }
    }

    /** No disk cache, online, 30 s timeout, 3 retries, 16 parallel requests, a Pinwheel user agent. */
    public static IndexOptions defaults() {
        return new IndexOptions(Optional.empty(), false, Duration.ofSeconds(30), 3, 16, "pinwheel/0.1", Optional.empty());
    }

    /** A copy caching under {@code dir}. */
    public IndexOptions withCacheDir(Path dir) {
        return new IndexOptions(Optional.of(dir), offline, timeout, retries, maxParallelRequests, userAgent, netrc);
    }

    /** A copy without a disk cache. */
    public IndexOptions withoutCache() {
        return new IndexOptions(Optional.empty(), offline, timeout, retries, maxParallelRequests, userAgent, netrc);
    }

    /** A copy with offline mode on or off. */
    public IndexOptions withOffline(boolean value) {
        return new IndexOptions(cacheDir, value, timeout, retries, maxParallelRequests, userAgent, netrc);
    }

    /** A copy with another request timeout. */
    public IndexOptions withTimeout(Duration value) {
        return new IndexOptions(cacheDir, offline, value, retries, maxParallelRequests, userAgent, netrc);
    }

    /** A copy with another retry count. */
    public IndexOptions withRetries(int value) {
        return new IndexOptions(cacheDir, offline, timeout, value, maxParallelRequests, userAgent, netrc);
    }

    /** A copy with another parallelism limit. */
    public IndexOptions withMaxParallelRequests(int value) {
        return new IndexOptions(cacheDir, offline, timeout, retries, value, userAgent, netrc);
    }

    /** A copy with another user agent. */
    public IndexOptions withUserAgent(String value) {
        return new IndexOptions(cacheDir, offline, timeout, retries, maxParallelRequests, value, netrc);
    }

    /** A copy reading credentials from the netrc file {@code file}. */
    public IndexOptions withNetrc(Path file) {
        return new IndexOptions(cacheDir, offline, timeout, retries, maxParallelRequests, userAgent, Optional.of(file));
    }
}
