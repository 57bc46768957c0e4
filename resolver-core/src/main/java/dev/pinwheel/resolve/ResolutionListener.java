package dev.pinwheel.resolve;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Version;

/**
 * Hears how one resolution progresses, for status lines and logs: the projects added to the problem (with the
 * running count of candidates), the metadata read, and each solve round. Calls come on the resolving thread, in
 * the resolution's own deterministic order, so the same request gives the same sequence of calls. A listener
 * should return quickly; an exception it throws ends the resolution with that exception.
 *
 * <pre>{@code
 * resolver.resolve(request, new ResolutionListener() {
 *     public void projectAdded(PackageName name, int versions, int candidates) {
 *         status.printf("%d candidates%n", candidates);
 *     }
 * });
 * }</pre>
 */
public interface ResolutionListener {

    /** A listener that ignores everything. */
    ResolutionListener NONE = new ResolutionListener() {
    };

    /**
     * A project's page was read and its versions became candidates.
     *
     * @param name       the project (a project the index does not have is added with no versions)
     * @param versions   its versions with at least one file
     * @param candidates candidates in the problem so far, extras included
     */
    default void projectAdded(PackageName name, int versions, int candidates) {
    }

    /** The metadata of a version was read (from the index, or found already read ahead). */
    default void metadataRead(PackageName name, Version version) {
    }

    /**
     * A solve round is about to start: the problem holds {@code candidates} candidates, {@code expanded} of them
     * with their dependencies encoded.
     *
     * @param round 1 for the first round
     */
    default void solving(int round, int candidates, int expanded) {
    }
}
