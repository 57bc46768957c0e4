package dev.pinwheel.tags;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.InvalidVersionException;
import dev.pinwheel.version.Version;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed source distribution file name: {@code {name}-{version}.tar.gz} (<a
 * href="https://packaging.python.org/en/latest/specifications/source-distribution-format/">PEP 625</a>) or a
 * legacy {@code .zip}.
 *
 * <p>{@link #parse(String)} reads the name as pypa/packaging 26's {@code parse_sdist_filename}: the version is
 * what follows the <em>last</em> {@code -} (a PEP 440 version has no {@code -} once normalized), and the name
 * part, which in older files may itself contain {@code -} ({@code zope-interface-5.0.tar.gz}), is everything
 * before. Legacy names are ambiguous when the version was written with a {@code -} ({@code foo-1.0-1.tar.gz}
 * may be {@code foo} {@code 1.0.post1}); {@link #parse(String, PackageName)} resolves that the way pip does, by
 * knowing the project: the name part is the prefix that normalizes to it. That form also accepts the legacy
 * archive formats pip still installs ({@code .tar.bz2}, {@code .tgz}, {@code .tar.xz}, ...).
 *
 * <pre>{@code
 * SdistFilename s = SdistFilename.parse("zope.interface-6.4.tar.gz");
 * s.name().normalized();   // "zope-interface"
 * s.isPep625();            // false: PEP 625 spells it zope_interface-6.4.tar.gz
 * SdistFilename.parse("foo-bar-1.0-1.tar.gz", PackageName.parse("foo-bar")).version();   // 1.0.post1
 * }</pre>
 *
 * <p>Two sdist file names are equal when name (normalized), version and format are. Instances are immutable
 * and thread-safe.
 */
public final class SdistFilename implements DistributionFilename {

    /** The archive format, recognized by extension. */
    public enum Format {
        /** {@code .tar.gz}: the only format PEP 625 allows. */
        TAR_GZ(".tar.gz", true),
        /** {@code .zip}: legacy, still accepted by packaging. */
        ZIP(".zip", true),
        /** {@code .tar.bz2}: legacy. */
        TAR_BZ2(".tar.bz2", false),
        /** {@code .tbz}: legacy. */
        TBZ(".tbz", false),
        /** {@code .tar.xz}: legacy. */
        TAR_XZ(".tar.xz", false),
        /** {@code .txz}: legacy. */
        TXZ(".txz", false),
        /** {@code .tgz}: legacy. */
        TGZ(".tgz", false),
        /** {@code .tar}: legacy. */
        TAR(".tar", false),
        /** {@code .tar.lz}: legacy. */
        TAR_LZ(".tar.lz", false),
        /** {@code .tar.lzma}: legacy. */
        TAR_LZMA(".tar.lzma", false),
        /** {@code .tlz}: legacy. */
        TLZ(".tlz", false);

        private final String extension;
        private final boolean packaging;

        Format(String extension, boolean packaging) {
            this.extension = extension;
            this.packaging = packaging;
        }

        /** The extension, with its leading dot. */
        public String extension() {
            return extension;
        }

        /** Whether packaging's {@code parse_sdist_filename} accepts this format ({@code .tar.gz}, {@code .zip}). */
        public boolean isStandard() {
            return packaging;
        }

        static Optional<Format> of(String filename, boolean legacy) {
            String lower = filename.toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                // packaging matches `.tar.gz` and `.zip` case-sensitively; legacy matching is lenient as pip's
                boolean match = legacy ? lower.endsWith(f.extension) : filename.endsWith(f.extension);
                if (match && (legacy || f.packaging)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private final String filename;
    private final PackageName name;
    private final Version version;
    private final Format format;
    private final String namePart;
    private final String versionPart;

    private SdistFilename(String filename, PackageName name, Version version, Format format, String namePart,
            String versionPart) {
        this.filename = filename;
        this.name = name;
        this.version = version;
        this.format = format;
        this.namePart = namePart;
        this.versionPart = versionPart;
    }

    /**
     * Parses an sdist file name ending in {@code .tar.gz} or {@code .zip}, splitting name and version at the
     * last {@code -}.
     *
     * @throws InvalidFilenameException if the extension is another one, there is no {@code -}, the name part
     *                                  is not a valid project name, or the version is not a PEP 440 version
     */
    public static SdistFilename parse(String filename) {
        Objects.requireNonNull(filename, "filename");
        Format format = Format.of(filename, false).orElseThrow(() -> badExtension(filename));
        String stem = filename.substring(0, filename.length() - format.extension.length());
        int dash = stem.lastIndexOf('-');
        if (dash < 0) {
            throw new InvalidFilenameException(
                    "Invalid sdist filename: expected `{name}-{version}" + format.extension + "`, found no `-`",
                    filename, 0, stem.length());
        }
        return build(filename, format, stem, dash);
    }

    /**
     * Parses an sdist file name of a known project, as pip does for links on a project's index page: the name
     * part is the shortest prefix followed by {@code -} that normalizes to {@code project}, and the rest is the
     * version. All legacy archive formats of {@link Format} are accepted.
     *
     * @throws InvalidFilenameException if the extension is not an sdist one, the file does not start with the
     *                                  project's name and a {@code -}, or the version is not a PEP 440 version
     */
    public static SdistFilename parse(String filename, PackageName project) {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(project, "project");
        Format format = Format.of(filename, true).orElseThrow(() -> badExtension(filename));
        String stem = filename.substring(0, filename.length() - format.extension.length());
        for (int dash = stem.indexOf('-'); dash >= 0; dash = stem.indexOf('-', dash + 1)) {
            if (PackageName.normalize(stem.substring(0, dash)).equals(project.normalized())) {
                return build(filename, format, stem, dash);
            }
        }
        throw new InvalidFilenameException(
                "Invalid sdist filename: expected the project name `" + project.normalized()
                        + "` followed by `-` and a version",
                filename, 0, stem.length());
    }

    private static InvalidFilenameException badExtension(String filename) {
        int dot = filename.lastIndexOf('.');
        return new InvalidFilenameException("Invalid sdist filename: the extension must be `.tar.gz` or `.zip`",
                filename, dot < 0 ? filename.length() : dot, dot < 0 ? 0 : filename.length() - dot);
    }

    private static SdistFilename build(String filename, Format format, String stem, int dash) {
        String namePart = stem.substring(0, dash);
        Optional<PackageName> name = PackageName.tryParse(namePart);
        if (name.isEmpty()) {
            throw new InvalidFilenameException(
                    namePart.isEmpty() ? "Invalid sdist filename: the project name is empty"
                            : "Invalid sdist filename: `" + namePart + "` is not a valid project name",
                    filename, 0, namePart.length());
        }
        String versionPart = stem.substring(dash + 1);
        Version version;
        try {
            version = Version.parse(versionPart);
        } catch (InvalidVersionException e) {
            InvalidFilenameException ex = new InvalidFilenameException(
                    "Invalid sdist filename: `" + versionPart + "` is not a valid version", filename, dash + 1,
                    versionPart.length());
            ex.initCause(e);
            throw ex;
        }
        return new SdistFilename(filename, name.get(), version, format, namePart, versionPart);
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    public static Optional<SdistFilename> tryParse(String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(filename));
        } catch (InvalidFilenameException e) {
            return Optional.empty();
        }
    }

    /**
     * Composes the PEP 625 file name, as packaging's {@code compose_sdist_filename}: the normalized name with
     * {@code _} for {@code -}, {@code -}, the normalized version, {@code .tar.gz}.
     */
    public static SdistFilename of(PackageName name, Version version) {
        String escaped = name.normalized().replace('-', '_');
        String v = version.toString();
        return new SdistFilename(escaped + "-" + v + ".tar.gz", PackageName.parse(escaped), version, Format.TAR_GZ,
                escaped, v);
    }

    @Override
    public PackageName name() {
        return name;
    }

    @Override
    public Version version() {
        return version;
    }

    /** The archive format. */
    public Format format() {
        return format;
    }

    @Override
    public String filename() {
        return filename;
    }

    /**
     * Whether the file name is in the PEP 625 form: {@code .tar.gz}, the name normalized with {@code _} for
     * {@code -}, and the version normalized.
     */
    public boolean isPep625() {
        return format == Format.TAR_GZ && namePart.equals(name.normalized().replace('-', '_'))
                && versionPart.equals(version.toString());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SdistFilename)) {
            return false;
        }
        SdistFilename s = (SdistFilename) o;
        return name.equals(s.name) && version.equals(s.version) && format == s.format;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, format);
    }

    /** The file name. */
    @Override
    public String toString() {
        return filename;
    }
}
