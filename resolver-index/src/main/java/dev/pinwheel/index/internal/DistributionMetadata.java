package dev.pinwheel.index.internal;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.HashMismatchException;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.MetadataUnavailableException;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.metadata.InvalidMetadataException;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.metadata.MetadataField;
import dev.pinwheel.metadata.MetadataVersion;
import dev.pinwheel.metadata.ValidationMode;
import dev.pinwheel.tags.SdistFilename;
import dev.pinwheel.tags.WheelFilename;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Core metadata out of a distribution's content, shared by the index implementations: a wheel's
 * {@code METADATA}, an sdist's {@code PKG-INFO} when PEP 643 makes it trustworthy, hash checks, and the check
 * that the metadata names the same project and version as the file name. Stateless.
 */
public final class DistributionMetadata {
    /** The largest metadata file accepted: real ones are a few KiB; long descriptions reach a few hundred. */
    public static final long MAX_METADATA_BYTES = 16L << 20;

    /** Fields a resolver needs; an sdist that declares one of them {@code Dynamic} needs a build. */
    private static final List<MetadataField> RESOLUTION_FIELDS =
            List.of(MetadataField.REQUIRES_DIST, MetadataField.REQUIRES_PYTHON, MetadataField.PROVIDES_EXTRA);

    private DistributionMetadata() {
    }

    /** Throws {@link HashMismatchException} unless {@code data} matches the strongest known hash. */
    public static void verify(String indexId, DistributionFile file, String name, Map<String, String> expected, byte[] data) throws HashMismatchException {
        Optional<Hashes.Mismatch> m = Hashes.check(expected, data);
        if (m.isPresent()) {
            throw new HashMismatchException(indexId, file.url(), name, m.get().algorithm(), m.get().expected(), m.get().actual());
        }
    }

    /** Throws {@link HashMismatchException} unless the whole file matches the strongest hash the index gave. */
    public static void verify(String indexId, DistributionFile file, FileByteSource src) throws IndexException {
        Optional<Hashes.Mismatch> m;
        try {
            m = Hashes.check(file.hashes(), src);
        } catch (IOException e) {
            throw new IndexException(indexId, file.url(), "Cannot hash `" + file.filename().filename() + "`: " + e.getMessage(), e);
        }
        if (m.isPresent()) {
            throw new HashMismatchException(indexId, file.url(), file.filename().filename(), m.get().algorithm(), m.get().expected(), m.get().actual());
        }
    }

    /**
     * The metadata of a distribution whose whole content is in {@code src}.
     *
     * @throws MetadataUnavailableException for an sdist whose {@code PKG-INFO} is older than 2.2 or declares
     *                                      a dependency field {@code Dynamic}
     * @throws UnusableFileException        for an archive that cannot be read or metadata that is invalid
     */
    public static Metadata fromArchive(String indexId, DistributionFile file, FileByteSource src) throws IndexException {
        return interpret(indexId, file, extract(indexId, file, src));
    }

    /** Wheel {@code METADATA} or sdist {@code PKG-INFO} bytes, as {@link #extract} returns them, made into metadata. */
    public static Metadata interpret(String indexId, DistributionFile file, byte[] bytes) throws IndexException {
        String name = file.filename().filename();
        return file.filename() instanceof WheelFilename ? parse(indexId, file, bytes, name + " (METADATA)") : sdistMetadata(indexId, file, bytes);
    }

    /** The raw {@code METADATA} of a wheel or {@code PKG-INFO} of an sdist whose whole content is in {@code src}. */
    public static byte[] extract(String indexId, DistributionFile file, FileByteSource src) throws IndexException {
        String name = file.filename().filename();
        try {
            if (file.filename() instanceof WheelFilename) {
                return Archives.wheelMetadata(src, file.filename().name(), MAX_METADATA_BYTES, name);
            }
            SdistFilename sdist = (SdistFilename) file.filename();
            switch (sdist.format()) {
                case TAR_GZ:
                case TGZ:
                    try (InputStream in = Files.newInputStream(src.path())) {
                        return Archives.tarGzPkgInfo(in, MAX_METADATA_BYTES, name);
                    }
                case ZIP:
                    return Archives.zipSdistPkgInfo(src, MAX_METADATA_BYTES, name);
                default:
                    throw new UnusableFileException(indexId, file.url(), name, "sdists in `" + sdist.format().extension()
                            + "` format are not read; only `.tar.gz` and `.zip`", null);
            }
        } catch (IOException e) {
            throw new UnusableFileException(indexId, file.url(), name, e.getMessage(), e);
        }
    }

    /** An sdist's {@code PKG-INFO}, used only when PEP 643 says its dependencies are final. */
    public static Metadata sdistMetadata(String indexId, DistributionFile file, byte[] pkgInfo) throws IndexException {
        String name = file.filename().filename();
        Metadata m = parse(indexId, file, pkgInfo, name + " (PKG-INFO)");
        if (!m.metadataVersion().isAtLeast(MetadataVersion.V2_2)) {
            throw new MetadataUnavailableException(indexId, file.url(), name,
                    "its `PKG-INFO` has `Metadata-Version: " + m.metadataVersion() + "`, and only 2.2 or later (PEP 643) says whether dependencies are final");
        }
        List<String> dynamic = new ArrayList<>();
        for (MetadataField f : RESOLUTION_FIELDS) {
            if (m.dynamic().contains(f)) {
                dynamic.add(f.header());
            }
        }
        if (!dynamic.isEmpty()) {
            throw new MetadataUnavailableException(indexId, file.url(), name,
                    "its `PKG-INFO` declares `Dynamic: " + String.join("`, `", dynamic) + "`");
        }
        return m;
    }

    /**
     * Parses metadata leniently (as a resolver must: {@link ValidationMode#RESOLUTION}) and checks that it
     * names the file's project and version.
     */
    public static Metadata parse(String indexId, DistributionFile file, byte[] bytes, String source) throws IndexException {
        String name = file.filename().filename();
        Metadata m;
        try {
            m = Metadata.parse(bytes, source, ValidationMode.RESOLUTION);
        } catch (InvalidMetadataException e) {
            throw new UnusableFileException(indexId, file.url(), name, "invalid core metadata: " + e.getMessage(), e);
        }
        if (!m.name().equals(file.filename().name()) || !m.version().equals(file.filename().version())) {
            throw new UnusableFileException(indexId, file.url(), name, "its metadata describes `" + m.name() + " " + m.version()
                    + "`, not `" + file.filename().name() + " " + file.filename().version() + "`", null);
        }
        return m;
    }
}
