package dev.pinwheel.index.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * The start tags of an HTML page, found with the WHATWG HTML tokenizer's rules for what a PEP 503 page needs:
 * markup inside comments, {@code <!DOCTYPE>}, processing instructions, raw-text elements ({@code script},
 * {@code style}, {@code xmp}, {@code iframe}, {@code noembed}, {@code noframes}) and escapable raw-text elements
 * ({@code title}, {@code textarea}) is not a tag; {@code <plaintext>} ends the markup; tag and attribute names
 * are case-insensitive (returned in lower case); attribute values may be double-quoted, single-quoted or
 * unquoted, and have their character references decoded; of repeated attributes the first counts; a tag cut
 * off by the end of the page is dropped. No tree is built: an index page is a flat list of links, and a tree
 * builder (jsoup's took 40 ms for the first page of a fresh JVM and 1.5 ms per page after) is most of the cost
 * of reading one.
 *
 * <p>Character references other than {@code &amp;amp;}, {@code &amp;lt;}, {@code &amp;gt;}, {@code &amp;quot;}
 * and {@code &amp;apos;} (numeric ones, the rest of the HTML named references, references without their
 * semicolon) are decoded by jsoup's implementation of the same rules.
 *
 * <p>Stateless and thread-safe.
 */
final class HtmlTags {
    /** Elements whose content is text up to their end tag. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "xmp", "iframe", "noembed", "noframes", "title", "textarea");
    /** How far into a page without a charset a {@code <meta>} charset declaration is looked for (as jsoup does). */
    private static final int CHARSET_SCAN_BYTES = 5 * 1024;

    /** A start tag: its name and attributes, in lower case (values as decoded). */
    record Tag(String name, Map<String, String> attributes) {
        String attr(String name) {
            return attributes.get(name);
        }
    }

    private HtmlTags() {
    }

    /**
     * Decodes an HTML page: a byte-order mark wins, then {@code charset} (from {@code Content-Type}), then a
     * {@code <meta charset>} or {@code <meta http-equiv="Content-Type">} in the first 5 KiB, then UTF-8.
     * Malformed bytes become U+FFFD.
     *
     * @param charset the charset from {@code Content-Type}, or {@code null}
     * @throws IllegalArgumentException if {@code charset} is not a charset name this JVM supports
     */
    static String decode(byte[] body, String charset) {
        int n = body.length;
        if (n >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return new String(body, 3, n - 3, StandardCharsets.UTF_8);
        }
        if (n >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            return new String(body, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            return new String(body, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        if (charset != null) {
            return new String(body, Charset.forName(charset));
        }
        // the declaration is ASCII: read the start of the page byte for byte to find it
        String head = new String(body, 0, Math.min(n, CHARSET_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        for (Tag t : startTags(head, Set.of("meta"))) {
            String declared = t.attr("charset");
            if (declared == null && "content-type".equalsIgnoreCase(strip(t.attr("http-equiv")))) {
                declared = charsetParameter(t.attr("content"));
            }
            if (declared != null && !declared.isBlank()) {
                Charset c = supported(declared.strip());
                return new String(body, c == null ? StandardCharsets.UTF_8 : c);
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").replace("'", "");
            }
        }
        return null;
    }

    private static Charset supported(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null; // as browsers and jsoup do: an unknown declaration means the default
        }
    }

    /** The start tags named in {@code names} (lower case), in document order. */
    static List<Tag> startTags(String html, Set<String> names) {
        List<Tag> tags = new ArrayList<>();
        int n = html.length();
        int pos = 0;
        while (true) {
            int lt = html.indexOf('<', pos);
            if (lt < 0 || lt + 1 >= n) {
                return tags;
            }
            char c = html.charAt(lt + 1);
            if (c == '!') {
                pos = html.startsWith("<!--", lt) ? commentEnd(html, lt + 4) : declarationEnd(html, lt + 2);
            } else if (c == '?') {
                pos = declarationEnd(html, lt + 2);
            } else if (c == '/') {
                if (lt + 2 < n && isAsciiLetter(html.charAt(lt + 2))) {
                    // an end tag: its "attributes" are read only so that a quoted '>' does not end it
                    pos = new TagReader(html, lt + 2).read(null);
                } else if (lt + 2 < n && html.charAt(lt + 2) == '>') {
                    pos = lt + 3;
                } else {
                    pos = declarationEnd(html, lt + 2);
                }
            } else if (isAsciiLetter(c)) {
                TagReader r = new TagReader(html, lt + 1);
                Map<String, String> attrs = new HashMap<>();
                pos = r.read(attrs);
                if (pos > n) {
                    return tags; // cut off by the end of the page
                }
                if (names.contains(r.name)) {
                    tags.add(new Tag(r.name, attrs));
                }
                if (r.name.equals("plaintext")) {
                    return tags;
                }
                if (RAW_TEXT.contains(r.name)) {
                    pos = rawTextEnd(html, pos, r.name);
                }
            } else {
                pos = lt + 1; // a '<' that starts no tag is text
            }
        }
    }

    /** After {@code <!--}: the index after the comment's end ({@code -->}, {@code --!>}, or an abrupt {@code >}). */
    private static int commentEnd(String html, int from) {
        if (html.startsWith(">", from)) {
            return from + 1;
        }
        if (html.startsWith("->", from)) {
            return from + 2;
        }
        for (int i = from; ; i++) {
            int dash = html.indexOf("--", i);
            if (dash < 0) {
                return html.length();
            }
            if (html.startsWith("-->", dash)) {
                return dash + 3;
            }
            if (html.startsWith("--!>", dash)) {
                return dash + 4;
            }
            i = dash;
        }
    }

    /** A doctype, processing instruction or bogus comment: up to the next {@code >}. */
    private static int declarationEnd(String html, int from) {
        int gt = html.indexOf('>', from);
        return gt < 0 ? html.length() : gt + 1;
    }

    /** The index of the {@code <} of the end tag that closes raw text, or the end of the page. */
    private static int rawTextEnd(String html, int from, String name) {
        int n = html.length();
        for (int i = from; ; i++) {
            i = html.indexOf("</", i);
            if (i < 0) {
                return n;
            }
            int after = i + 2 + name.length();
            if (html.regionMatches(true, i + 2, name, 0, name.length())
                    && (after >= n || isSpace(html.charAt(after)) || html.charAt(after) == '/' || html.charAt(after) == '>')) {
                return i;
            }
        }
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** Reads one tag's name and attributes, from its first name character. */
    private static final class TagReader {
        private final String html;
        private final int n;
        private int i;
        String name;

        TagReader(String html, int start) {
            this.html = html;
            this.n = html.length();
            this.i = start;
        }

        /**
         * Reads the tag, putting its attributes in {@code attrs} (if not null).
         *
         * @return the index after the closing {@code >}, or {@code length + 1} if the page ends inside the tag
         */
        int read(Map<String, String> attrs) {
            int start = i;
            while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '/' && html.charAt(i) != '>') {
                i++;
            }
            name = html.substring(start, i).toLowerCase(Locale.ROOT);
            while (true) {
                // before an attribute name; a '/' not followed by '>' is ignored here
                while (i < n && (isSpace(html.charAt(i)) || html.charAt(i) == '/')) {
                    i++;
                }
                if (i >= n) {
                    return n + 1;
                }
                if (html.charAt(i) == '>') {
                    return i + 1;
                }
                int nameStart = i++; // a first '=' belongs to the name
                while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '/' && html.charAt(i) != '>' && html.charAt(i) != '=') {
                    i++;
                }
                String attr = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
                while (i < n && isSpace(html.charAt(i))) {
                    i++;
                }
                String value = "";
                if (i < n && html.charAt(i) == '=') {
                    i++;
                    while (i < n && isSpace(html.charAt(i))) {
                        i++;
                    }
                    if (i >= n) {
                        return n + 1;
                    }
                    char q = html.charAt(i);
                    if (q == '"' || q == '\'') {
                        int close = html.indexOf(q, i + 1);
                        if (close < 0) {
                            return n + 1;
                        }
                        value = html.substring(i + 1, close);
                        i = close + 1;
                    } else if (q != '>') {
                        int vs = i;
                        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                            i++;
                        }
                        value = html.substring(vs, i);
                    }
                }
                if (attrs != null && !attrs.containsKey(attr)) {
                    attrs.put(attr, value.indexOf('&') < 0 ? value : unescape(value));
                }
            }
        }
    }

    /** Decodes the character references of an attribute value. */
    static String unescape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            int amp = value.indexOf('&', i);
            if (amp < 0) {
                sb.append(value, i, value.length());
                break;
            }
            sb.append(value, i, amp);
            String decoded = value.startsWith("&amp;", amp) ? "&" : value.startsWith("&lt;", amp) ? "<"
                    : value.startsWith("&gt;", amp) ? ">" : value.startsWith("&quot;", amp) ? "\"" : value.startsWith("&apos;", amp) ? "'" : null;
            if (decoded == null) {
                int next = amp + 1 < value.length() ? value.charAt(amp + 1) : ' ';
                if (next == '#' || isAsciiLetter((char) next) || (next >= '0' && next <= '9')) {
                    // anything but the five common references: jsoup's decoder, with the attribute-value rules
                    return Parser.unescapeEntities(value, true);
                }
                sb.append('&');
                i = amp + 1;
            } else {
                sb.append(decoded);
                i = value.indexOf(';', amp) + 1;
            }
        }
        return sb.toString();
    }
}
