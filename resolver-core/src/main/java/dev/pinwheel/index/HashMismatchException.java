package dev.pinwheel.index;

import java.net.URI;
import java.util.Objects;

/**
 * The bytes read for a file do not have the hash that the index published for them. This is always
 * an error: the file is never used, and the resolver does not fall back to another route for it.
 */
public class HashMismatchException extends IndexException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String algorithm;
    private final String expected;
    private final String actual;

    /**
     * @param indexId   the index that published the hash
     * @param url       where the bytes were read
     * @param fileName  the file (or metadata file) whose hash was checked
     * @param algorithm the hash algorithm, lower case as in {@code sha256}
     * @param expected  the published digest, lower-case hex
     * @param actual    the digest of the bytes read, lower-case hex
     */
    public HashMismatchException(String indexId, URI url, String fileName, String algorithm, String expected, String actual) {
        super(indexId, url, "Hash mismatch for `" + Objects.requireNonNull(fileName, "fileName") + "`: expected "
                + algorithm + ":" + expected + ", got " + algorithm + ":" + actual);
        this.fileName = fileName;
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
    }

    /** The name of the file whose bytes did not match. */
    public String fileName() {
        return fileName;
    }

    /** The hash algorithm that was checked, e.g. {@code sha256}. */
    public String algorithm() {
        return algorithm;
    }

    /** The digest the index published. */
    public String expected() {
        return expected;
    }

    /** The digest of the bytes actually read. */
    public String actual() {
        return actual;
    }
}
