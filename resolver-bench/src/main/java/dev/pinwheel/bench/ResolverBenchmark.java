package dev.pinwheel.bench;

import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.resolve.ResolutionException;
import dev.pinwheel.resolve.ResolutionRequest;
import dev.pinwheel.resolve.Resolver;
import dev.pinwheel.resolve.ResolverOptions;
import dev.pinwheel.resolve.UnsatisfiableException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole resolver over an in-memory index (metadata parsed once and cached by the index, so this measures
 * the resolution: pages, usability, encoding, the lazy SAT loop and, for unsatisfiable cases, the explanation)
 * on generated universes: {@code shape:size} is {@code realistic:N} (N projects with 10 to 50 versions),
 * {@code chain:DEPTH}, {@code fanout:WIDTH}, {@code backtrack:PAIRS} (newest versions all traps) and
 * {@code unsat:DEPTH} (a conflict DEPTH levels deep, explanation included). One thread, one request
 * in flight.
 *
 * <pre>
 * java -jar resolver-bench/target/benchmarks.jar ResolverBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// a fixed heap, touched up front: a heap grown during the run made iterations at 10,000 projects vary from 0.7 to
// 2.5 s (page faults as G1 expanded it, system time up to a quarter of the CPU); fixed, 0.65 to 0.79 s
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class ResolverBenchmark {

    // realistic:10000 (about 1.3 s per operation) and unsat:50 (about 25 ms) also work (-p universe=...); see README
    @Param({"realistic:100", "realistic:1000", "chain:200", "fanout:1000", "backtrack:8", "unsat:6"})
    public String universe;

    private Resolver resolver;
    private ResolutionRequest request;

    @Setup(Level.Trial)
    public void setUp() throws ResolutionException {
        String[] p = universe.split(":");
        Generated.Case c = Generated.of(p[0], Integer.parseInt(p[1]), 1);
        InMemoryIndex index = c.universe().index();
        resolver = Resolver.create(index, ResolverOptions.defaults().withParallelism(1));
        request = ResolutionRequest.of(c.roots(), Universe.TARGET);
        resolve(); // parse every metadata document the resolution reads once, outside the measurement
    }

    /** Resolves; for an unsatisfiable universe, returns the rendered explanation. */
    @Benchmark
    public Object resolve() throws ResolutionException {
        try {
            return resolver.resolve(request);
        } catch (UnsatisfiableException e) {
            return e.explanation().render();
        }
    }

}
