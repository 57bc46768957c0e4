package dev.pinwheel.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the RFC 822 header block of a core metadata file the way Python's {@code email.parser} does under
 * the {@code compat32} policy (which is what the core metadata specification defers to), then sorts the
 * headers into fields as packaging's {@code parse_email} does.
 */
final class EmailHeaderReader {
    private EmailHeaderReader() {
    }

    /** The lines of one header: the first line (with its break) and its continuation lines. */
    private static final class Pending {
        final String name;
        final int line;
        final StringBuilder value = new StringBuilder();

        Pending(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    /** The values of one header name, in file order. */
    private static final class Group {
        final List<String> values = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();
        boolean badEncoding;
    }

    /**
     * @param text      the file; when {@code fromBytes}, one character per byte (ISO-8859-1)
     * @param fromBytes whether values must be decoded from UTF-8
     */
    static RawMetadata read(String text, boolean fromBytes, String source) {
        RawMetadata.Builder out = RawMetadata.builder(source);
        int n = text.length();

        // 1. The header block: header lines, continuation lines and "From " lines, up to a blank line or
        //    the first line of anything else (which then belongs to the body).
        List<int[]> headerLines = new ArrayList<>(); // {start, end (after the break), line number}
        int pos = 0;
        int lineNo = 1;
        int bodyStart = n;
        while (pos < n) {
            int end = lineEnd(text, pos);
            if (isHeaderLine(text, pos, end)) {
                headerLines.add(new int[] {pos, end, lineNo});
                pos = end;
                lineNo++;
                continue;
            }
            char c = text.charAt(pos);
            bodyStart = (c == '\r' || c == '\n') ? end : pos; // a blank line is the separator and is dropped
            break;
        }
        String pushedBack = "";

        // 2. The headers, as email.feedparser's _parse_headers sorts them.
        Map<String, Group> groups = new LinkedHashMap<>();
        Pending pending = null;
        for (int i = 0; i < headerLines.size(); i++) {
            int[] hl = headerLines.get(i);
            String line = text.substring(hl[0], hl[1]);
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (pending == null) {
                    out.ignored(new RawMetadata.IgnoredLine(hl[2], stripBreak(line),
                            "A continuation line before the first header"));
                } else {
                    pending.value.append(line);
                }
                continue;
            }
            if (pending != null) {
                finish(pending, fromBytes, groups, out);
                pending = null;
            }
            if (line.startsWith("From ")) {
                if (i == 0) {
                    out.ignored(new RawMetadata.IgnoredLine(hl[2], stripBreak(line), "A Unix envelope line"));
                    continue;
                } else if (i == headerLines.size() - 1) {
                    // Like the email parser: probably the first line of the body.
                    pushedBack = line;
                    break;
                } else {
                    out.ignored(new RawMetadata.IgnoredLine(hl[2], stripBreak(line),
                            "A misplaced Unix envelope line"));
                    continue;
                }
            }
            int colon = line.indexOf(':');
            if (colon == 0) {
                out.ignored(new RawMetadata.IgnoredLine(hl[2], stripBreak(line), "A header without a name"));
                continue;
            }
            pending = new Pending(line.substring(0, colon), hl[2]);
            int v = colon + 1;
            while (v < line.length() && (line.charAt(v) == ' ' || line.charAt(v) == '\t')) {
                v++;
            }
            pending.value.append(line, v, line.length());
        }
        if (pending != null) {
            finish(pending, fromBytes, groups, out);
        }

        // 3. Sort the header groups into raw fields and unparsed ones, as packaging's parse_email does.
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            String key = e.getKey();
            Group g = e.getValue();
            if (g.badEncoding) {
                out.putUnparsed(key, g.values, g.lines, "Not valid UTF-8");
                continue;
            }
            Optional<MetadataField> known = MetadataField.fromHeader(key);
            if (known.isEmpty()) {
                out.putUnparsed(key, g.values, g.lines, "Not a core metadata field");
                continue;
            }
            MetadataField field = known.get();
            switch (field.kind()) {
                case SINGLE:
                    if (g.values.size() == 1) {
                        out.putValue(field, g.values.get(0), g.lines);
                    } else {
                        out.putUnparsed(key, g.values, g.lines, repeated(g));
                    }
                    break;
                case MULTIPLE:
                    if (field == MetadataField.IMPORT_NAME && g.values.size() == 1 && g.values.get(0).isEmpty()) {
                        // An empty Import-Name means "no import names", an empty list (PEP 794).
                        out.putValue(field, new ArrayList<String>(), g.lines);
                    } else {
                        out.putValue(field, new ArrayList<>(g.values), g.lines);
                    }
                    break;
                case KEYWORDS:
                    if (g.values.size() == 1) {
                        List<String> words = new ArrayList<>();
                        for (String k : g.values.get(0).split(",", -1)) {
                            words.add(PyText.strip(k));
                        }
                        out.putValue(field, words, g.lines);
                    } else {
                        out.putUnparsed(key, g.values, g.lines, repeated(g));
                    }
                    break;
                case PROJECT_URLS:
                    Map<String, String> urls = projectUrls(g.values);
                    if (urls == null) {
                        out.putUnparsed(key, g.values, g.lines, "Two values have the same label");
                    } else {
                        out.putValue(field, urls, g.lines);
                    }
                    break;
                default:
                    throw new AssertionError(field.kind());
            }
        }

        // 4. The body is the description, unless a Description header was given too.
        String rawBody = pushedBack + text.substring(bodyStart);
        int bodyLine = lineOf(text, bodyStart);
        if (!rawBody.isEmpty()) {
            String payload = fromBytes ? decodeUtf8(rawBody) : rawBody;
            if (payload == null) {
                out.putUnparsed("description", List.of(rawBody), List.of(bodyLine), "The body is not valid UTF-8");
            } else {
                out.body(payload);
                if (out.value(MetadataField.DESCRIPTION) != null) {
                    String header = (String) out.value(MetadataField.DESCRIPTION);
                    int headerLine = groups.get("description").lines.get(0);
                    out.removeValue(MetadataField.DESCRIPTION);
                    out.putUnparsed("description", List.of(header, payload), List.of(headerLine, bodyLine),
                            "Given both as a header and as the message body");
                } else if (out.hasUnparsed("description")) {
                    out.putUnparsed("description", List.of(payload), List.of(bodyLine));
                } else {
                    out.putValue(MetadataField.DESCRIPTION, payload, List.of(bodyLine));
                }
            }
        }
        return out.build();
    }

    private static String repeated(Group g) {
        return "Given " + g.values.size() + " times, but it may be given once";
    }

    private static void finish(Pending p, boolean fromBytes, Map<String, Group> groups, RawMetadata.Builder out) {
        String value = stripTrailingBreaks(p.value);
        Group g = groups.computeIfAbsent(p.name.toLowerCase(Locale.ROOT), k -> new Group());
        if (fromBytes && !PyText.isAscii(value)) {
            String decoded = decodeUtf8(value);
            if (decoded == null) {
                g.badEncoding = true; // keep the ISO-8859-1 reading: packaging's mojibake
            } else {
                value = decoded;
            }
        }
        g.values.add(value);
        g.lines.add(p.line);
        out.header(new RawMetadata.Header(p.name, value, p.line));
    }

    /**
     * Project-URL values as a map: each value is split at its first comma and both parts are trimmed. A label
     * given twice makes the whole field unparsable ({@code null}).
     */
    private static Map<String, String> projectUrls(List<String> values) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String pair : values) {
            int comma = pair.indexOf(',');
            String label = PyText.strip(comma < 0 ? pair : pair.substring(0, comma));
            String url = comma < 0 ? "" : PyText.strip(pair.substring(comma + 1));
            if (urls.containsKey(label)) {
                return null;
            }
            urls.put(label, url);
        }
        return urls;
    }

    /** The UTF-8 reading of ISO-8859-1 characters that stand for bytes, or null when they are not UTF-8. */
    private static String decodeUtf8(String latin1) {
        if (PyText.isAscii(latin1)) {
            return latin1;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8: the caller keeps the ISO-8859-1 reading and files the value as unparsed, as
            // packaging does; no information is lost because every byte is one character.
            return null;
        }
    }

    /** The index after the line that starts at {@code pos}, its break included (\r\n, \r or \n). */
    private static int lineEnd(String text, int pos) {
        int n = text.length();
        for (int i = pos; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                return (i + 1 < n && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
            }
        }
        return n;
    }

    /**
     * The email parser's header pattern, {@code ^(From |[\041-\071\073-\176]*:|[\t ])}: an envelope line, a
     * name of printable ASCII without space or colon followed by a colon, or a continuation line.
     */
    private static boolean isHeaderLine(String text, int start, int end) {
        if (start >= end) {
            return false;
        }
        char c = text.charAt(start);
        if (c == ' ' || c == '\t') {
            return true;
        }
        if (text.startsWith("From ", start)) {
            return true;
        }
        for (int i = start; i < end; i++) {
            char x = text.charAt(i);
            if (x == ':') {
                return true;
            }
            if (x < 0x21 || x > 0x7e) {
                return false;
            }
        }
        return false;
    }

    private static String stripTrailingBreaks(CharSequence s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return s.subSequence(0, end).toString();
    }

    private static String stripBreak(String line) {
        return stripTrailingBreaks(line);
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

}
