package dev.pinwheel.index.internal;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed project page.
 *
 * @param url        the final URL of the page (after redirects)
 * @param format     {@code "json"} or {@code "html"}
 * @param apiVersion the {@code meta.api-version} (JSON) or {@code pypi:repository-version} meta tag (HTML), if any
 * @param name       the project name the page states (JSON {@code name}), if any
 * @param files      the files, in page order
 * @param versions   PEP 700 {@code versions}, empty when not given
 */
public record ParsedPage(URI url, String format, Optional<String> apiVersion, Optional<String> name,
                         List<PageEntry> files, List<String> versions) {
    public ParsedPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        versions = List.copyOf(versions);
    }
}
