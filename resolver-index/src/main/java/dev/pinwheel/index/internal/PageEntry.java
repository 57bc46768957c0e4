package dev.pinwheel.index.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One file listed on a simple repository page, as read from HTML (PEP 503) or JSON (PEP 691), before its
 * file name is interpreted.
 *
 * @param filename       the file name: the last path segment of the URL, percent-decoded (or the JSON {@code filename})
 * @param url            the absolute URL, resolved against the page's final URL and {@code <base>}, without fragment
 * @param hashes         hash name (lower case) to hex digest (lower case); may be empty
 * @param requiresPython the {@code requires-python} value, HTML-unescaped, when given and not blank
 * @param yanked         present when the file is yanked (PEP 592): the reason, or the empty string for none
 * @param coreMetadata   present when a {@code .metadata} file is served (PEP 658/714): its hashes, maybe none
 * @param uploadTime     PEP 700 upload time
 * @param size           PEP 700 size in bytes
 */
public record PageEntry(
        String filename,
        URI url,
        Map<String, String> hashes,
        Optional<String> requiresPython,
        Optional<String> yanked,
        Optional<Map<String, String>> coreMetadata,
        Optional<Instant> uploadTime,
        OptionalLong size) {

    public PageEntry {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        hashes = Map.copyOf(hashes);
        Objects.requireNonNull(requiresPython, "requiresPython");
        Objects.requireNonNull(yanked, "yanked");
        coreMetadata = coreMetadata.map(Map::copyOf);
        Objects.requireNonNull(uploadTime, "uploadTime");
        Objects.requireNonNull(size, "size");
    }
}
