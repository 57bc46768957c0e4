package dev.pinwheel.lock;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an installer finds the pinned files: the index options a requirements.txt starts with ({@code --no-index},
 * {@code --index-url}, {@code --extra-index-url}, {@code --find-links}). Immutable and thread-safe.
 *
 * @param noIndex        write {@code --no-index} (only find-links were used)
 * @param indexUrl       the primary index, when it is not PyPI's (pip's default, never written)
 * @param extraIndexUrls further indexes
 * @param findLinks      find-links locations
 */
public record LockSources(boolean noIndex, Optional<String> indexUrl, List<String> extraIndexUrls, List<String> findLinks) {

    /** PyPI's simple index, pip's default: never written as {@code --index-url}. */
    public static final String PYPI = "https://pypi.org/simple";

    /** Nothing to write: PyPI, pip's default. */
    public static final LockSources DEFAULT = new LockSources(false, Optional.empty(), List.of(), List.of());

    public LockSources {
        Objects.requireNonNull(indexUrl, "indexUrl");
        indexUrl = indexUrl.filter(u -> !isPypi(u));
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
    }

    /** One primary index, written as {@code --index-url} unless it is PyPI's. */
    public static LockSources index(String url) {
        return new LockSources(false, Optional.of(url), List.of(), List.of());
    }

    /** True for PyPI's simple index URL, with or without the final slash. */
    public static boolean isPypi(String url) {
        return url.equals(PYPI) || url.equals(PYPI + "/");
    }

    /** True when nothing is written. */
    public boolean isEmpty() {
        return !noIndex && indexUrl.isEmpty() && extraIndexUrls.isEmpty() && findLinks.isEmpty();
    }
}
