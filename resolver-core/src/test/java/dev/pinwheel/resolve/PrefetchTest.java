package dev.pinwheel.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Pipelined, speculative fetching: proved by ordering (latches), never by timing. A gate holds one index call
 * until another has been made; the old breadth-first fetching (a barrier after each layer) would never make
 * the awaited call while the gated one is pending, so the gate would give up and the test fail.
 */
class PrefetchTest {

    private static final Target TARGET = ResolverTest.TARGET;

    /** {@code x} is independent; {@code a -> b -> c -> d} is a chain, one layer per request. */
    private static InMemoryIndex chain() {
        return InMemoryIndex.builder("chain")
                .release("a", "1.0", List.of("b>=1"))
                .release("b", "1.0", List.of("c"))
                .release("b", "2.0", List.of("c<2"))
                .release("c", "1.0", List.of("d"))
                .release("c", "2.0", List.of("d"))
                .release("d", "1.0", List.of())
                .release("x", "1.0", List.of())
                .build();
    }

    /**
     * An index that records its calls, and holds the calls {@code gated} selects until a call {@code awaited}
     * selects has been made (or 10 s pass, which the test then reports as a failure to overlap).
     */
    private static class GatedIndex implements PackageIndex {
        final PackageIndex delegate;
        final Predicate<String> gated;
        final Predicate<String> awaited;
        final CountDownLatch seen = new CountDownLatch(1);
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        volatile boolean gaveUp;

        GatedIndex(PackageIndex delegate, Predicate<String> gated, Predicate<String> awaited) {
            this.delegate = delegate;
            this.gated = gated;
            this.awaited = awaited;
        }

        @Override
        public String id() {
            return delegate.id();
        }

        private void call(String what) throws IndexException {
            calls.add(what);
            if (awaited.test(what)) {
                seen.countDown();
            }
            if (gated.test(what)) {
                try {
                    if (!seen.await(10, TimeUnit.SECONDS)) {
                        gaveUp = true;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IndexException(id(), java.net.URI.create("memory:x"), "interrupted", e);
                }
            }
        }

        @Override
        public Optional<ProjectPage> project(PackageName project) throws IndexException {
            call("page " + project);
            return delegate.project(project);
        }

        @Override
        public Metadata metadata(DistributionFile file) throws IndexException {
            call("metadata " + file.filename().name() + " " + file.filename().version());
            return delegate.metadata(file);
        }
    }

    private static Resolution resolve(PackageIndex index, int parallelism, String... reqs) throws ResolutionException {
        ResolverOptions o = ResolverOptions.defaults().withParallelism(parallelism);
        return Resolver.create(index, o).resolve(ResolutionRequest.of(
                java.util.Arrays.stream(reqs).map(Requirement::parse).toList(), TARGET));
    }

    @Test
    void dependenciesAreFetchedWhileAnotherMetadataOfTheFirstLayerIsStillInFlight() throws Exception {
        // x's metadata (first layer) is held until d's metadata (fourth layer) is asked for: only a pipeline does that
        GatedIndex index = new GatedIndex(chain(), c -> c.equals("metadata x 1.0"), c -> c.equals("metadata d 1.0"));
        Resolution r = resolve(index, 2, "a", "x");
        assertTrue(!index.gaveUp, "d's metadata was not requested while x's was in flight: " + index.calls);
        assertEquals(resolve(chain(), 1, "a", "x").pins(), r.pins());
        assertEquals(List.of("a==1.0", "b==2.0", "c==1.0", "d==1.0", "x==1.0"), r.pins());
        ResolutionStatistics s = r.statistics();
        assertEquals(0, s.wastedFetches(), s.toString());
        assertTrue(s.speculativeFetches() > 0, s.toString());
    }

    @Test
    void withoutParallelismNothingIsFetchedAhead() throws Exception {
        InMemoryIndex index = chain();
        ResolutionStatistics s = resolve(index, 1, "a", "x").statistics();
        assertEquals(0, s.speculativeFetches());
        assertEquals(0, s.wastedFetches());
        assertEquals(index.projectRequests(), s.projectsFetched());
        assertEquals(index.metadataRequests(), s.metadataFetched());
    }

    @Test
    void fetchesAreCountedOnceAndNoneIsWastedOnAChain() throws Exception {
        InMemoryIndex sequential = chain();
        InMemoryIndex parallel = chain();
        ResolutionStatistics one = resolve(sequential, 1, "a", "x").statistics();
        ResolutionStatistics many = resolve(parallel, 8, "a", "x").statistics();
        // the same pages and documents are read, each once, whatever the parallelism
        assertEquals(sequential.projectRequests(), parallel.projectRequests());
        assertEquals(sequential.metadataRequests(), parallel.metadataRequests());
        assertEquals(one.projectsFetched(), many.projectsFetched());
        assertEquals(one.metadataFetched(), many.metadataFetched());
        assertEquals(0, many.wastedFetches());
    }

    /** An index whose page of {@code b} and metadata of {@code x} fail; x's failure waits for b's, when gated. */
    private static PackageIndex failing(boolean gate) {
        InMemoryIndex base = chain();
        return new GatedIndex(base, c -> gate && c.equals("metadata x 1.0"), c -> c.equals("page b")) {
            @Override
            public Optional<ProjectPage> project(PackageName project) throws IndexException {
                Optional<ProjectPage> p = super.project(project);
                if (project.normalized().equals("b")) {
                    throw new IndexException("chain", java.net.URI.create("memory://chain/b/"), "b is down");
                }
                return p;
            }

            @Override
            public Metadata metadata(DistributionFile file) throws IndexException {
                Metadata m = super.metadata(file);
                if (file.filename().name().normalized().equals("x")) {
                    throw new IndexException("chain", file.url(), "x is down");
                }
                return m;
            }
        };
    }

    @Test
    void aFailureSurfacesInTheResolversOrderNotInTheOrderOfTime() {
        // sequentially, x's metadata (first layer) fails before b's page (second layer) is asked for
        IndexUnavailableException sequential = assertThrows(IndexUnavailableException.class,
                () -> resolve(failing(false), 1, "a", "x"));
        // in parallel, b's page fails first (x's metadata waits for it), yet the error is x's, as before
        IndexUnavailableException parallel = assertThrows(IndexUnavailableException.class,
                () -> resolve(failing(true), 4, "a", "x"));
        assertTrue(sequential.getMessage().contains("x-1.0"), sequential.getMessage());
        assertEquals(sequential.getMessage(), parallel.getMessage());
    }

    @Test
    void oneResolverServesConcurrentResolutionsWithTheSameResults() throws Exception {
        InMemoryIndex index = chain();
        Resolver resolver = Resolver.create(index, ResolverOptions.defaults().withParallelism(3));
        ResolutionRequest request = ResolutionRequest.of(List.of(Requirement.parse("a"), Requirement.parse("x")), TARGET);
        List<?> expected = resolver.resolve(request).pins();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<?>>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Callable<List<?>> task = () -> resolver.resolve(request).pins();
                futures.add(pool.submit(task));
            }
            for (Future<List<?>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
