package dev.pinwheel.index.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * URI helpers for index code: redaction of credentials, origins, lenient resolution of page links.
 *
 * <p>Stateless; all methods are thread-safe.
 */
public final class Uris {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Uris() {
    }

    /**
     * The URI as text with any user information replaced by {@code ***}. Every URI that reaches a log line
     * or an exception message goes through here, so credentials never leave the process.
     */
    public static String redact(URI uri) {
        if (uri == null) {
            return "<none>";
        }
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return withoutUserInfo(uri).toString().replaceFirst("://", "://***@");
    }

    /** The same URI without user information (credentials are sent in a header, never in the URL). */
    public static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(uri.getScheme()).append("://").append(uri.getRawAuthority().substring(uri.getRawUserInfo().length() + 1));
        if (uri.getRawPath() != null) {
            sb.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            sb.append('#').append(uri.getRawFragment());
        }
        return URI.create(sb.toString());
    }

    /** The URI without its fragment (fragments carry hashes on simple pages and are never sent). */
    public static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    /** {@code scheme://host:port}, lower case, with the default port made explicit: the unit of trust for credentials. */
    public static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        }
        return scheme + "://" + host + ":" + port;
    }

    /** Whether the scheme is {@code http} or {@code https}. */
    public static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    /** Whether the scheme is {@code file}. */
    public static boolean isFile(URI uri) {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * Resolves a link found on a page against a base, accepting what browsers accept: characters that are
     * illegal in a URI (spaces, non-ASCII, {@code |}, ...) are percent-encoded first.
     *
     * @return empty if the link cannot be made into a URI at all
     */
    public static Optional<URI> resolve(URI base, String href) {
        String link = href.strip();
        URI ref;
        try {
            ref = new URI(link);
        } catch (URISyntaxException e) {
            try {
                ref = new URI(encodeIllegal(link));
            } catch (URISyntaxException e2) {
                return Optional.empty();
            }
        }
        try {
            URI resolved = base.resolve(ref);
            if (resolved.getScheme() == null) {
                return Optional.empty();
            }
            return Optional.of(resolved);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Percent-encodes the characters that {@link URI} rejects, leaving existing escapes and delimiters alone. */
    static String encodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        // `[` and `]` are legal only around an IPv6 host (RFC 3986, 3.2.2): keep them inside the authority
        int scheme = s.indexOf("://");
        int authorityEnd = scheme < 0 ? 0
                : s.substring(0, indexOfAny(s, "/?#", scheme + 3)).getBytes(StandardCharsets.UTF_8).length;
        int at = -1;
        for (byte b : bytes) {
            at++;
            int c = b & 0xff;
            boolean bracket = c == '[' || c == ']';
            boolean legal = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0 && (!bracket || at < authorityEnd);
            if (legal) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        // a second '#' is illegal in a URI: keep the first as the fragment delimiter
        int first = out.indexOf("#");
        if (first >= 0) {
            for (int i = out.indexOf("#", first + 1); i >= 0; i = out.indexOf("#", i + 1)) {
                out.replace(i, i + 1, "%23");
            }
        }
        return out.toString();
    }

    /** The index of the first of {@code chars} in {@code s} at or after {@code from}, or {@code s.length()}. */
    private static int indexOfAny(String s, String chars, int from) {
        for (int k = from; k < s.length(); k++) {
            if (chars.indexOf(s.charAt(k)) >= 0) {
                return k;
            }
        }
        return s.length();
    }

    /** The last path segment, percent-decoded: a distribution's file name as PEP 503 defines it. */
    public static String lastSegment(URI uri) {
        String path = uri.getRawPath();
        if (path == null) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        return percentDecode(path.substring(slash + 1));
    }

    /** Decodes {@code %XX} escapes as UTF-8; a malformed escape is kept as it is. */
    public static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] out = new byte[s.getBytes(StandardCharsets.UTF_8).length];
        int n = 0;
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out[n++] = (byte) (hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out[n++] = in[i];
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
