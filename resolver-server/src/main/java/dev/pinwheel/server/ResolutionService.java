package dev.pinwheel.server;

import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.name.PackageName;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers canonical requests: from the cache while fresh; after revalidating the pages a stale answer used; or by
 * resolving. Identical requests that arrive while one is being worked on wait for that one (coalescing). At most
 * {@code maxInFlight} resolutions and revalidations run at once; beyond that a 503. Thread-safe.
 */
final class ResolutionService {
    private static final System.Logger LOG = System.getLogger(ResolutionService.class.getName());

    /** How an answer was obtained, for the {@code X-Pinwheel-Cache} header and tests. */
    enum Source { HIT, REVALIDATED, MISS, COALESCED }

    /** An answer and how it was obtained. */
    record Served(CachedAnswer answer, Source source) {
    }

    private final Map<String, SharedIndex> indexes;
    private final ResolutionEngine engine;
    private final AnswerRenderer renderer;
    private final ResultCache cache;
    private final Metrics metrics;
    private final ExecutorService workers;
    private final ExecutorService fetchers;
    private final Semaphore permits;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final ConcurrentMap<String, CompletableFuture<CachedAnswer>> inProgress = new ConcurrentHashMap<>();
    private final ServerConfig config;

    ResolutionService(Map<String, PackageIndex> indexes, ResolutionEngine engine, AnswerRenderer renderer,
                      ResultCache cache, Metrics metrics, ExecutorService workers, ExecutorService fetchers,
                      ServerConfig config) {
        this.fetchers = fetchers;
        Map<String, SharedIndex> shared = new java.util.LinkedHashMap<>();
        indexes.forEach((name, index) -> shared.put(name, new SharedIndex(name, index, metrics, config.cacheFreshFor())));
        this.indexes = java.util.Collections.unmodifiableMap(shared);
        this.engine = engine;
        this.renderer = renderer;
        this.cache = cache;
        this.metrics = metrics;
        this.workers = workers;
        this.permits = new Semaphore(config.maxInFlight());
        this.config = config;
    }

    /** Resolutions and revalidations running now. */
    int running() {
        return running.get();
    }

    /** Requests waiting for a resolution slot now. */
    int queued() {
        return queued.get();
    }

    /**
     * The answer to {@code input}.
     *
     * @throws ProblemException 503 when too many resolutions run or this one outlasts the timeout; 502 or 422 from
     *                          the engine
     */
    Served serve(ResolveInput input) throws ProblemException, InterruptedException {
        String digest = input.digest();
        long now = System.nanoTime();
        Optional<CachedAnswer> cached = cache.get(digest, now);
        if (cached.isPresent() && cache.isFresh(cached.get(), now)) {
            metrics.cacheHit();
            return new Served(cached.get(), Source.HIT);
        }
        CompletableFuture<CachedAnswer> mine = new CompletableFuture<>();
        CompletableFuture<CachedAnswer> running = inProgress.putIfAbsent(digest, mine);
        if (running != null) {
            metrics.coalesced();
            return new Served(await(running, input), Source.COALESCED);
        }
        // Another request may have finished this digest between the lookup and the registration.
        cached = cache.get(digest, System.nanoTime());
        if (cached.isPresent() && cache.isFresh(cached.get(), System.nanoTime())) {
            inProgress.remove(digest, mine);
            mine.complete(cached.get());
            metrics.cacheHit();
            return new Served(cached.get(), Source.HIT);
        }
        boolean permitted;
        queued.incrementAndGet();
        try {
            permitted = permits.tryAcquire(config.queueTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            inProgress.remove(digest, mine);
            mine.completeExceptionally(ProblemException.unavailable("shutting-down", "Shutting down",
                    "The server is shutting down; retry on another instance", config.retryAfter().toSeconds()));
            throw e;
        } finally {
            queued.decrementAndGet();
        }
        if (!permitted) {
            inProgress.remove(digest, mine);
            ProblemException busy = ProblemException.unavailable("overloaded", "Too many resolutions in progress",
                    "The server is already running " + config.maxInFlight() + " resolutions; retry shortly",
                    config.retryAfter().toSeconds());
            mine.completeExceptionally(busy);
            metrics.rejected("overloaded");
            throw busy;
        }
        Optional<CachedAnswer> stale = cached;
        Source[] source = {Source.MISS};
        try {
            workers.execute(() -> {
                this.running.incrementAndGet();
                CachedAnswer answer = null;
                Throwable failure = null;
                try {
                    if (stale.isPresent()) {
                        answer = revalidate(stale.get(), input);
                        if (answer != null) {
                            source[0] = Source.REVALIDATED;
                        }
                    }
                    if (answer == null) {
                        answer = resolve(input);
                    }
                } catch (ProblemException e) {
                    failure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = ProblemException.unavailable("shutting-down", "Shutting down",
                            "The server is shutting down; retry on another instance", config.retryAfter().toSeconds());
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.ERROR, "Resolution failed unexpectedly for " + input.canonicalJson(), e);
                    metrics.resolution("error");
                    failure = e;
                } finally {
                    // Leave the in-flight table before anyone sees the outcome: a request sent after this answer
                    // arrived must find the cache, never join a flight that has already landed.
                    inProgress.remove(digest, mine);
                    this.running.decrementAndGet();
                    permits.release();
                    if (failure == null) {
                        mine.complete(answer);
                    } else {
                        mine.completeExceptionally(failure);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inProgress.remove(digest, mine);
            permits.release();
            ProblemException down = ProblemException.unavailable("shutting-down", "Shutting down",
                    "The server is shutting down; retry on another instance", config.retryAfter().toSeconds());
            mine.completeExceptionally(down);
            throw down;
        }
        CachedAnswer answer = await(mine, input);
        if (source[0] == Source.REVALIDATED) {
            metrics.cacheHit();
            return new Served(answer, Source.REVALIDATED);
        }
        return new Served(answer, Source.MISS);
    }

    /**
     * Reads again, in parallel, every page {@code stale} used; returns it refreshed when none changed, else null
     * (a failure to read counts as a change: the resolution that follows meets the same trouble and reports it).
     */
    private CachedAnswer revalidate(CachedAnswer stale, ResolveInput input) throws InterruptedException {
        SharedIndex index = indexes.get(input.index());
        List<CompletableFuture<Boolean>> checks = new java.util.ArrayList<>();
        for (PageState page : stale.pages()) {
            checks.add(CompletableFuture.supplyAsync(() -> {
                PackageName name = PackageName.parse(page.project());
                try {
                    PageState now = RecordingIndex.state(input.index(), name, index.fetch(name));
                    return now.fingerprint().equals(page.fingerprint());
                } catch (IndexException e) {
                    LOG.log(Level.DEBUG, "Revalidation of " + page.project() + " failed: " + e.getMessage());
                    return false;
                }
            }, fetchers));
        }
        boolean unchanged = true;
        try {
            for (CompletableFuture<Boolean> check : checks) {
                unchanged &= check.get();
            }
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Revalidation failed unexpectedly", e.getCause());
            unchanged = false;
        } catch (InterruptedException e) {
            checks.forEach(c -> c.cancel(true));
            throw e;
        }
        metrics.revalidation(unchanged);
        if (!unchanged) {
            return null;
        }
        CachedAnswer refreshed = stale.revalidatedAt(System.nanoTime());
        cache.put(refreshed);
        return refreshed;
    }

    private CachedAnswer resolve(ResolveInput input) throws ProblemException, InterruptedException {
        metrics.cacheMiss();
        RecordingIndex recording = new RecordingIndex(indexes.get(input.index()));
        Outcome outcome;
        try {
            outcome = engine.resolve(input, recording, config.conflictBudget());
        } catch (ProblemException e) {
            metrics.resolution(e.status() == 502 ? "index_error" : "failed");
            throw e;
        }
        metrics.resolution(outcome instanceof Outcome.Resolved ? "resolved"
                : outcome instanceof Outcome.Unsatisfiable ? "unsatisfiable" : "budget_exceeded");
        List<PageState> pages = recording.pages();
        long now = System.nanoTime();
        // The answer is as old as the oldest page it used (pages are shared for the freshness period).
        CachedAnswer answer = renderer.answer(input, outcome, pages, now)
                .revalidatedAt(Math.min(now, recording.oldestPageNanos()));
        if (!recording.inconsistent()) {
            cache.put(answer);
        }
        return answer;
    }

    private CachedAnswer await(CompletableFuture<CachedAnswer> future, ResolveInput input)
            throws ProblemException, InterruptedException {
        try {
            return future.get(config.resolutionTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            metrics.rejected("timeout");
            throw ProblemException.unavailable("resolution-timeout", "Resolution took too long",
                    "The resolution did not finish within " + config.resolutionTimeout().toMillis()
                            + " ms; it goes on in the background and its answer will be cached, so retry shortly",
                    config.retryAfter().toSeconds());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProblemException) {
                throw (ProblemException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("Resolution failed for " + input.digest(), cause);
        } catch (CancellationException e) {
            throw ProblemException.unavailable("shutting-down", "Shutting down",
                    "The server is shutting down; retry on another instance", config.retryAfter().toSeconds());
        }
    }
}
