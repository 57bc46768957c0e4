package dev.pinwheel.index;

import java.net.URI;

/**
 * A kind of index, found with {@link java.util.ServiceLoader} by {@link PackageIndexes#load}: it says
 * which locations it serves and opens an index for one.
 *
 * <p>Register an implementation in {@code META-INF/services/dev.pinwheel.index.PackageIndexProvider}.
 * Providers are stateless and thread-safe; every provider also offers a plain factory, so that nobody
 * needs the service loader.
 */
public interface PackageIndexProvider {

    /** Whether this provider can open {@code location}, judged by its scheme and form (at most a cheap local check, such as whether a directory holds an {@code index.html}; never network I/O). */
    boolean supports(URI location);

    /**
     * Opens an index at {@code location}.
     *
     * @throws IndexException when the location exists but cannot be used (e.g. a file: path that is not a directory)
     */
    PackageIndex open(URI location, IndexOptions options) throws IndexException;

    /** Among providers that support a location, the highest priority wins. The built-in ones use 0. */
    default int priority() {
        return 0;
    }
}
