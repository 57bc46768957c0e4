package dev.pinwheel.bench;

import dev.pinwheel.requirement.Marker;
import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.requirement.Requirement;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PEP 508 parsing and marker evaluation. The samples are written by hand in the shapes that
 * {@code Requires-Dist} lines take on PyPI (plain names, extras with ranges, version-gated backports,
 * platform-gated wheels, URL requirements), not copied from any project's metadata.
 *
 * <pre>{@code
 * java -jar resolver-bench/target/benchmarks.jar RequirementBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequirementBenchmark {
    /** Requirement samples, one per shape. */
    @Param({
        "requests",
        "requests[socks,security]>=2.31.0,<3",
        "importlib-metadata>=4.6; python_version < \"3.10\"",
        "pywin32>=306; sys_platform == \"win32\" and platform_python_implementation != \"PyPy\"",
        "pytest-cov>=4.1; (python_version >= \"3.8\" and python_version < \"3.13\") and extra == \"testing\"",
        "pip @ https://github.com/pypa/pip/archive/refs/tags/24.0.zip ; os_name == \"posix\"",
    })
    public String requirement;

    private String markerText;
    private Marker marker;
    private MarkerEnvironment environment;

    /** Splits the marker off the sample and prepares the environment. */
    @Setup
    public void setUp() {
        Requirement parsed = Requirement.parse(requirement);
        marker = parsed.marker().orElse(Marker.parse("python_version >= \"3.8\""));
        markerText = marker.toString();
        environment = MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64)
                .withExtra("testing");
    }

    /** Parses the whole requirement (name, extras, specifier set, URL, marker). */
    @Benchmark
    public Requirement parseRequirement() {
        return Requirement.parse(requirement);
    }

    /** Parses the marker alone (a default marker for samples without one). */
    @Benchmark
    public Marker parseMarker() {
        return Marker.parse(markerText);
    }

    /** Evaluates the parsed marker in CPython 3.12 on Linux with {@code extra == "testing"}. */
    @Benchmark
    public boolean evaluateMarker() {
        return marker.evaluate(environment);
    }
}
