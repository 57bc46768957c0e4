package dev.pinwheel.server;

import java.util.Objects;
import java.util.Optional;

/**
 * The state of one project page a resolution read: enough to tell later whether the page has changed.
 *
 * @param index       the configured index name the request chose
 * @param project     the normalised project name
 * @param revision    the index's own revision token for the page (an ETag, a serial), when it gives one
 * @param fingerprint a SHA-256 over everything the page lists that a resolution can depend on (file names,
 *                    URLs, hashes, {@code requires-python}, yanked, sizes, upload times), or {@code absent}
 */
record PageState(String index, String project, Optional<String> revision, String fingerprint) {
    PageState {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
