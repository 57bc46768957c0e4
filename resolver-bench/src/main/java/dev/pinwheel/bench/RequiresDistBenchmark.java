package dev.pinwheel.bench;

import dev.pinwheel.requirement.Marker;
import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.requirement.Requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * PEP 508 over real metadata: the 2,165 distinct {@code Requires-Dist} strings of resolvelib's PyPI
 * snapshot (see {@code README.md} beside the sample), parsed and evaluated one after another. Scores
 * are per requirement.
 *
 * <pre>{@code
 * java -jar resolver-bench/target/benchmarks.jar RequiresDistBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequiresDistBenchmark {
    static final int REQUIREMENTS = 2165;

    private List<String> texts;
    private List<Requirement> requirements;
    private MarkerEnvironment environment;

    /** Loads and parses the sample once. */
    @Setup
    public void setUp() {
        texts = VersionBenchmark.lines("requires-dist-pandas-2020.txt");
        if (texts.size() != REQUIREMENTS) {
            throw new IllegalStateException("sample size changed: " + texts.size());
        }
        requirements = new ArrayList<>(texts.size());
        for (String text : texts) {
            requirements.add(Requirement.parse(text));
        }
        environment = MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64);
    }

    /** {@code Requirement.parse} over every sample. */
    @Benchmark
    @OperationsPerInvocation(REQUIREMENTS)
    public void parse(Blackhole bh) {
        for (String text : texts) {
            bh.consume(Requirement.parse(text));
        }
    }

    /** {@code Requirement.appliesTo} (marker evaluation) over every sample, with extras {@code test} and {@code socks}. */
    @Benchmark
    @OperationsPerInvocation(REQUIREMENTS)
    public void appliesTo(Blackhole bh) {
        Set<String> extras = Set.of("test", "socks");
        for (Requirement r : requirements) {
            bh.consume(r.appliesTo(environment, extras));
        }
    }

    /** {@code Marker.toString} then {@code Marker.parse} over every sample's marker (the ALWAYS marker for none). */
    @Benchmark
    @OperationsPerInvocation(REQUIREMENTS)
    public void markerRoundTrip(Blackhole bh) {
        for (Requirement r : requirements) {
            String text = r.marker().map(Marker::toString).orElse("os_name == \"posix\"");
            bh.consume(Marker.parse(text));
        }
    }
}
