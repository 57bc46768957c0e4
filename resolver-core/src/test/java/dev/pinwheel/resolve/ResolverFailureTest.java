package dev.pinwheel.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.memory.InMemoryIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Budgets, index failures, unusable files, determinism and concurrent use. */
class ResolverFailureTest {

    /** Pigeonhole: 10 pigeons, 9 holes; pigeon i at hole j needs hole-j==i. Hard for resolution proofs. */
    static InMemoryIndex pigeonholes(int holes) {
        InMemoryIndex.Builder b = InMemoryIndex.builder("php");
        for (int p = 0; p <= holes; p++) {
            for (int h = 1; h <= holes; h++) {
                b.release("pigeon" + p, h + ".0", List.of("hole" + h + "==" + (p + 1) + ".0"));
            }
        }
        for (int h = 1; h <= holes; h++) {
            for (int p = 0; p <= holes; p++) {
                b.release("hole" + h, (p + 1) + ".0", List.of());
            }
        }
        return b.build();
    }

    static List<String> pigeons(int holes) {
        List<String> roots = new ArrayList<>();
        for (int p = 0; p <= holes; p++) {
            roots.add("pigeon" + p);
        }
        return roots;
    }

    @Test
    void resolve_stopsAtTheConflictBudget() {
        ResolutionTimeoutException e = assertThrows(ResolutionTimeoutException.class, () -> Resolver.create(pigeonholes(9),
                ResolverOptions.defaults().withParallelism(1).withConflictBudget(500))
                .resolve(ResolutionRequest.of(ResolverTest.reqs(pigeons(9).toArray(String[]::new)), ResolverTest.TARGET)));
        assertTrue(e.conflicts() >= 500, "conflicts " + e.conflicts());
        assertTrue(e.getMessage().startsWith("The resolver gave up after "), e.getMessage());
    }

    @Test
    void resolve_reportsIndexFailuresWithTheIndexAndProject() {
        InMemoryIndex index = InMemoryIndex.builder("flaky").release("a", "1.0", List.of("b")).failing("b", "Connection reset").build();
        IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> ResolverTest.resolve(index, "a"));
        assertInstanceOf(IndexException.class, e.getCause());
        assertTrue(e.getMessage().startsWith("Cannot read the page of `b`: "), e.getMessage());
        assertTrue(e.getMessage().contains("Connection reset"), e.getMessage());
    }

    @Test
    void resolve_skipsAVersionWhoseMetadataIsUnusable() throws Exception {
        InMemoryIndex.Builder b = InMemoryIndex.builder("t").release("a", "1.0", List.of());
        b.fileWithoutMetadata(b.file("a-2.0-py3-none-any.whl").build());
        InMemoryIndex index = b.build();
        assertEquals(List.of("a==1.0"), ResolverTest.resolve(index, "a").pins());
        assertEquals("Because a==2.0 has no file with readable metadata and you require a==2.0, the requirements "
                + "cannot be satisfied.", ResolverTest.explain(index, "a==2.0"));
    }

    @Test
    void resolve_isDeterministicAndThreadSafe() throws Exception {
        Resolver resolver = Resolver.create(pigeonholes(4), ResolverOptions.defaults().withParallelism(4));
        ResolutionRequest request = ResolutionRequest.of(ResolverTest.reqs(pigeons(3).toArray(String[]::new)),
                ResolverTest.TARGET);
        ResolutionRequest unsat = ResolutionRequest.of(ResolverTest.reqs(pigeons(4).toArray(String[]::new)),
                ResolverTest.TARGET);
        List<String> first = resolver.resolve(request).pins();
        String why = assertThrows(UnsatisfiableException.class, () -> resolver.resolve(unsat)).explanation().render();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                boolean sat = i % 2 == 0;
                runs.add(pool.submit(() -> {
                    try {
                        return String.join(",", resolver.resolve(sat ? request : unsat).pins());
                    } catch (UnsatisfiableException e) {
                        return e.explanation().render();
                    }
                }));
            }
            for (int i = 0; i < runs.size(); i++) {
                assertEquals(i % 2 == 0 ? String.join(",", first) : why, runs.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
