package dev.pinwheel.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.simple.SimpleIndex;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.version.Version;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded load test on loopback: 50 concurrent clients send a mix of requests for 60 s (the system property
 * {@code pinwheel.load.seconds} changes the length) to a server over a real simple index, and every answer is
 * checked independently against the universe. Excluded from the default build (tag {@code load}); run with
 * <pre>
 * mvn -B -pl resolver-server -am verify -Dserver.excludedGroups=none -Dgroups=load -Dtest=ServerLoadTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The figures go to standard output and {@code target/load-report.txt}.
 */
@Tag("load")
class ServerLoadTest {
    static final int CLIENTS = Integer.getInteger("pinwheel.load.clients", 50);
    static final int PROJECTS = 60;
    static final int VERSIONS = 5;
    /** The share of requests that are new (uncached); property {@code pinwheel.load.uncached}, default 0.2. */
    static final double UNCACHED_SHARE = Double.parseDouble(System.getProperty("pinwheel.load.uncached", "0.2"));

    /** project -> version -> requirements, the universe's truth for the checker. */
    final Map<String, Map<String, List<String>>> universe = new TreeMap<>();

    @Test
    void fiftyClientsForAMinute() throws Exception {
        long seconds = Long.getLong("pinwheel.load.seconds", 60);
        try (LoopbackIndex index = new LoopbackIndex()) {
            build(index, new Random(7));
            SimpleIndex simple = SimpleIndex.builder(index.url()).id("loopback")
                    .options(IndexOptions.defaults().withoutCache()).build();
            PinwheelServer server = PinwheelServer.builder().index("default", simple)
                    .config(ServerConfig.builder().port(0).httpThreads(64).maxInFlight(4).queueTimeout(Duration.ofSeconds(30))
                            .resolutionTimeout(Duration.ofSeconds(60)).build()).build();
            server.start();
            try {
                run(server.uri(), seconds);
            } finally {
                server.stop(Duration.ofSeconds(5));
                simple.close();
            }
        }
    }

    private void build(LoopbackIndex index, Random random) {
        for (int p = 0; p < PROJECTS; p++) {
            for (int v = 1; v <= VERSIONS; v++) {
                List<String> deps = new ArrayList<>();
                // Dependencies only point to later projects: acyclic, and every request is satisfiable. Lower
                // bounds only: upper bounds make this resolver slow or crash (see ResolverFindingsTest).
                for (int d = 0; d < 3 && p + 1 < PROJECTS; d++) {
                    int q = p + 1 + random.nextInt(Math.min(10, PROJECTS - p - 1));
                    String dep = name(q) + ">=" + (1 + random.nextInt(3)) + ".0";
                    if (deps.stream().noneMatch(x -> x.startsWith(name(q) + ">"))) {
                        deps.add(dep);
                    }
                }
                index.release(name(p), v + ".0", deps.toArray(new String[0]));
                universe.computeIfAbsent(name(p), k -> new TreeMap<>()).put(v + ".0", deps);
            }
        }
    }

    private static String name(int p) {
        return String.format(Locale.ROOT, "p%02d", p);
    }

    private void run(URI base, long seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<List<String>> hot = new ArrayList<>();
        Random setup = new Random(11);
        for (int i = 0; i < 20; i++) {
            hot.add(randomRequirements(setup));
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> cached = Collections.synchronizedList(new ArrayList<>());
        List<Long> uncached = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong locks = new AtomicLong();
        Map<String, String> firstBody = new ConcurrentHashMap<>();
        java.util.Set<String> verified = ConcurrentHashMap.newKeySet();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(1000 + c);
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        boolean fresh = random.nextDouble() < UNCACHED_SHARE;
                        List<String> reqs = fresh ? randomRequirements(random) : hot.get(random.nextInt(hot.size()));
                        boolean lock = random.nextDouble() < 0.1;
                        String body = "{\"requirements\": [" + String.join(", ", reqs.stream().map(r -> "\"" + r + "\"")
                                .toList()) + "], \"python_version\": \"3.12\"}";
                        HttpRequest request = HttpRequest.newBuilder(base.resolve(lock ? "/v1/lock" : "/v1/resolve"))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long start = System.nanoTime();
                        HttpResponse<String> r;
                        try {
                            r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            failures.add("I/O: " + e);
                            continue;
                        }
                        long nanos = System.nanoTime() - start;
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            failures.add(r.statusCode() + " " + r.body());
                            continue;
                        }
                        String source = r.headers().firstValue("X-Pinwheel-Cache").orElse("?");
                        (source.equals("hit") || source.equals("revalidated") ? cached : uncached).add(nanos);
                        if (lock) {
                            locks.incrementAndGet();
                            String problem = checkLock(reqs, r.body());
                            if (problem != null) {
                                errors.incrementAndGet();
                                failures.add(problem);
                            }
                            continue;
                        }
                        // Each distinct answer is checked once; identical bytes are the same verified answer.
                        String problem = verified.contains(r.body()) ? null : check(reqs, Http.json(r));
                        if (problem == null) {
                            verified.add(r.body());
                        }
                        String digest = r.headers().firstValue("X-Pinwheel-Request").orElse("?");
                        String before = firstBody.putIfAbsent(digest, r.body());
                        if (problem == null && before != null && !before.equals(r.body())) {
                            problem = "two different answers to one request " + digest;
                        }
                        if (problem != null) {
                            errors.incrementAndGet();
                            failures.add(problem);
                        }
                    }
                } catch (RuntimeException | InterruptedException e) {
                    errors.incrementAndGet();
                    failures.add("client crashed: " + e);
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        String report = report(seconds, cached, uncached, errors.get(), locks.get());
        System.out.println(report);
        Files.writeString(Path.of("target", "load-report.txt"), report, StandardCharsets.UTF_8);
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())));
        assertEquals(0, errors.get());
        assertTrue(uncached.size() > 0 && cached.size() > 0);
    }

    private List<String> randomRequirements(Random random) {
        int n = 2 + random.nextInt(3);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(name(random.nextInt(PROJECTS)) + ">=" + (1 + random.nextInt(2)) + ".0");
        }
        return out;
    }

    /** An independent check: every root and every dependency of every pin is met by a pin; hashes are the index's. */
    private String check(List<String> roots, JsonNode answer) {
        Map<String, String> pins = new TreeMap<>();
        for (JsonNode p : answer.get("pins")) {
            pins.put(p.get("name").asText(), p.get("version").asText());
            if (!p.get("file").get("sha256").asText().matches("[0-9a-f]{64}")) {
                return "pin without sha256: " + p;
            }
        }
        List<String> needed = new ArrayList<>(roots);
        for (Map.Entry<String, String> pin : pins.entrySet()) {
            Map<String, List<String>> versions = universe.get(pin.getKey());
            if (versions == null || !versions.containsKey(pin.getValue())) {
                return "pinned something the index does not have: " + pin;
            }
            needed.addAll(versions.get(pin.getValue()));
        }
        for (String n : needed) {
            Requirement r = Requirement.parse(n);
            String v = pins.get(r.name().normalized());
            if (v == null || !r.specifier().contains(Version.parse(v))) {
                return "requirement " + n + " not met by " + pins;
            }
        }
        // Optimality spot check for the newest-first objective: no root could take a newer version alone
        // is not implied in general, so only validity is checked here.
        return null;
    }

    private String checkLock(List<String> roots, String body) {
        for (String root : roots) {
            String name = Requirement.parse(root).name().normalized();
            if (!body.contains("\n" + name + "==")) {
                return "lock without " + name + ": " + body;
            }
        }
        return body.contains("--hash=sha256:") ? null : "lock without hashes";
    }

    private static String report(long seconds, List<Long> cached, List<Long> uncached, long errors, long locks) {
        long total = cached.size() + uncached.size();
        return String.format(Locale.ROOT, "Load test: %d clients, %d s, %.0f%% new requests, loopback, %d processors, "
                        + "load average %.1f at the end%n"
                        + "  requests: %d (%.0f/s), of which %d lock files; errors: %d%n"
                        + "  cached   (hit/revalidated): %d, p50 %.2f ms, p99 %.2f ms%n"
                        + "  uncached (miss/coalesced):  %d, p50 %.2f ms, p99 %.2f ms%n",
                CLIENTS, seconds, UNCACHED_SHARE * 100, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), total, total / (double) seconds, locks,
                errors, cached.size(), pct(cached, 50), pct(cached, 99), uncached.size(), pct(uncached, 50),
                pct(uncached, 99));
    }

    private static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
