package dev.pinwheel.index;

import dev.pinwheel.name.PackageName;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an index lists for one project: its distribution files, in the index's order.
 *
 * <p>Files whose names do not parse, or that belong to another project, are not in {@link #files()};
 * they are counted in {@link #skipped()} with the reason, so nothing is dropped silently. Immutable and
 * thread-safe.
 *
 * @param name     the project, as asked for
 * @param files    the usable files listed
 * @param skipped  the listed files that were left out, each with why (e.g. an {@code .egg}, a name that does not parse)
 * @param indexId  the index that served the page
 * @param revision an opaque token that changes when the page changes (an ETag, a last-serial, a digest
 *                 of the page), for caches keyed by index state; empty when unknown
 */
public record ProjectPage(PackageName name, List<DistributionFile> files, List<String> skipped, String indexId,
                          Optional<String> revision) {

    /** Validates and copies. */
    public ProjectPage {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(indexId, "indexId");
        Objects.requireNonNull(revision, "revision");
    }

    /** A page with no skipped files and no revision token. */
    public static ProjectPage of(PackageName name, List<DistributionFile> files, String indexId) {
        return new ProjectPage(name, files, List.of(), indexId, Optional.empty());
    }
}
