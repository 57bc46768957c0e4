package dev.pinwheel.index;

import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A source of distribution files and their core metadata: a simple repository, a directory of
 * files, a union of several indexes, an in-memory universe in a test.
 *
 * <p><b>Contract.</b> Implementations are thread-safe: the resolver calls {@link #project} and
 * {@link #metadata} from several threads at once, to fetch in parallel. Both calls may block on I/O.
 * A project the index does not have is {@code Optional.empty()}, not an error. Failures are
 * {@link IndexException}s naming the index and URL; a problem confined to one file is an
 * {@link UnusableFileException}, so the caller can drop that file and go on. A digest published by
 * the index is always checked against the bytes read ({@link HashMismatchException}).
 * Implementations may cache, and should make repeated calls cheap.
 *
 * <pre>{@code
 * try (PackageIndex index = PackageIndexes.load(URI.create("https://pypi.org/simple/"), IndexOptions.defaults(), loader)) {
 *     Optional<ProjectPage> page = index.project(PackageName.parse("requests"));
 *     Metadata m = index.metadata(page.orElseThrow().files().get(0));
 * }
 * }</pre>
 */
public interface PackageIndex extends AutoCloseable {

    /** A short, stable name for messages and lock files, e.g. {@code pypi} or the index URL without credentials. */
    String id();

    /**
     * The files this index lists for {@code project}.
     *
     * @return the page, or empty when the index does not have the project
     * @throws IndexException when the index cannot be reached or serves something unreadable
     */
    Optional<ProjectPage> project(PackageName project) throws IndexException;

    /**
     * The core metadata of {@code file}, read by the cheapest route the index offers.
     *
     * @param file a file from one of this index's pages
     * @throws UnusableFileException when that file's metadata is missing, malformed or needs a build
     * @throws IndexException        when the index cannot be reached, or a hash does not match
     */
    Metadata metadata(DistributionFile file) throws IndexException;

    /**
     * Reads the distribution file a direct URL requirement names ({@code name @ url}): the whole file, so that its
     * digest is known, checked against a hash the URL's fragment gives ({@code #sha256=...}), and its core
     * metadata (a wheel's {@code METADATA}; an sdist's {@code PKG-INFO} when PEP 643 makes it reliable).
     * The URL need not be one of this index's files; the index reads it with its own transport and credentials.
     * The default supports no URL.
     *
     * @param project the project the requirement names (an sdist's file name needs it to be read)
     * @param url     an absolute URL whose last path segment is a wheel or sdist file name of {@code project}
     * @throws HashMismatchException  when the bytes do not match the fragment's hash
     * @throws UnusableFileException  when the URL does not name a distribution file this index can read, or the file's
     *                                metadata is missing or malformed or needs a build
     * @throws IndexException         when the file cannot be fetched
     */
    default DirectDistribution direct(PackageName project, URI url) throws IndexException {
        throw new UnusableFileException(id(), url, url.toString(), "this index does not read direct URL requirements", null);
    }

    /**
     * {@link #metadata} run on {@code executor}. The future fails with a {@link CompletionException}
     * whose cause is the {@link IndexException}.
     */
    default CompletableFuture<Metadata> metadataAsync(DistributionFile file, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return metadata(file);
            } catch (IndexException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /**
     * {@link #project} run on {@code executor}. The future fails with a {@link CompletionException}
     * whose cause is the {@link IndexException}.
     */
    default CompletableFuture<Optional<ProjectPage>> projectAsync(PackageName project, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return project(project);
            } catch (IndexException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Releases connections and other resources. The default does nothing. */
    @Override
    default void close() {
    }
}
