package dev.pinwheel.bench;

import dev.pinwheel.resolve.ResolutionException;
import dev.pinwheel.resolve.ResolutionRequest;
import dev.pinwheel.resolve.Resolver;
import dev.pinwheel.resolve.ResolverOptions;
import dev.pinwheel.resolve.UnsatisfiableException;
import java.io.IOException;
import java.nio.file.Path;
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
 * The resolver over a universe file and a requirements file given as parameters (the project does not depend on
 * where they live): for example the {@code realistic} / {@code backtrack} / {@code unsat} universes of an external
 * comparison harness, or a resolvelib PyPI snapshot with its roots written one per line.
 * {@code files} is {@code UNIVERSE.json:REQS.txt}; without it, the arena's backtrack shape is generated.
 *
 * <pre>
 * java -jar resolver-bench/target/benchmarks.jar ArenaBenchmark -p files=/tmp/cases/realistic.json:/tmp/cases/realistic.txt
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
public class ArenaBenchmark {

    @Param({""})
    public String files;

    private Resolver resolver;
    private ResolutionRequest request;

    @Setup(Level.Trial)
    public void setUp() throws IOException, ResolutionException {
        if (files.isEmpty()) {
            // no files given (a smoke run): the arena's backtrack shape, generated
            Generated.Case c = Generated.backtrack(8);
            resolver = Resolver.create(c.universe().index(), ResolverOptions.defaults().withParallelism(1));
            request = ResolutionRequest.of(c.roots(), Universe.TARGET);
            resolve();
            return;
        }
        int colon = files.lastIndexOf(':');
        Universe u = Universe.read(Path.of(files.substring(0, colon)));
        resolver = Resolver.create(u.index(), ResolverOptions.defaults().withParallelism(1));
        request = ResolutionRequest.of(Universe.requirements(Path.of(files.substring(colon + 1))), Universe.TARGET);
        resolve();
    }

    /** Resolves; for an unsatisfiable case, returns the rendered explanation. */
    @Benchmark
    public Object resolve() throws ResolutionException {
        try {
            return resolver.resolve(request);
        } catch (UnsatisfiableException e) {
            return e.explanation().render();
        }
    }
}
