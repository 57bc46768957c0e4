package dev.pinwheel.tags;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Version;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed file name of a distribution: a {@link WheelFilename} ({@code .whl}, PEP 427) or an {@link
 * SdistFilename} ({@code .tar.gz} or {@code .zip}, PEP 625).
 *
 * <pre>{@code
 * DistributionFilename f = DistributionFilename.parse("requests-2.32.3-py3-none-any.whl");
 * f.name();      // requests
 * f.version();   // 2.32.3
 * if (f instanceof WheelFilename w) { w.tags(); }
 * DistributionFilename.tryParse("foo-1.0.egg");   // Optional.empty: eggs and installers are not distributions we use
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface DistributionFilename permits WheelFilename, SdistFilename {

    /** The project name, as spelled in the file name (compare with {@link PackageName#equals}). */
    PackageName name();

    /** The version. */
    Version version();

    /** The file name as given. */
    String filename();

    /**
     * Parses a wheel or source distribution file name, choosing by extension.
     *
     * @throws InvalidFilenameException if the extension is not {@code .whl}, {@code .tar.gz} or {@code .zip}
     *                                  ({@code .egg}, {@code .exe}, {@code .msi}, {@code .rpm}, {@code
     *                                  .tar.bz2}, ...), or the name does not parse
     */
    static DistributionFilename parse(String filename) {
        Objects.requireNonNull(filename, "filename");
        String lower = filename.toLowerCase(Locale.ROOT);
        if (filename.endsWith(".whl")) {
            return WheelFilename.parse(filename);
        }
        if (filename.endsWith(".tar.gz") || filename.endsWith(".zip")) {
            return SdistFilename.parse(filename);
        }
        int dot = lower.endsWith(".tar.bz2") || lower.endsWith(".tar.xz") ? lower.lastIndexOf('.', lower.length() - 5)
                : lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot);
        throw new InvalidFilenameException(
                (ext.isEmpty() ? "Missing distribution file extension" : "Unsupported distribution file extension `"
                        + ext + "`") + "; expected `.whl`, `.tar.gz` or `.zip`",
                filename, dot < 0 ? filename.length() : dot, dot < 0 ? 0 : filename.length() - dot);
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    static Optional<DistributionFilename> tryParse(String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(filename));
        } catch (InvalidFilenameException e) {
            return Optional.empty();
        }
    }
}
