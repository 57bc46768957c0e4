package dev.pinwheel.metadata;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Validation of {@code Description-Content-Type}, as packaging 26 validates it: a MIME type (RFC 2045 syntax)
 * that is {@code text/plain}, {@code text/x-rst} or {@code text/markdown}; parameters are
 * {@code name=value} with a token or quoted-string value; {@code charset}, when given, is {@code UTF-8} in any
 * case; {@code variant}, when given on Markdown, is exactly {@code GFM} or {@code CommonMark}.
 *
 * <p>packaging 26.4 also rejects a value that Python's email header parser cannot parse cleanly (a parameter
 * without a value such as {@code text/plain; x*}, a line break); this class approximates that with a strict
 * RFC 2045 reading: spaces, tabs and comments are allowed between tokens, a parameter without {@code =} or
 * with trailing text, an empty parameter and a repeated parameter are errors.
 */
final class ContentTypes {
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private ContentTypes() {
    }

    /** Why {@code value} is not a valid description content type, or empty when it is valid. */
    static Optional<String> problem(String value) {
        String allowed = "expected `text/plain`, `text/x-rst` or `text/markdown`, optionally with"
                + " `; charset=UTF-8` (and `; variant=GFM` or `; variant=CommonMark` for Markdown)";
        int n = value.length();
        int[] p = {skipSpace(value, 0)};
        String type = token(value, p);
        if (type == null || p[0] >= n || value.charAt(p[0]) != '/') {
            return Optional.of(syntax(value, allowed));
        }
        p[0]++;
        String subtype = token(value, p);
        if (subtype == null) {
            return Optional.of(syntax(value, allowed));
        }
        Map<String, String> params = new HashMap<>();
        // Python's parser reads a comment right after the subtype as part of it, so only blanks may follow.
        while (p[0] < n && (value.charAt(p[0]) == ' ' || value.charAt(p[0]) == '\t')) {
            p[0]++;
        }
        while (p[0] < n) {
            if (value.charAt(p[0]) != ';') {
                return Optional.of(syntax(value, allowed));
            }
            p[0] = skipSpace(value, p[0] + 1);
            if (p[0] >= n) {
                break; // a trailing `;` is harmless
            }
            String attr = token(value, p);
            p[0] = attr == null ? p[0] : skipSpace(value, p[0]);
            if (attr == null || p[0] >= n || value.charAt(p[0]) != '=') {
                return Optional.of(syntax(value, allowed));
            }
            p[0] = skipSpace(value, p[0] + 1);
            String v;
            if (p[0] < n && value.charAt(p[0]) == '"') {
                v = quoted(value, p);
            } else {
                v = token(value, p);
            }
            if (v == null) {
                return Optional.of(syntax(value, allowed));
            }
            // RFC 2231: `name*=charset''value` and `name*0=` are the parameter `name`.
            String key = (attr.indexOf('*') < 0 ? attr : attr.substring(0, attr.indexOf('*'))).toLowerCase(Locale.ROOT);
            if (params.putIfAbsent(key, v) != null) {
                return Optional.of("`Description-Content-Type` `" + value + "` gives the parameter `" + attr
                        + "` twice");
            }
            p[0] = skipSpace(value, p[0]);
        }
        String mime = (type + "/" + subtype).toLowerCase(Locale.ROOT);
        if (!mime.equals("text/plain") && !mime.equals("text/x-rst") && !mime.equals("text/markdown")) {
            return Optional.of("`Description-Content-Type` `" + value + "` has an unsupported type `" + mime
                    + "`; " + allowed);
        }
        String charset = params.getOrDefault("charset", "UTF-8");
        if (!charset.equalsIgnoreCase("UTF-8")) {
            return Optional.of("`Description-Content-Type` may only name the `UTF-8` charset, found `" + charset
                    + "`");
        }
        String variant = params.getOrDefault("variant", "GFM");
        if (mime.equals("text/markdown") && !variant.equals("GFM") && !variant.equals("CommonMark")) {
            return Optional.of("`Description-Content-Type` Markdown variants are `GFM` and `CommonMark`, found `"
                    + variant + "`");
        }
        return Optional.empty();
    }

    private static String syntax(String value, String allowed) {
        return "`Description-Content-Type` `" + value.replace("\n", "\\n").replace("\r", "\\r")
                + "` is not a valid MIME type; " + allowed;
    }

    /** Skips spaces, tabs and RFC 822 comments ({@code (...)}, nested, with {@code \\} escapes). */
    private static int skipSpace(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '(') {
                int depth = 0;
                int j = i;
                for (; j < s.length(); j++) {
                    char x = s.charAt(j);
                    if (x == '\\') {
                        j++;
                    } else if (x == '(') {
                        depth++;
                    } else if (x == ')' && --depth == 0) {
                        break;
                    } else if (x == '\r' || x == '\n') {
                        return i;
                    }
                }
                if (j >= s.length()) {
                    return i; // an unterminated comment is a syntax error for the caller
                }
                i = j + 1;
            } else {
                return i;
            }
        }
        return i;
    }

    /** An RFC 2045 token at {@code p[0]}, advancing it; null when there is none. */
    private static String token(String s, int[] p) {
        int start = p[0];
        int i = start;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || TSPECIALS.indexOf(c) >= 0) {
                break;
            }
            i++;
        }
        if (i == start) {
            return null;
        }
        p[0] = i;
        return s.substring(start, i);
    }

    /** A quoted-string at {@code p[0]} (which is {@code "}), unescaped; null when unterminated or multi-line. */
    private static String quoted(String s, int[] p) {
        StringBuilder b = new StringBuilder();
        int i = p[0] + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                p[0] = i + 1;
                return b.toString();
            }
            if (c == '\r' || c == '\n') {
                return null;
            }
            if (c == '\\' && i + 1 < s.length()) {
                i++;
                c = s.charAt(i);
            }
            b.append(c);
            i++;
        }
        return null;
    }
}
