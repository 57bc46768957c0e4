package dev.pinwheel.index.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/**
 * Random access to the bytes of a file that may be local, remote (read with HTTP range requests) or
 * downloaded. Not thread-safe: one reader at a time.
 */
public interface ByteSource extends Closeable {
    /** The total length in bytes. */
    long size();

    /**
     * Exactly {@code length} bytes from {@code offset}.
     *
     * @throws java.io.EOFException if the range is not inside the file
     */
    byte[] read(long offset, int length) throws IOException;

    /** The hex SHA-256 of the whole content, when all of it has been seen (a local or downloaded file). */
    Optional<String> sha256();

    /** How many network requests this source has made so far (0 for local content). */
    default int requests() {
        return 0;
    }

    @Override
    default void close() throws IOException {
    }
}
