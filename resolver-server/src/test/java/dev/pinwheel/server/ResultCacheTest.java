package dev.pinwheel.server;

import dev.pinwheel.lock.Lock;
import dev.pinwheel.lock.LockSources;
import dev.pinwheel.resolve.Target;
import dev.pinwheel.tags.PythonPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultCacheTest {
    static final long S = 1_000_000_000L;

    static CachedAnswer answer(String digest, long created) {
        Outcome.Resolved r = new Outcome.Resolved(List.of(), List.of(), "sha256:x",
                new Lock(Target.of("3.12", PythonPlatform.parse("linux")), List.of(), List.of(), LockSources.DEFAULT));
        return new CachedAnswer(digest, r, List.of(), 200, "application/json", new byte[0], "\"e\"", created, created);
    }

    @Test
    void leastRecentlyUsedGoesFirst() {
        ResultCache cache = new ResultCache(2, Duration.ofSeconds(60), Duration.ofHours(1));
        cache.put(answer("a", 0));
        cache.put(answer("b", 0));
        assertTrue(cache.get("a", 1).isPresent());
        cache.put(answer("c", 0));
        assertTrue(cache.get("a", 1).isPresent());
        assertFalse(cache.get("b", 1).isPresent());
        assertTrue(cache.get("c", 1).isPresent());
        assertEquals(2, cache.size());
    }

    @Test
    void freshForThenStaleThenGoneAfterMaxAge() {
        ResultCache cache = new ResultCache(10, Duration.ofSeconds(60), Duration.ofSeconds(600));
        cache.put(answer("a", 0));
        CachedAnswer a = cache.get("a", 59 * S).orElseThrow();
        assertTrue(cache.isFresh(a, 59 * S));
        assertFalse(cache.isFresh(a, 60 * S));
        CachedAnswer revalidated = a.revalidatedAt(500 * S);
        cache.put(revalidated);
        assertTrue(cache.isFresh(cache.get("a", 550 * S).orElseThrow(), 550 * S));
        assertFalse(cache.get("a", 601 * S).isPresent(), "revalidation does not extend the maximum age");
        assertEquals(0, cache.size());
    }

    @Test
    void zeroEntriesDisablesCaching() {
        ResultCache cache = new ResultCache(0, Duration.ofSeconds(60), Duration.ofHours(1));
        cache.put(answer("a", 0));
        assertFalse(cache.get("a", 1).isPresent());
    }
}
