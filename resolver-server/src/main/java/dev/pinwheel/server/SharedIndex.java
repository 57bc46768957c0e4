package dev.pinwheel.server;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * One configured index as all resolutions share it: project pages are kept in memory for the server's freshness
 * period, so concurrent and successive resolutions read each page once, and simultaneous reads of one page become
 * one request. Every call that reaches the real index is counted in the metrics under the configured name.
 * Metadata is passed through (indexes cache it under the file's hash, which cannot go stale). Thread-safe.
 */
final class SharedIndex implements PackageIndex {
    private static final int MAX_PAGES = 100_000;

    private final String name;
    private final PackageIndex delegate;
    private final Metrics metrics;
    private final long freshNanos;
    private final ConcurrentMap<String, Page> pages = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<Page>> loading = new ConcurrentHashMap<>();

    /** A page and when it was read from the index ({@link System#nanoTime()}). */
    record Page(Optional<ProjectPage> page, long fetchedNanos) {
    }

    SharedIndex(String name, PackageIndex delegate, Metrics metrics, Duration freshFor) {
        this.name = name;
        this.delegate = delegate;
        this.metrics = metrics;
        this.freshNanos = freshFor.toNanos();
    }

    /** The configured name. */
    String name() {
        return name;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    /** The page, from memory while fresh, else from the index. */
    @Override
    public Optional<ProjectPage> project(PackageName project) throws IndexException {
        return page(project).page();
    }

    /** The page with its age: from memory while fresh, else from the index. */
    Page page(PackageName project) throws IndexException {
        Page p = pages.get(project.normalized());
        if (p != null && System.nanoTime() - p.fetchedNanos() < freshNanos) {
            return p;
        }
        return fetchPage(project);
    }

    /** The page as the index has it now, bypassing memory (for revalidation); memory is updated. */
    Optional<ProjectPage> fetch(PackageName project) throws IndexException {
        return fetchPage(project).page();
    }

    private Page fetchPage(PackageName project) throws IndexException {
        String key = project.normalized();
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            metrics.indexRequest(name, "project");
            Optional<ProjectPage> page = delegate.project(project);
            Page fresh = new Page(page, System.nanoTime());
            if (freshNanos > 0) {
                if (pages.size() >= MAX_PAGES) {
                    pages.clear();
                }
                pages.put(key, fresh);
            }
            mine.complete(fresh);
            return fresh;
        } catch (IndexException | RuntimeException e) {
            metrics.indexError(name);
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    private static Page join(CompletableFuture<Page> running) throws IndexException {
        try {
            return running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IndexException) {
                throw (IndexException) e.getCause();
            }
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("interrupted", null, "Interrupted while waiting for a page", e);
        }
    }

    @Override
    public Metadata metadata(DistributionFile file) throws IndexException {
        metrics.indexRequest(name, "metadata");
        try {
            return delegate.metadata(file);
        } catch (IndexException | RuntimeException e) {
            metrics.indexError(name);
            throw e;
        }
    }

    @Override
    public void close() {
        // The delegate belongs to whoever configured the server.
    }
}
