package dev.pinwheel.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers by canonical request digest: bounded (least recently used goes first) and aged ({@code maxAge} from
 * resolution, however often revalidated). Freshness is the caller's business ({@link #isFresh}). Thread-safe: one
 * lock around an access-ordered map, held only for map operations.
 */
final class ResultCache {
    private final int maxEntries;
    private final long freshNanos;
    private final long maxAgeNanos;
    private final LinkedHashMap<String, CachedAnswer> map;

    ResultCache(int maxEntries, Duration freshFor, Duration maxAge) {
        this.maxEntries = maxEntries;
        this.freshNanos = freshFor.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedAnswer> eldest) {
                return size() > ResultCache.this.maxEntries;
            }
        };
    }

    /** The answer for {@code digest}, unless absent or older than the maximum age (then it is dropped). */
    Optional<CachedAnswer> get(String digest, long nowNanos) {
        synchronized (map) {
            CachedAnswer a = map.get(digest);
            if (a != null && nowNanos - a.createdNanos() > maxAgeNanos) {
                map.remove(digest);
                return Optional.empty();
            }
            return Optional.ofNullable(a);
        }
    }

    /** Whether {@code a} may be served without revalidation at {@code nowNanos}. */
    boolean isFresh(CachedAnswer a, long nowNanos) {
        return nowNanos - a.validatedNanos() < freshNanos;
    }

    void put(CachedAnswer a) {
        if (maxEntries == 0) {
            return;
        }
        synchronized (map) {
            map.put(a.digest(), a);
        }
    }

    void remove(String digest) {
        synchronized (map) {
            map.remove(digest);
        }
    }

    int size() {
        synchronized (map) {
            return map.size();
        }
    }

    /** Seconds an HTTP cache may hold an answer: the server's own freshness. */
    long maxAgeSeconds() {
        return freshNanos / 1_000_000_000L;
    }
}
