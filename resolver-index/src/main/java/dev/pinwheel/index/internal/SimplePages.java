package dev.pinwheel.index.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Parsers for simple repository project pages: PEP 503 HTML (with jsoup) and PEP 691 JSON (with Jackson's
 * streaming parser), including PEP 592 (yanked), PEP 658/714 (core metadata) and PEP 700 (versions, size,
 * upload time).
 *
 * <p>Stateless and thread-safe.
 */
public final class SimplePages {
    /** The media type of PEP 691 JSON, version 1. */
    public static final String JSON_V1 = "application/vnd.pypi.simple.v1+json";
    /** The media type of PEP 691 HTML, version 1. */
    public static final String HTML_V1 = "application/vnd.pypi.simple.v1+html";
    /** The {@code Accept} header for project pages: JSON preferred, then HTML (PEP 691). */
    public static final String ACCEPT = JSON_V1 + ", " + HTML_V1 + ";q=0.2, text/html;q=0.01";

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern HASH_NAME = Pattern.compile("[a-z0-9_-]+");
    private static final Map<String, Integer> HEX_LENGTHS = Map.of(
            "md5", 32, "sha1", 40, "sha224", 56, "sha256", 64, "sha384", 96, "sha512", 128,
            "blake2b_256", 64, "blake2b", 128);
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).maxNestingDepth(64).build())
            .build();

    private SimplePages() {
    }

    /**
     * Parses a page by its {@code Content-Type}: PEP 691 JSON, or HTML ({@code text/html}, the PEP 691 HTML
     * type, or no type at all).
     *
     * @throws PageFormatException if the page is of another type or malformed
     */
    public static ParsedPage parse(Response response) throws PageFormatException {
        String type = response.mediaType();
        if (type.equals(JSON_V1)) {
            return parseJson(response.body(), response.finalUri());
        }
        if (type.equals(HTML_V1) || type.equals("text/html") || type.equals("application/xhtml+xml") || type.isEmpty()) {
            return parseHtml(response.body(), charset(response), response.finalUri());
        }
        if (type.startsWith("application/vnd.pypi.simple.")) {
            throw new PageFormatException(response.finalUri(), "unsupported simple API version in `Content-Type: " + type
                    + "`; Pinwheel reads API version 1 (`" + JSON_V1 + "` or HTML)", null);
        }
        throw new PageFormatException(response.finalUri(), "unexpected `Content-Type: " + type
                + "`; expected `" + JSON_V1 + "` or `text/html`", null);
    }

    private static String charset(Response r) {
        String ct = r.header("content-type").orElse("");
        for (String part : ct.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    // -------------------------------------------------------------------------------------------- HTML

    /**
     * Parses a PEP 503 HTML page. Links resolve against {@code <base href>} if present, else the page URL;
     * the file name is the link's last path segment; {@code #<hash>=<hex>} fragments become hashes.
     *
     * @param charset the charset from {@code Content-Type}, or {@code null} to detect (UTF-8 by default)
     */
    public static ParsedPage parseHtml(byte[] body, String charset, URI pageUrl) throws PageFormatException {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), charset, pageUrl.toString());
        } catch (IOException | IllegalArgumentException e) {
            throw new PageFormatException(pageUrl, "cannot read the HTML: " + e.getMessage(), e);
        }
        URI base = pageUrl;
        Element baseEl = doc.selectFirst("base[href]");
        if (baseEl != null) {
            base = Uris.resolve(pageUrl, baseEl.attr("href")).orElseThrow(() ->
                    new PageFormatException(pageUrl, "the `<base href=\"" + baseEl.attr("href") + "\">` is not a URL", null));
        }
        Optional<String> apiVersion = Optional.empty();
        Element meta = doc.selectFirst("meta[name=pypi:repository-version]");
        if (meta != null) {
            apiVersion = Optional.of(meta.attr("content").strip());
            checkApiVersion(pageUrl, apiVersion.get());
        }
        List<PageEntry> files = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            URI resolved = Uris.resolve(base, href).orElseThrow(() ->
                    new PageFormatException(pageUrl, "the link `" + href + "` is not a URL", null));
            String filename = Uris.lastSegment(resolved);
            if (filename.isEmpty()) {
                continue;
            }
            Map<String, String> hashes = fragmentHashes(pageUrl, filename, resolved);
            Optional<String> requiresPython = attr(a, "data-requires-python").filter(s -> !s.isBlank()).map(String::strip);
            Optional<String> yanked = a.hasAttr("data-yanked") ? Optional.of(a.attr("data-yanked").strip()) : Optional.empty();
            Optional<String> metaAttr = attr(a, "data-core-metadata").or(() -> attr(a, "data-dist-info-metadata"));
            Optional<Map<String, String>> coreMetadata = metaAttr.isEmpty() ? Optional.empty() : htmlCoreMetadata(pageUrl, filename, metaAttr.get());
            files.add(new PageEntry(filename, Uris.withoutFragment(resolved), hashes, requiresPython, yanked, coreMetadata,
                    Optional.empty(), OptionalLong.empty()));
        }
        return new ParsedPage(pageUrl, "html", apiVersion, Optional.empty(), files, List.of());
    }

    /**
     * The digests a link's fragment gives ({@code #sha256=<hex>}; several {@code name=value} parts may be joined
     * with {@code &}, and parts that are not hashes, such as {@code egg=}, are ignored).
     *
     * @param page     the page (or input) the link comes from, for messages
     * @param filename the linked file's name, for messages
     * @throws PageFormatException when a hash's digest is not hex of the algorithm's length
     */
    public static Map<String, String> fragmentHashes(URI page, String filename, URI link) throws PageFormatException {
        Map<String, String> hashes = new HashMap<>();
        String fragment = link.getRawFragment();
        if (fragment == null) {
            return hashes;
        }
        for (String part : fragment.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String name = part.substring(0, eq).toLowerCase(Locale.ROOT);
                if (isHashName(name)) {
                    hashes.put(name, checkedHash(page, filename, name, part.substring(eq + 1)));
                }
            }
        }
        return hashes;
    }

    private static boolean isHashName(String name) {
        return HEX_LENGTHS.containsKey(name) || name.startsWith("sha") || name.startsWith("blake2") || name.startsWith("md5");
    }

    private static Optional<String> attr(Element e, String name) {
        return e.hasAttr(name) ? Optional.of(e.attr(name)) : Optional.empty();
    }

    private static Optional<Map<String, String>> htmlCoreMetadata(URI page, String filename, String value) throws PageFormatException {
        String v = value.strip();
        if (v.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        if (v.isEmpty() || v.equalsIgnoreCase("true")) {
            return Optional.of(Map.of());
        }
        int eq = v.indexOf('=');
        if (eq <= 0) {
            throw new PageFormatException(page, "the core-metadata attribute of `" + filename + "` is `" + value
                    + "`; expected `true` or `<hash name>=<hex digest>`", null);
        }
        String name = v.substring(0, eq).toLowerCase(Locale.ROOT);
        return Optional.of(Map.of(name, checkedHash(page, filename, name, v.substring(eq + 1))));
    }

    private static String checkedHash(URI page, String filename, String name, String hex) throws PageFormatException {
        Integer len = HEX_LENGTHS.get(name);
        if (!HASH_NAME.matcher(name).matches() || !HEX.matcher(hex).matches() || (len != null && hex.length() != len)) {
            throw new PageFormatException(page, "the `" + name + "` hash of `" + filename + "` is `" + hex + "`; expected "
                    + (len == null ? "hex digits" : len + " hex digits"), null);
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    private static void checkApiVersion(URI page, String version) throws PageFormatException {
        String major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
        if (!major.equals("1")) {
            throw new PageFormatException(page, "unsupported simple API version `" + version + "`; Pinwheel reads version 1.x", null);
        }
    }

    // -------------------------------------------------------------------------------------------- JSON

    /** Parses a PEP 691 JSON page; relative file URLs resolve against the page URL. */
    public static ParsedPage parseJson(byte[] body, URI pageUrl) throws PageFormatException {
        Object root;
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new PageFormatException(pageUrl, "the JSON is empty", null);
            }
            root = readValue(p);
            if (p.nextToken() != null) {
                throw new PageFormatException(pageUrl, "unexpected content after the JSON object at " + where(p.currentLocation()), null);
            }
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            int marker = msg.indexOf(" (start marker at");
            throw new PageFormatException(pageUrl, "invalid JSON at " + where(e.getLocation()) + ": "
                    + (marker < 0 ? msg : msg.substring(0, marker)), e);
        } catch (IOException e) {
            throw new PageFormatException(pageUrl, "cannot read the JSON: " + e.getMessage(), e);
        }
        Map<String, Object> top = object(pageUrl, "the page", root);
        Map<String, Object> meta = object(pageUrl, "`meta`", require(pageUrl, top, "meta", "the page"));
        String apiVersion = string(pageUrl, "`meta.api-version`", require(pageUrl, meta, "api-version", "`meta`"));
        checkApiVersion(pageUrl, apiVersion);
        Optional<String> name = top.containsKey("name") ? Optional.of(string(pageUrl, "`name`", top.get("name"))) : Optional.empty();
        List<Object> filesJson = array(pageUrl, "`files`", require(pageUrl, top, "files", "the page"));
        List<PageEntry> files = new ArrayList<>(filesJson.size());
        for (int i = 0; i < filesJson.size(); i++) {
            files.add(jsonFile(pageUrl, i, filesJson.get(i)));
        }
        List<String> versions = new ArrayList<>();
        if (top.containsKey("versions")) {
            List<Object> vs = array(pageUrl, "`versions`", top.get("versions"));
            for (int i = 0; i < vs.size(); i++) {
                versions.add(string(pageUrl, "`versions[" + i + "]`", vs.get(i)));
            }
        }
        return new ParsedPage(pageUrl, "json", Optional.of(apiVersion), name, files, versions);
    }

    private static PageEntry jsonFile(URI page, int i, Object value) throws PageFormatException {
        String at = "`files[" + i + "]`";
        Map<String, Object> f = object(page, at, value);
        String filename = string(page, "`files[" + i + "].filename`", require(page, f, "filename", at));
        String where = "`files[" + i + "]` (`" + filename + "`)";
        String url = string(page, "the `url` of " + where, require(page, f, "url", where));
        URI resolved = Uris.resolve(page, url).orElseThrow(() -> new PageFormatException(page, "the `url` of " + where + " is not a URL: `" + url + "`", null));
        Map<String, String> hashes = new HashMap<>();
        if (f.containsKey("hashes")) {
            for (Map.Entry<String, Object> h : object(page, "the `hashes` of " + where, f.get("hashes")).entrySet()) {
                String hn = h.getKey().toLowerCase(Locale.ROOT);
                hashes.put(hn, checkedHash(page, filename, hn, string(page, "the `" + h.getKey() + "` hash of " + where, h.getValue())));
            }
        }
        Optional<String> requiresPython = Optional.empty();
        Object rp = f.get("requires-python");
        if (rp != null && rp != NULL) {
            requiresPython = Optional.of(string(page, "the `requires-python` of " + where, rp).strip()).filter(s -> !s.isEmpty());
        }
        Optional<String> yanked = Optional.empty();
        Object y = f.get("yanked");
        if (y instanceof Boolean) {
            yanked = (Boolean) y ? Optional.of("") : Optional.empty();
        } else if (y instanceof String) {
            yanked = Optional.of(((String) y).strip());
        } else if (y != null && y != NULL) {
            throw new PageFormatException(page, "the `yanked` of " + where + " must be a boolean or a string, found " + kind(y), null);
        }
        Object cm = f.containsKey("core-metadata") ? f.get("core-metadata") : f.get("dist-info-metadata");
        Optional<Map<String, String>> coreMetadata = Optional.empty();
        if (cm instanceof Boolean) {
            coreMetadata = (Boolean) cm ? Optional.of(Map.of()) : Optional.empty();
        } else if (cm instanceof Map) {
            Map<String, String> mh = new HashMap<>();
            for (Map.Entry<String, Object> h : object(page, "the `core-metadata` of " + where, cm).entrySet()) {
                String hn = h.getKey().toLowerCase(Locale.ROOT);
                mh.put(hn, checkedHash(page, filename + ".metadata", hn, string(page, "the `core-metadata` hash of " + where, h.getValue())));
            }
            coreMetadata = Optional.of(mh);
        } else if (cm != null && cm != NULL) {
            throw new PageFormatException(page, "the `core-metadata` of " + where + " must be a boolean or an object, found " + kind(cm), null);
        }
        Optional<Instant> uploadTime = Optional.empty();
        Object ut = f.get("upload-time");
        if (ut != null && ut != NULL) {
            String s = string(page, "the `upload-time` of " + where, ut);
            try {
                uploadTime = Optional.of(OffsetDateTime.parse(s).toInstant());
            } catch (DateTimeParseException e) {
                throw new PageFormatException(page, "the `upload-time` of " + where + " is `" + s + "`; expected an ISO 8601 time such as `2024-01-31T12:00:00.000000Z`", e);
            }
        }
        OptionalLong size = OptionalLong.empty();
        Object sz = f.get("size");
        if (sz instanceof Long && (Long) sz >= 0) {
            size = OptionalLong.of((Long) sz);
        } else if (sz != null && sz != NULL) {
            throw new PageFormatException(page, "the `size` of " + where + " must be a non-negative integer, found " + kind(sz), null);
        }
        return new PageEntry(filename, Uris.withoutFragment(resolved), hashes, requiresPython, yanked, coreMetadata, uploadTime, size);
    }

    /** JSON null, distinct from an absent key. */
    private static final Object NULL = new Object();

    private static Object readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, readValue(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(readValue(p));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getDecimalValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IOException("Unexpected JSON token " + t);
        }
    }

    private static String where(JsonLocation loc) {
        return loc == null ? "an unknown position" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static Object require(URI page, Map<String, Object> m, String key, String where) throws PageFormatException {
        Object v = m.get(key);
        if (v == null) {
            throw new PageFormatException(page, where + " has no `" + key + "`", null);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(URI page, String what, Object v) throws PageFormatException {
        if (v instanceof Map) {
            return (Map<String, Object>) v;
        }
        throw new PageFormatException(page, what + " must be an object, found " + kind(v), null);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(URI page, String what, Object v) throws PageFormatException {
        if (v instanceof List) {
            return (List<Object>) v;
        }
        throw new PageFormatException(page, what + " must be an array, found " + kind(v), null);
    }

    private static String string(URI page, String what, Object v) throws PageFormatException {
        if (v instanceof String) {
            return (String) v;
        }
        throw new PageFormatException(page, what + " must be a string, found " + kind(v), null);
    }

    private static String kind(Object v) {
        if (v == NULL) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }
}
