package dev.pinwheel.bench;

import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.metadata.RawMetadata;
import dev.pinwheel.metadata.ValidationMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading a large METADATA file ({@code large.METADATA}, 180 KB, 354 {@code Requires-Dist}): the lenient raw
 * layer alone, and the raw layer plus validation in both modes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MetadataParseBenchmark {
    private byte[] bytes;
    private RawMetadata raw;

    /** Loads the sample. */
    @Setup
    public void load() {
        try (InputStream in = MetadataParseBenchmark.class.getResourceAsStream("large.METADATA")) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        raw = RawMetadata.parse(bytes, "large.METADATA");
    }

    /** Bytes to {@link RawMetadata}. */
    @Benchmark
    public RawMetadata rawParse() {
        return RawMetadata.parse(bytes, "large.METADATA");
    }

    /** Bytes to strictly validated {@link Metadata}. */
    @Benchmark
    public Metadata parseStrict() {
        return Metadata.parse(bytes, "large.METADATA");
    }

    /** Bytes to {@link Metadata} validated for a resolver. */
    @Benchmark
    public Metadata parseResolution() {
        return Metadata.parse(bytes, "large.METADATA", ValidationMode.RESOLUTION);
    }

    /** Validation alone, from an already parsed {@link RawMetadata}. */
    @Benchmark
    public Metadata validateStrictOnly() {
        return Metadata.from(raw);
    }
}
