package dev.pinwheel.metadata;

import java.util.Objects;
import java.util.Optional;

/**
 * A version of the <a href="https://packaging.python.org/en/latest/specifications/core-metadata/">core
 * metadata</a> format, the value of the {@code Metadata-Version} field.
 *
 * <p>The known versions are exactly those that pypa/packaging 26 accepts: {@code 1.0} (PEP 241), {@code 1.1}
 * (PEP 314), {@code 1.2} (PEP 345), {@code 2.1} (PEP 566), {@code 2.2} (PEP 643), {@code 2.3} (PEP 685),
 * {@code 2.4} (PEP 639), {@code 2.5} (PEP 794) and {@code 2.6} (PEP 808, which adds no field). There is no
 * {@code 2.0}: PEP 426 was withdrawn, although some old tools wrote {@code Metadata-Version: 2.0}; strict
 * validation rejects it as packaging does, {@link ValidationMode#RESOLUTION} tolerates it.
 *
 * <pre>{@code
 * MetadataVersion v = MetadataVersion.parse("2.4");
 * v.isAtLeast(MetadataVersion.V2_3);   // true
 * v.toString();                          // "2.4"
 * }</pre>
 *
 * <p>Constants are ordered oldest first, so {@link #compareTo} orders versions.
 */
public enum MetadataVersion {
    /** {@code 1.0}, PEP 241. */
    V1_0(1, 0),
    /** {@code 1.1}, PEP 314. */
    V1_1(1, 1),
    /** {@code 1.2}, PEP 345. */
    V1_2(1, 2),
    /** {@code 2.1}, PEP 566. */
    V2_1(2, 1),
    /** {@code 2.2}, PEP 643 ({@code Dynamic}). */
    V2_2(2, 2),
    /** {@code 2.3}, PEP 685 (extra names are normalized). */
    V2_3(2, 3),
    /** {@code 2.4}, PEP 639 ({@code License-Expression}, {@code License-File}). */
    V2_4(2, 4),
    /** {@code 2.5}, PEP 794 ({@code Import-Name}, {@code Import-Namespace}). */
    V2_5(2, 5),
    /** {@code 2.6}, PEP 808 (static values next to dynamic ones; no new field). */
    V2_6(2, 6);

    /** The newest version this library knows. */
    public static final MetadataVersion LATEST = V2_6;

    private final int major;
    private final int minor;
    private final String text;

    MetadataVersion(int major, int minor) {
        this.major = major;
        this.minor = minor;
        this.text = major + "." + minor;
    }

    /**
     * The version written exactly as in {@code Metadata-Version} ({@code "2.1"}): like packaging, no
     * surrounding whitespace, no {@code "2.01"}.
     *
     * @throws IllegalArgumentException if {@code text} is not one of the known versions
     */
    public static MetadataVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "`" + text + "` is not a known metadata version; expected one of 1.0, 1.1, 1.2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6"));
    }

    /** Like {@link #parse(String)}, but empty for an unknown version. */
    public static Optional<MetadataVersion> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (MetadataVersion v : values()) {
            if (v.text.equals(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The major version, {@code 2} for {@code 2.4}. */
    public int major() {
        return major;
    }

    /** The minor version, {@code 4} for {@code 2.4}. */
    public int minor() {
        return minor;
    }

    /** Whether this version is {@code other} or newer. */
    public boolean isAtLeast(MetadataVersion other) {
        return compareTo(other) >= 0;
    }

    /** The version as written in metadata: {@code "2.4"}. */
    @Override
    public String toString() {
        return text;
    }
}
