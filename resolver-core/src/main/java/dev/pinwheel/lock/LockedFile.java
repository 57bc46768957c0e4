package dev.pinwheel.lock;

import dev.pinwheel.index.DistributionFile;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A distribution file of a pin, as a lock records it. Immutable and thread-safe.
 *
 * @param filename   the file name
 * @param url        where to download it
 * @param hashes     algorithm to lower-case hex digest, as the index published them, sorted by algorithm
 * @param size       in bytes, if known
 * @param uploadTime when it was uploaded, if known
 */
public record LockedFile(String filename, URI url, SortedMap<String, String> hashes, OptionalLong size,
                         Optional<Instant> uploadTime) {

    public LockedFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        hashes = Collections.unmodifiableSortedMap(new TreeMap<>(hashes));
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(uploadTime, "uploadTime");
    }

    /** The file as the index described it. */
    public static LockedFile of(DistributionFile file) {
        return new LockedFile(file.name(), file.url(), new TreeMap<>(file.hashes()), file.size(), file.uploadTime());
    }

    /** A copy with another size. */
    public LockedFile withSize(OptionalLong value) {
        return new LockedFile(filename, url, hashes, value, uploadTime);
    }

    /** True for a wheel ({@code .whl}), false for a source distribution. */
    public boolean wheel() {
        return filename.toLowerCase(Locale.ROOT).endsWith(".whl");
    }

    /** The sha256 digest, if published. */
    public Optional<String> sha256() {
        return Optional.ofNullable(hashes.get("sha256"));
    }

}
