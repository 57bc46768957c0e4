package dev.pinwheel.cli;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.resolve.ResolutionListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress on standard error: a self-rewriting status line when standard error is a terminal (projects fetched,
 * candidates, metadata read, elapsed time), one line per request and per solve round with {@code -v}, nothing
 * otherwise. Thread-safe: index
 * calls arrive from the resolver's threads.
 */
final class Progress {
    private final PrintWriter err;
    private final boolean live;
    private final boolean verbose;
    private final long start = System.nanoTime();
    private final AtomicInteger projects = new AtomicInteger();
    private final AtomicInteger metadata = new AtomicInteger();
    private final AtomicInteger candidates = new AtomicInteger();
    private long lastDraw;
    private boolean drawn;

    Progress(PrintWriter err, boolean live, boolean verbose) {
        this.err = err;
        this.live = live;
        this.verbose = verbose;
    }

    void project(String name, String index) {
        projects.incrementAndGet();
        event("project page `" + name + "` from " + index);
    }

    void metadata(String file, String index) {
        metadata.incrementAndGet();
        event("metadata of `" + file + "` from " + index);
    }

    /** The resolver's side: candidates as projects are added, and each solve round (with {@code -v}). */
    ResolutionListener listener() {
        return new ResolutionListener() {
            @Override
            public void projectAdded(PackageName name, int versions, int total) {
                candidates.set(total);
            }

            @Override
            public void solving(int round, int total, int expanded) {
                candidates.set(total);
                event(String.format(Locale.ROOT, "solve round %d: %d candidates, %d with their dependencies", round, total, expanded));
            }
        };
    }

    int projects() {
        return projects.get();
    }

    int metadataCount() {
        return metadata.get();
    }

    long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private synchronized void event(String what) {
        if (verbose) {
            clear();
            err.printf(Locale.ROOT, "  %6d ms  %s%n", elapsedMillis(), what);
            err.flush();
        }
        if (live) {
            long now = System.nanoTime();
            if (now - lastDraw > 50_000_000L) {
                lastDraw = now;
                err.printf(Locale.ROOT, "\rResolving: %d projects fetched, %d candidates, %d metadata read, %.1f s \u001b[K",
                        projects.get(), candidates.get(), metadata.get(), elapsedMillis() / 1000.0);
                err.flush();
                drawn = true;
            }
        }
    }

    /** Clears the status line, if one is shown. */
    synchronized void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }

    /** A final line: what was resolved, in how long (not with {@code -q}). */
    synchronized void done(String line) {
        clear();
        err.println(line);
        err.flush();
    }
}
