package dev.pinwheel.index;

import java.net.URI;
import java.util.Objects;

/**
 * One distribution file cannot be used, but the index as a whole is fine: its metadata is
 * malformed, the archive is corrupt, it names another project. The resolver drops that one
 * candidate, notes why, and goes on (as uv does), instead of failing the resolution.
 */
public class UnusableFileException extends IndexException {
    private static final long serialVersionUID = 1L;

    private final String fileName;

    /**
     * @param indexId  the index that served the file
     * @param url      where the file (or its metadata) was read
     * @param fileName the distribution file's name
     * @param message  what is wrong with it
     * @param cause    the underlying failure, or {@code null}
     */
    public UnusableFileException(String indexId, URI url, String fileName, String message, Throwable cause) {
        super(indexId, url, "`" + Objects.requireNonNull(fileName, "fileName") + "`: " + message, cause);
        this.fileName = fileName;
    }

    /** The name of the file that cannot be used. */
    public String fileName() {
        return fileName;
    }
}
