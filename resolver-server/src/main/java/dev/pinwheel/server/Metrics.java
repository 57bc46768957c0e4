package dev.pinwheel.server;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The server's counters, rendered in the Prometheus text exposition format (version 0.0.4). One instance per
 * server, never static. Thread-safe; updates are lock-free adders.
 */
final class Metrics {
    /** Latency buckets in seconds: from a cache hit (sub-millisecond) to a slow cold resolution. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final ConcurrentMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Histogram> latency = new ConcurrentHashMap<>();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();
    private final ConcurrentMap<String, LongAdder> revalidations = new ConcurrentHashMap<>();
    private final LongAdder coalesced = new LongAdder();
    private final ConcurrentMap<String, LongAdder> resolutions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> indexRequests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> indexErrors = new ConcurrentHashMap<>();
    private final LongSupplier inFlight;
    private final LongSupplier queued;
    private final LongSupplier cacheEntries;

    Metrics(LongSupplier inFlight, LongSupplier queued, LongSupplier cacheEntries) {
        this.inFlight = inFlight;
        this.queued = queued;
        this.cacheEntries = cacheEntries;
    }

    void request(String route, String method, int status, long nanos) {
        add(requests, labels("route", route, "method", method, "status", Integer.toString(status)));
        latency.computeIfAbsent(labels("route", route), k -> new Histogram()).observe(nanos / 1e9);
    }

    void cacheHit() {
        cacheHits.increment();
    }

    void cacheMiss() {
        cacheMisses.increment();
    }

    void revalidation(boolean unchanged) {
        add(revalidations, labels("result", unchanged ? "unchanged" : "changed"));
    }

    void coalesced() {
        coalesced.increment();
    }

    void resolution(String outcome) {
        add(resolutions, labels("outcome", outcome));
    }

    void rejected(String reason) {
        add(rejected, labels("reason", reason));
    }

    void indexRequest(String index, String kind) {
        add(indexRequests, labels("index", index, "kind", kind));
    }

    void indexError(String index) {
        add(indexErrors, labels("index", index));
    }

    long cacheHits() {
        return cacheHits.sum();
    }

    long cacheMisses() {
        return cacheMisses.sum();
    }

    long coalescedCount() {
        return coalesced.sum();
    }

    /** The total of index requests of every kind to every index. */
    long indexRequestCount() {
        return indexRequests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The text exposition. */
    String render() {
        StringBuilder out = new StringBuilder(4096);
        family(out, "pinwheel_http_requests_total", "counter", "HTTP requests answered, by route, method and status",
                requests);
        out.append("# HELP pinwheel_http_request_duration_seconds Time from request to the end of the answer, by route\n")
                .append("# TYPE pinwheel_http_request_duration_seconds histogram\n");
        for (Map.Entry<String, Histogram> e : new TreeMap<>(latency).entrySet()) {
            e.getValue().render(out, "pinwheel_http_request_duration_seconds", e.getKey());
        }
        single(out, "pinwheel_cache_hits_total", "counter", "Answers served from the result cache, revalidated or not",
                cacheHits.sum());
        single(out, "pinwheel_cache_misses_total", "counter", "Answers that needed a new resolution", cacheMisses.sum());
        family(out, "pinwheel_cache_revalidations_total", "counter",
                "Stale cache entries checked against the index, by whether their pages had changed", revalidations);
        single(out, "pinwheel_cache_entries", "gauge", "Answers in the result cache", cacheEntries.getAsLong());
        single(out, "pinwheel_coalesced_requests_total", "counter",
                "Requests that waited for an identical resolution already running instead of starting one",
                coalesced.sum());
        single(out, "pinwheel_resolutions_in_flight", "gauge", "Resolutions and revalidations running now",
                inFlight.getAsLong());
        single(out, "pinwheel_resolutions_queued", "gauge", "Requests waiting for a resolution slot now",
                queued.getAsLong());
        family(out, "pinwheel_resolutions_total", "counter", "Resolutions finished, by outcome", resolutions);
        family(out, "pinwheel_rejected_total", "counter", "Requests turned away by a limit, by reason", rejected);
        family(out, "pinwheel_index_requests_total", "counter",
                "Calls to an index (project pages and metadata), by configured index name", indexRequests);
        family(out, "pinwheel_index_errors_total", "counter", "Index calls that failed, by configured index name",
                indexErrors);
        return out.toString();
    }

    private static void family(StringBuilder out, String name, String type, String help, Map<String, LongAdder> series) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(series).entrySet()) {
            out.append(name).append('{').append(e.getKey()).append("} ").append(e.getValue().sum()).append('\n');
        }
    }

    private static void single(StringBuilder out, String name, String type, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void add(ConcurrentMap<String, LongAdder> map, String key) {
        map.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Renders label pairs {@code k1, v1, k2, v2...} as {@code k1="v1",k2="v2"}, escaping values. */
    static String labels(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(pairs[i]).append("=\"").append(pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n")).append('"');
        }
        return b.toString();
    }

    private static final class Histogram {
        private final LongAdder[] counts = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }

        void render(StringBuilder out, String name, String labels) {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += counts[i].sum();
                out.append(name).append("_bucket{").append(labels).append(",le=\"").append(format(BUCKETS[i]))
                        .append("\"} ").append(cumulative).append('\n');
            }
            long total = count.sum();
            out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(total).append('\n');
            out.append(name).append("_sum{").append(labels).append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", sum.sum())).append('\n');
            out.append(name).append("_count{").append(labels).append("} ").append(total).append('\n');
        }

        private static String format(double d) {
            return d == Math.rint(d) ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
        }
    }
}
