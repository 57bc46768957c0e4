package dev.pinwheel.index;

import dev.pinwheel.metadata.Metadata;
import java.util.Objects;

/**
 * A distribution named by a direct URL ({@code name @ https://host/name-1.0-py3-none-any.whl}, PEP 508 and
 * PEP 440's direct references), as read by {@link PackageIndex#direct}: the file, with the digests of the bytes
 * read (always {@code sha256}, plus any the URL's fragment gave and the bytes matched), and its core metadata.
 * Immutable and thread-safe.
 *
 * @param file     the file; its URL is the one given without the hash fragment
 * @param metadata its core metadata
 */
public record DirectDistribution(DistributionFile file, Metadata metadata) {
    public DirectDistribution {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(metadata, "metadata");
    }
}
