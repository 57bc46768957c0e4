package dev.pinwheel.resolve;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fetching of one resolution: project pages and metadata, each read at most once, demanded by the session
 * in its own deterministic order, and (with an executor) started ahead of demand along the path a greedy
 * resolution takes. When a page arrives, the metadata of the candidate the session would try first for the
 * requirement that reached it is fetched; when metadata arrives, the pages of the dependencies that apply to
 * the target are fetched; and so on. The session then finds most of what it asks for already read or in flight.
 *
 * <p>Only the fetching is speculative: what a fetch returns (or how it fails) is kept and handed to the session
 * when, and only if, it asks, so results and errors do not depend on timing. A speculative fetch that fails is
 * silent until the session needs it. Thread-safe: the session's thread demands, the executor's threads fetch
 * and speculate; the model's functions must be pure.
 *
 * @param <P> the session's analysed project page
 */
final class Prefetch<P> {

    /** The session's pure functions, safe to call from any thread. */
    interface Model<P> {
        /** The page, analysed: versions and their usable files. */
        P analyse(PackageName name, Optional<ProjectPage> page);

        /** The version index the session would try first for {@code r}, or -1. */
        int best(P project, Requirement r);

        /** A key of a version of a project, equal for the same version within one resolution. */
        Object key(P project, int version);

        /** The usable files of a version, best first. */
        List<DistributionFile> usable(P project, int version);

        /** The requirements of a version (or of its extra) that apply to the target; empty when it is excluded. */
        Optional<List<Requirement>> dependencies(P project, int version, Optional<String> extra, Optional<Metadata> m);
    }

    /** A fetch that failed: what the session says, and the index's exception. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String what;
        final transient IndexException cause;

        Failure(String what, IndexException cause) {
            super(what, cause, false, false);
            this.what = what;
            this.cause = cause;
        }
    }

    /** One page or metadata document: its future, whether the session asked for it, what it cost. */
    private static final class Entry<T> {
        final CompletableFuture<T> future = new CompletableFuture<>();
        final boolean speculative;
        volatile boolean claimed;
        final AtomicInteger requests = new AtomicInteger();

        Entry(boolean speculative) {
            this.speculative = speculative;
            this.claimed = !speculative;
        }
    }

    private final PackageIndex index;
    private final Model<P> model;
    /** Null: fetch on demand, in the caller's thread, never ahead. */
    private final ExecutorService executor;
    private final ConcurrentHashMap<PackageName, Entry<P>> pages = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Object, Entry<Optional<Metadata>>> metadata = new ConcurrentHashMap<>();
    private final Set<Followed> followed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pageRequests = new AtomicInteger();
    private final AtomicInteger metadataRequests = new AtomicInteger();
    private volatile boolean closed;

    Prefetch(PackageIndex index, Model<P> model, ExecutorService executor) {
        this.index = index;
        this.model = model;
        this.executor = executor;
    }

    // ------------------------------------------------------------------ demand

    /** The page of {@code name}, as the session asks for it; fails with {@link Failure}. */
    CompletableFuture<P> page(PackageName name) {
        return page(name, false).future;
    }

    /** The metadata of a version, as the session asks for it; fails with {@link Failure}. */
    CompletableFuture<Optional<Metadata>> metadata(P project, int version) {
        return metadata(project, version, false).future;
    }

    // ------------------------------------------------------------------ speculation

    /** Starts fetching what the session will need for {@code r}: its page, its first candidate, their dependencies. */
    void want(Requirement r) {
        if (executor == null || closed) {
            return;
        }
        page(r.name(), true).future.thenAccept(p -> {
            int best = model.best(p, r);
            if (best >= 0) {
                follow(p, best, Optional.empty());
                for (String extra : r.extras()) {
                    follow(p, best, Optional.of(extra));
                }
            }
        });
    }

    /** Once the metadata of the version (or its extra) is read, starts fetching what its dependencies need. */
    void follow(P project, int version, Optional<String> extra) {
        if (executor == null || closed || !followed.add(new Followed(model.key(project, version), extra))) {
            return;
        }
        metadata(project, version, true).future.thenAccept(m ->
                model.dependencies(project, version, extra, m).ifPresent(rs -> rs.forEach(this::want)));
    }

    /** A version (its {@link Model#key}), or one of its extras, whose dependencies are being fetched. */
    private record Followed(Object version, Optional<String> extra) {
    }

    // ------------------------------------------------------------------ entries

    private Entry<P> page(PackageName name, boolean speculative) {
        Entry<P> e = pages.get(name);
        if (e == null) {
            Entry<P> fresh = new Entry<>(speculative);
            e = pages.putIfAbsent(name, fresh);
            if (e == null) {
                start(fresh, () -> fetchPage(name, fresh));
                return fresh;
            }
        }
        if (!speculative) {
            e.claimed = true;
        }
        return e;
    }

    private Entry<Optional<Metadata>> metadata(P project, int version, boolean speculative) {
        Object key = model.key(project, version);
        Entry<Optional<Metadata>> e = metadata.get(key);
        if (e == null) {
            Entry<Optional<Metadata>> fresh = new Entry<>(speculative);
            e = metadata.putIfAbsent(key, fresh);
            if (e == null) {
                start(fresh, () -> fetchMetadata(project, version, fresh));
                return fresh;
            }
        }
        if (!speculative) {
            e.claimed = true;
        }
        return e;
    }

    /** Runs the fetch on the executor; without one, now, in the caller's thread. */
    private void start(Entry<?> e, Runnable fetch) {
        if (executor == null) {
            fetch.run();
            return;
        }
        try {
            executor.execute(fetch);
        } catch (RejectedExecutionException x) {
            e.future.completeExceptionally(x); // the session is over
        }
    }

    private void fetchPage(PackageName name, Entry<P> e) {
        if (closed) {
            e.future.completeExceptionally(new RejectedExecutionException("closed"));
            return;
        }
        try {
            e.requests.incrementAndGet();
            pageRequests.incrementAndGet();
            Optional<ProjectPage> page = index.project(name);
            e.future.complete(model.analyse(name, page));
        } catch (IndexException x) {
            e.future.completeExceptionally(new Failure("Cannot read the page of `" + name + "`", x));
        } catch (RuntimeException | Error x) {
            e.future.completeExceptionally(x);
        }
    }

    /** The metadata of the best usable file that has readable metadata; empty if none has. */
    private void fetchMetadata(P project, int version, Entry<Optional<Metadata>> e) {
        if (closed) {
            e.future.completeExceptionally(new RejectedExecutionException("closed"));
            return;
        }
        try {
            for (DistributionFile f : model.usable(project, version)) {
                e.requests.incrementAndGet();
                metadataRequests.incrementAndGet();
                try {
                    e.future.complete(Optional.of(index.metadata(f)));
                    return;
                } catch (UnusableFileException x) {
                    // that one file is unusable (malformed, needs a build): try the next file of the version
                } catch (IndexException x) {
                    e.future.completeExceptionally(
                            new Failure("Cannot read the metadata of `" + f.filename().filename() + "`", x));
                    return;
                }
            }
            e.future.complete(Optional.empty());
        } catch (RuntimeException | Error x) {
            e.future.completeExceptionally(x);
        }
    }

    // ------------------------------------------------------------------ end

    /** Stops speculating; fetches still queued are dropped. */
    void close() {
        closed = true;
    }

    /** Project pages read from the index. */
    int pageRequests() {
        return pageRequests.get();
    }

    /** Metadata documents read from the index. */
    int metadataRequests() {
        return metadataRequests.get();
    }

    /** Requests (pages and metadata) started ahead of the session's demand. */
    int speculativeRequests() {
        return sum(true);
    }

    /** Requests started ahead of demand for what the session never asked for. */
    int wastedRequests() {
        return sum(false);
    }

    private int sum(boolean speculativeOnes) {
        int n = 0;
        for (Entry<?> e : pages.values()) {
            n += count(e, speculativeOnes);
        }
        for (Entry<?> e : metadata.values()) {
            n += count(e, speculativeOnes);
        }
        return n;
    }

    private static int count(Entry<?> e, boolean speculativeOnes) {
        if (!e.speculative) {
            return 0;
        }
        return speculativeOnes || !e.claimed ? e.requests.get() : 0;
    }
}
