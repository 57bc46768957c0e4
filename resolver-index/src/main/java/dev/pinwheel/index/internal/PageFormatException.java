package dev.pinwheel.index.internal;

import java.io.IOException;
import java.net.URI;

/** A project page that cannot be read: the message names the (redacted) URL and the problem. */
public final class PageFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String problem;

    public PageFormatException(URI url, String problem, Throwable cause) {
        super("Malformed simple page `" + Uris.redact(url) + "`: " + problem, cause);
        this.url = Uris.redact(url);
        this.problem = problem;
    }

    /** The URL, credentials redacted. */
    public String url() {
        return url;
    }

    /** What is wrong, without the URL. */
    public String problem() {
        return problem;
    }
}
