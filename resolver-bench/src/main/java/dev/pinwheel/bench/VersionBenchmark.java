package dev.pinwheel.bench;

import dev.pinwheel.version.SpecifierSet;
import dev.pinwheel.version.Version;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * PEP 440 hot paths over real version strings and specifier sets: the 6,036 versions and 799 distinct
 * {@code Requires-Dist} specifier sets of resolvelib's 2020-02-15 PyPI snapshot (pandas universe; see the
 * headers of {@code versions-pandas-2020.txt} and {@code specifiers-pandas-2020.txt}). Each benchmark walks a
 * whole (shuffled) sample, and reports the average time of one operation.
 *
 * <pre>{@code
 * java -jar resolver-bench/target/benchmarks.jar VersionBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VersionBenchmark {
    static final int VERSIONS = 6036;
    static final int SETS = 799;

    String[] versionStrings;
    Version[] versions;
    String[] setStrings;
    SpecifierSet[] sets;

    @Setup
    public void load() {
        List<String> vs = lines("versions-pandas-2020.txt");
        List<String> ss = lines("specifiers-pandas-2020.txt");
        if (vs.size() != VERSIONS || ss.size() != SETS) {
            throw new IllegalStateException("sample sizes changed: " + vs.size() + " versions, " + ss.size() + " sets");
        }
        Random random = new Random(42);
        Collections.shuffle(vs, random);
        Collections.shuffle(ss, random);
        versionStrings = vs.toArray(new String[0]);
        versions = vs.stream().map(Version::parse).toArray(Version[]::new);
        setStrings = ss.toArray(new String[0]);
        sets = ss.stream().map(SpecifierSet::parse).toArray(SpecifierSet[]::new);
    }

    static List<String> lines(String resource) {
        try (InputStream in = VersionBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Version.parse} of one real version string. */
    @Benchmark
    @OperationsPerInvocation(VERSIONS)
    public void parse(Blackhole bh) {
        for (String s : versionStrings) {
            bh.consume(Version.parse(s));
        }
    }

    /** {@code compareTo} of two parsed versions (neighbours in the shuffled sample). */
    @Benchmark
    @OperationsPerInvocation(VERSIONS - 1)
    public void compare(Blackhole bh) {
        Version[] v = versions;
        for (int i = 1; i < v.length; i++) {
            bh.consume(v[i - 1].compareTo(v[i]));
        }
    }

    /** Parse two version strings, then compare them. */
    @Benchmark
    @OperationsPerInvocation(VERSIONS - 1)
    public void parseAndCompare(Blackhole bh) {
        String[] s = versionStrings;
        for (int i = 1; i < s.length; i++) {
            bh.consume(Version.parse(s[i - 1]).compareTo(Version.parse(s[i])));
        }
    }

    /** {@code SpecifierSet.contains(Version)}: every set against a stream of versions. */
    @Benchmark
    @OperationsPerInvocation(VERSIONS)
    public void specifierSetContains(Blackhole bh) {
        Version[] v = versions;
        SpecifierSet[] s = sets;
        for (int i = 0; i < v.length; i++) {
            bh.consume(s[i % s.length].contains(v[i]));
        }
    }

    /** {@code SpecifierSet.parse} of one real {@code Requires-Dist} specifier set. */
    @Benchmark
    @OperationsPerInvocation(SETS)
    public void specifierSetParse(Blackhole bh) {
        for (String s : setStrings) {
            bh.consume(SpecifierSet.parse(s));
        }
    }

    /** {@code hashCode} of freshly parsed versions (the hash is computed once, then cached). */
    @Benchmark
    @OperationsPerInvocation(VERSIONS)
    public void parseAndHash(Blackhole bh) {
        for (String s : versionStrings) {
            bh.consume(Version.parse(s).hashCode());
        }
    }
}
