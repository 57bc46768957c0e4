package dev.pinwheel.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Core metadata as read, without validation: the lenient layer, like packaging's {@code parse_email} and its
 * {@code RawMetadata} dictionary.
 *
 * <p>{@link #parse(String, String)} reads a {@code METADATA} or {@code PKG-INFO} file the way packaging 26
 * reads it with the standard library's {@code email} parser under the {@code compat32} policy:
 * <ul>
 *   <li>The header block ends at the first blank line, or at the first line that is neither a header
 *       ({@code Name: value}, the name being printable ASCII without space or colon) nor a continuation line
 *       (starting with a space or tab); such a line starts the body. Lines end at {@code \r\n}, {@code \r}
 *       or {@code \n}.</li>
 *   <li>A value is the rest of its first line with leading spaces and tabs removed, followed by its
 *       continuation lines <em>unchanged</em> (line breaks and indentation are kept, as packaging keeps
 *       them), with trailing line breaks removed. Trailing spaces are kept.</li>
 *   <li>Header names are case-insensitive. Known fields map to packaging's raw names; a single-use field
 *       given twice, a {@code Keywords} header given twice, a {@code Project-URL} label given twice and any
 *       unknown header go to {@link #unparsed()}, keyed by the lower-case header name.</li>
 *   <li>The body is the {@code Description} when there is no {@code Description} header; when there are
 *       both, both go to {@link #unparsed()}.</li>
 *   <li>Bytes are read as UTF-8. A header whose value is not valid UTF-8 goes, with every other value of
 *       that header, to {@link #unparsed()}, decoded as ISO-8859-1 (packaging's "mojibake": every byte
 *       becomes one character, so the bytes can be recovered with {@code getBytes(ISO_8859_1)}). A body
 *       that is not valid UTF-8 goes to {@code unparsed().get("description")} the same way.</li>
 * </ul>
 *
 * <p>Nothing is lost: besides the parsed and unparsed fields, {@link #headers()} keeps every header in file
 * order with its line number, {@link #body()} keeps the body, and {@link #ignoredLines()} keeps the lines
 * that the email parser drops (a Unix {@code From } envelope line, a header without a name, a continuation
 * line before the first header). The body is never interpreted as MIME.
 *
 * <pre>{@code
 * RawMetadata raw = RawMetadata.parse(Files.readAllBytes(path), path.toString());
 * raw.name();          // Optional[requests]
 * raw.requiresDist();  // [charset_normalizer<4,>=2, idna<4,>=2.5, ...]
 * raw.unparsed();      // {} or e.g. {"x-custom": ["value"]}
 * raw.line(MetadataField.NAME);   // OptionalInt[2]
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RawMetadata {
    /**
     * One header as it appeared in the file.
     *
     * @param name  the header name as written
     * @param value the value (see the class comment for how it is cut)
     * @param line  the 1-based line number of the header's first line
     */
    public record Header(String name, String value, int line) {
        /** Validates the components. */
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A line of the header block that the email parser ignores, kept so that nothing is lost.
     *
     * @param line   the 1-based line number
     * @param text   the line without its line break
     * @param reason why the line is not a header
     */
    public record IgnoredLine(int line, String text, String reason) {
        /** Validates the components. */
        public IgnoredLine {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final String source;
    private final Map<MetadataField, Object> values;
    private final Map<MetadataField, List<Integer>> lines;
    private final Map<String, List<String>> unparsed;
    private final Map<String, List<Integer>> unparsedLines;
    private final Map<String, String> unparsedReasons;
    private final List<Header> headers;
    private final Optional<String> body;
    private final List<IgnoredLine> ignoredLines;

    private RawMetadata(Builder b) {
        this.source = b.source;
        EnumMap<MetadataField, Object> v = new EnumMap<>(MetadataField.class);
        b.values.forEach((k, x) -> v.put(k, freeze(x)));
        this.values = Collections.unmodifiableMap(v);
        EnumMap<MetadataField, List<Integer>> l = new EnumMap<>(MetadataField.class);
        b.lines.forEach((k, x) -> l.put(k, List.copyOf(x)));
        this.lines = Collections.unmodifiableMap(l);
        LinkedHashMap<String, List<String>> u = new LinkedHashMap<>();
        b.unparsed.forEach((k, x) -> u.put(k, List.copyOf(x)));
        this.unparsed = Collections.unmodifiableMap(u);
        LinkedHashMap<String, List<Integer>> ul = new LinkedHashMap<>();
        b.unparsedLines.forEach((k, x) -> ul.put(k, List.copyOf(x)));
        this.unparsedLines = Collections.unmodifiableMap(ul);
        this.unparsedReasons = Map.copyOf(b.unparsedReasons);
        this.headers = List.copyOf(b.headers);
        this.body = Optional.ofNullable(b.body);
        this.ignoredLines = List.copyOf(b.ignoredLines);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object x) {
        if (x instanceof List) {
            return List.copyOf((List<String>) x);
        }
        if (x instanceof Map) {
            return Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, String>) x));
        }
        return x;
    }

    /**
     * Reads core metadata from text (a {@code METADATA} or {@code PKG-INFO} file already decoded).
     *
     * @param text   the whole file
     * @param source where the text came from, for messages (a path or URL); any string
     */
    public static RawMetadata parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        return EmailHeaderReader.read(text, false, source);
    }

    /**
     * Reads core metadata from bytes, decoding UTF-8 as packaging does (see the class comment for invalid
     * UTF-8).
     *
     * @param bytes  the whole file
     * @param source where the bytes came from, for messages (a path or URL); any string
     */
    public static RawMetadata parse(byte[] bytes, String source) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(source, "source");
        return EmailHeaderReader.read(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), true,
                source);
    }

    /** A builder for raw metadata that does not come from a file (packaging's {@code RawMetadata} dict). */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** Where the metadata came from, as given to {@code parse}. */
    public String source() {
        return source;
    }

    /** The fields that have a parsed value, in {@link MetadataField} order. */
    public Set<MetadataField> fields() {
        return values.keySet();
    }

    /** Whether {@code field} has a parsed value. */
    public boolean has(MetadataField field) {
        return values.containsKey(field);
    }

    /**
     * The value of a single-use field.
     *
     * @throws IllegalArgumentException if {@code field} is not {@link MetadataField.Kind#SINGLE}
     */
    public Optional<String> single(MetadataField field) {
        if (field.kind() != MetadataField.Kind.SINGLE) {
            throw new IllegalArgumentException("Not a single-use field: " + field);
        }
        return Optional.ofNullable((String) values.get(field));
    }

    /**
     * The values of a list field ({@link MetadataField.Kind#MULTIPLE} or {@code KEYWORDS}); empty when
     * absent. {@link #has} tells an absent field from an empty one ({@code Import-Name:} with no value).
     *
     * @throws IllegalArgumentException for a single-use field or {@code Project-URL}
     */
    @SuppressWarnings("unchecked")
    public List<String> list(MetadataField field) {
        if (field.kind() != MetadataField.Kind.MULTIPLE && field.kind() != MetadataField.Kind.KEYWORDS) {
            throw new IllegalArgumentException("Not a list field: " + field);
        }
        Object v = values.get(field);
        return v == null ? List.of() : (List<String>) v;
    }

    /** {@code Metadata-Version}. */
    public Optional<String> metadataVersion() {
        return single(MetadataField.METADATA_VERSION);
    }

    /** {@code Name}. */
    public Optional<String> name() {
        return single(MetadataField.NAME);
    }

    /** {@code Version}. */
    public Optional<String> version() {
        return single(MetadataField.VERSION);
    }

    /** {@code Dynamic}. */
    public List<String> dynamic() {
        return list(MetadataField.DYNAMIC);
    }

    /** {@code Platform}. */
    public List<String> platforms() {
        return list(MetadataField.PLATFORM);
    }

    /** {@code Supported-Platform}. */
    public List<String> supportedPlatforms() {
        return list(MetadataField.SUPPORTED_PLATFORM);
    }

    /** {@code Summary}. */
    public Optional<String> summary() {
        return single(MetadataField.SUMMARY);
    }

    /** {@code Description}, from the header or the body. */
    public Optional<String> description() {
        return single(MetadataField.DESCRIPTION);
    }

    /** {@code Description-Content-Type}. */
    public Optional<String> descriptionContentType() {
        return single(MetadataField.DESCRIPTION_CONTENT_TYPE);
    }

    /** {@code Keywords}, split on commas and trimmed. */
    public List<String> keywords() {
        return list(MetadataField.KEYWORDS);
    }

    /** {@code Home-page}. */
    public Optional<String> homePage() {
        return single(MetadataField.HOME_PAGE);
    }

    /** {@code Download-URL}. */
    public Optional<String> downloadUrl() {
        return single(MetadataField.DOWNLOAD_URL);
    }

    /** {@code Author}. */
    public Optional<String> author() {
        return single(MetadataField.AUTHOR);
    }

    /** {@code Author-email}. */
    public Optional<String> authorEmail() {
        return single(MetadataField.AUTHOR_EMAIL);
    }

    /** {@code Maintainer}. */
    public Optional<String> maintainer() {
        return single(MetadataField.MAINTAINER);
    }

    /** {@code Maintainer-email}. */
    public Optional<String> maintainerEmail() {
        return single(MetadataField.MAINTAINER_EMAIL);
    }

    /** {@code License}. */
    public Optional<String> license() {
        return single(MetadataField.LICENSE);
    }

    /** {@code License-Expression}, unvalidated. */
    public Optional<String> licenseExpression() {
        return single(MetadataField.LICENSE_EXPRESSION);
    }

    /** {@code License-File}. */
    public List<String> licenseFiles() {
        return list(MetadataField.LICENSE_FILE);
    }

    /** {@code Classifier}. */
    public List<String> classifiers() {
        return list(MetadataField.CLASSIFIER);
    }

    /** {@code Requires-Dist}, unparsed requirement strings. */
    public List<String> requiresDist() {
        return list(MetadataField.REQUIRES_DIST);
    }

    /** {@code Requires-Python}, unparsed. */
    public Optional<String> requiresPython() {
        return single(MetadataField.REQUIRES_PYTHON);
    }

    /** {@code Requires-External}. */
    public List<String> requiresExternal() {
        return list(MetadataField.REQUIRES_EXTERNAL);
    }

    /** {@code Project-URL} as label to URL, in file order; empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, String> projectUrls() {
        Object v = values.get(MetadataField.PROJECT_URL);
        return v == null ? Map.of() : (Map<String, String>) v;
    }

    /** {@code Provides-Extra}, as written. */
    public List<String> providesExtra() {
        return list(MetadataField.PROVIDES_EXTRA);
    }

    /** {@code Provides-Dist}. */
    public List<String> providesDist() {
        return list(MetadataField.PROVIDES_DIST);
    }

    /** {@code Obsoletes-Dist}. */
    public List<String> obsoletesDist() {
        return list(MetadataField.OBSOLETES_DIST);
    }

    /** {@code Import-Name}; an empty {@code Import-Name:} header gives an empty list that {@link #has}. */
    public List<String> importNames() {
        return list(MetadataField.IMPORT_NAME);
    }

    /** {@code Import-Namespace}. */
    public List<String> importNamespaces() {
        return list(MetadataField.IMPORT_NAMESPACE);
    }

    /** {@code Requires} (deprecated). */
    public List<String> requires() {
        return list(MetadataField.REQUIRES);
    }

    /** {@code Provides} (deprecated). */
    public List<String> provides() {
        return list(MetadataField.PROVIDES);
    }

    /** {@code Obsoletes} (deprecated). */
    public List<String> obsoletes() {
        return list(MetadataField.OBSOLETES);
    }

    /**
     * The fields that could not be parsed, keyed by lower-case header name, each with all its values in file
     * order: unknown headers, repeated single-use fields, repeated {@code Project-URL} labels, values that are
     * not UTF-8, and a description given both as header and body.
     */
    public Map<String, List<String>> unparsed() {
        return unparsed;
    }

    /** The line of {@code field}'s first header, if it came from a file (the body's first line for a body description). */
    public OptionalInt line(MetadataField field) {
        return lineOf(field, 0);
    }

    /** The line of the {@code index}th value of a list field (or of the header that held the whole list). */
    public OptionalInt lineOf(MetadataField field, int index) {
        List<Integer> l = lines.get(field);
        if (l == null || l.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(l.get(Math.min(index, l.size() - 1)));
    }

    /** The line of the first header of an unparsed field, by lower-case header name. */
    public OptionalInt unparsedLine(String key) {
        List<Integer> l = unparsedLines.get(key);
        return l == null || l.isEmpty() ? OptionalInt.empty() : OptionalInt.of(l.get(0));
    }

    /**
     * Why a field is in {@link #unparsed()}, one line in the project's message style (for example
     * {@code "Given 2 times, but it may be given once"}); empty for keys added by hand.
     */
    public Optional<String> unparsedReason(String key) {
        return Optional.ofNullable(unparsedReasons.get(key));
    }

    /** Every header in file order, parsed or not. Empty for metadata built with {@link #builder}. */
    public List<Header> headers() {
        return headers;
    }

    /** The message body as text (empty when there is none, or when it is not valid UTF-8). */
    public Optional<String> body() {
        return body;
    }

    /** The lines of the header block that are not headers and were skipped, as packaging skips them. */
    public List<IgnoredLine> ignoredLines() {
        return ignoredLines;
    }

    /** The field names and values, for debugging. */
    @Override
    public String toString() {
        return "RawMetadata[" + source + ", " + values + (unparsed.isEmpty() ? "" : ", unparsed=" + unparsed) + "]";
    }

    /** Field-wise equality of the parsed and unparsed values and the source; headers and lines are ignored. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RawMetadata)) {
            return false;
        }
        RawMetadata r = (RawMetadata) o;
        return source.equals(r.source) && values.equals(r.values) && unparsed.equals(r.unparsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, values, unparsed);
    }

    /**
     * Collects raw values by hand, as packaging's {@code RawMetadata} dict is filled. Not thread-safe; the
     * {@link RawMetadata} it builds is.
     *
     * <pre>{@code
     * RawMetadata raw = RawMetadata.builder("test")
     *     .set(MetadataField.METADATA_VERSION, "2.4").set(MetadataField.NAME, "demo")
     *     .set(MetadataField.VERSION, "1.0").add(MetadataField.REQUIRES_DIST, "idna>=3")
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final String source;
        private final EnumMap<MetadataField, Object> values = new EnumMap<>(MetadataField.class);
        private final EnumMap<MetadataField, List<Integer>> lines = new EnumMap<>(MetadataField.class);
        private final LinkedHashMap<String, List<String>> unparsed = new LinkedHashMap<>();
        private final LinkedHashMap<String, List<Integer>> unparsedLines = new LinkedHashMap<>();
        private final LinkedHashMap<String, String> unparsedReasons = new LinkedHashMap<>();
        private final List<Header> headers = new ArrayList<>();
        private final List<IgnoredLine> ignoredLines = new ArrayList<>();
        private String body;

        private Builder(String source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /** Sets a single-use field. */
        public Builder set(MetadataField field, String value) {
            Objects.requireNonNull(value, "value");
            if (field.kind() != MetadataField.Kind.SINGLE) {
                throw new IllegalArgumentException("Not a single-use field: " + field);
            }
            values.put(field, value);
            return this;
        }

        /** Appends a value to a list field (creating it, so that an empty list can be set with {@link #setList}). */
        @SuppressWarnings("unchecked")
        public Builder add(MetadataField field, String value) {
            Objects.requireNonNull(value, "value");
            if (field.kind() != MetadataField.Kind.MULTIPLE && field.kind() != MetadataField.Kind.KEYWORDS) {
                throw new IllegalArgumentException("Not a list field: " + field);
            }
            ((List<String>) values.computeIfAbsent(field, f -> new ArrayList<String>())).add(value);
            return this;
        }

        /** Sets a list field to exactly {@code list} (which may be empty). */
        public Builder setList(MetadataField field, List<String> list) {
            if (field.kind() != MetadataField.Kind.MULTIPLE && field.kind() != MetadataField.Kind.KEYWORDS) {
                throw new IllegalArgumentException("Not a list field: " + field);
            }
            values.put(field, new ArrayList<>(list));
            return this;
        }

        /** Sets the {@code Project-URL} map (in its iteration order). */
        public Builder projectUrls(Map<String, String> urls) {
            values.put(MetadataField.PROJECT_URL, new LinkedHashMap<>(urls));
            return this;
        }

        /** Adds an unparsed value under a lower-case header name. */
        public Builder unparsed(String key, String value) {
            unparsed.computeIfAbsent(key, k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Builds the immutable raw metadata. */
        public RawMetadata build() {
            return new RawMetadata(this);
        }

        // Used by the reader only.

        void putValue(MetadataField field, Object value, List<Integer> valueLines) {
            values.put(field, value);
            lines.put(field, valueLines);
        }

        Object value(MetadataField field) {
            return values.get(field);
        }

        Object removeValue(MetadataField field) {
            lines.remove(field);
            return values.remove(field);
        }

        boolean hasUnparsed(String key) {
            return unparsed.containsKey(key);
        }

        void putUnparsed(String key, List<String> list, List<Integer> valueLines, String reason) {
            putUnparsed(key, list, valueLines);
            unparsedReasons.putIfAbsent(key, reason);
        }

        void putUnparsed(String key, List<String> list, List<Integer> valueLines) {
            unparsed.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list);
            unparsedLines.computeIfAbsent(key, k -> new ArrayList<>()).addAll(valueLines);
        }

        void header(Header h) {
            headers.add(h);
        }

        void ignored(IgnoredLine l) {
            ignoredLines.add(l);
        }

        void body(String text) {
            this.body = text;
        }
    }
}
