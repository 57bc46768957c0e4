package dev.pinwheel.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * A package index could not answer: the network failed, a page was malformed, a file's hash did not
 * match, a file could not be read.
 *
 * <p>The message always names the index ({@link #indexId()}) and, where there is one, the URL that
 * failed ({@link #url()}). Credentials in URLs are removed before they reach the message or the
 * accessor, so an exception can be logged as it is.
 */
public class IndexException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String indexId;
    private final String url;

    /**
     * @param indexId the {@link PackageIndex#id()} of the index that failed
     * @param url     the URL that failed, or {@code null} when the failure concerns no single URL
     * @param message what went wrong, one line, starting with a capital
     * @param cause   the underlying failure, or {@code null}
     */
    public IndexException(String indexId, URI url, String message, Throwable cause) {
        super(render(indexId, url, message), cause);
        this.indexId = Objects.requireNonNull(indexId, "indexId");
        this.url = url == null ? null : redacted(url).toString();
    }

    /** Same as {@link #IndexException(String, URI, String, Throwable)} without a cause. */
    public IndexException(String indexId, URI url, String message) {
        this(indexId, url, message, null);
    }

    /** The id of the index that failed. */
    public String indexId() {
        return indexId;
    }

    /** The URL that failed, with any credentials removed, if the failure concerns one URL. */
    public Optional<URI> url() {
        return Optional.ofNullable(url).map(URI::create);
    }

    /**
     * {@code uri} without its user-info part (user name and password), for messages and logs.
     *
     * <pre>{@code
     * redacted(URI.create("https://user:secret@host/simple/")) // https://host/simple/
     * }</pre>
     */
    public static URI redacted(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath() == null ? null : uri.getPath(),
                    uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            // The parts came from a valid URI, so this cannot happen; keep the scheme and host only.
            return URI.create(uri.getScheme() + "://" + uri.getHost() + "/");
        }
    }

    private static String render(String indexId, URI url, String message) {
        Objects.requireNonNull(message, "message");
        return url == null
                ? message + " (index `" + indexId + "`)"
                : message + " (index `" + indexId + "`, `" + redacted(url) + "`)";
    }
}
