package dev.pinwheel.server;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A configured index seen through one resolution: every page read is remembered with its state, so the cached
 * answer can later be revalidated page by page, and every call is counted in the metrics. Thread-safe, as the
 * SPI requires: the resolver fetches in parallel.
 */
final class RecordingIndex implements PackageIndex {
    private final String name;
    private final SharedIndex delegate;
    private final ConcurrentMap<String, PageState> pages = new ConcurrentHashMap<>();
    private volatile boolean inconsistent;
    private final java.util.concurrent.atomic.AtomicLong oldest = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);

    RecordingIndex(SharedIndex delegate) {
        this.name = delegate.name();
        this.delegate = delegate;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public Optional<ProjectPage> project(PackageName project) throws IndexException {
        SharedIndex.Page read = delegate.page(project);
        oldest.accumulateAndGet(read.fetchedNanos(), Math::min);
        Optional<ProjectPage> page = read.page();
        PageState state = state(name, project, page);
        PageState before = pages.putIfAbsent(project.normalized(), state);
        if (before != null && !before.fingerprint().equals(state.fingerprint())) {
            // The page changed during the resolution; the answer may mix two states, so it is not cached.
            inconsistent = true;
        }
        return page;
    }

    @Override
    public Metadata metadata(DistributionFile file) throws IndexException {
        return delegate.metadata(file);
    }

    /** The pages read, sorted by project; empty-handed lookups are included as {@code absent}. */
    List<PageState> pages() {
        List<PageState> out = new ArrayList<>(new java.util.TreeMap<>(pages).values());
        return List.copyOf(out);
    }

    /** When the oldest page this resolution used was read from the index; {@code Long.MAX_VALUE} if none. */
    long oldestPageNanos() {
        return oldest.get();
    }

    /** Whether some page was seen in two different states during this resolution. */
    boolean inconsistent() {
        return inconsistent;
    }

    /** The state of a page as read. */
    static PageState state(String indexName, PackageName project, Optional<ProjectPage> page) {
        if (page.isEmpty()) {
            return new PageState(indexName, project.normalized(), Optional.empty(), "absent");
        }
        return new PageState(indexName, project.normalized(), page.get().revision(), fingerprint(page.get()));
    }

    /** A digest of everything on the page that can change an answer, in a fixed order. */
    static String fingerprint(ProjectPage page) {
        MessageDigest md = Digests.sha256();
        for (DistributionFile f : page.files()) {
            StringBuilder b = new StringBuilder();
            b.append(f.indexId()).append('\u0000').append(f.name()).append('\u0000').append(f.url()).append('\u0000');
            for (Map.Entry<String, String> h : f.hashes().entrySet()) {
                b.append(h.getKey()).append('=').append(h.getValue()).append(',');
            }
            b.append('\u0000').append(f.requiresPython().orElse("-"))
                    .append('\u0000').append(f.yanked().map(y -> "yanked:" + y).orElse("-"))
                    .append('\u0000').append(f.size().isPresent() ? Long.toString(f.size().getAsLong()) : "-")
                    .append('\u0000').append(f.uploadTime().map(Object::toString).orElse("-"))
                    .append('\u0000').append(f.coreMetadata().map(Object::toString).orElse("-"))
                    .append('\n');
            md.update(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public void close() {
        // The delegate belongs to the server, which closes it at shutdown.
    }
}
