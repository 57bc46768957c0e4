package dev.pinwheel.metadata;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A field of the <a href="https://packaging.python.org/en/latest/specifications/core-metadata/">core
 * metadata</a> specification, with its header spelling, packaging's raw name, its kind and the metadata
 * version that introduced it.
 *
 * <pre>{@code
 * MetadataField f = MetadataField.fromHeader("requires-dist").orElseThrow();
 * f.header();      // "Requires-Dist"
 * f.rawName();     // "requires_dist"   (the key of packaging's RawMetadata)
 * f.multipleUse(); // true
 * f.addedIn();     // MetadataVersion.V1_2
 * }</pre>
 */
public enum MetadataField {
    /** {@code Metadata-Version}, required. */
    METADATA_VERSION("Metadata-Version", "metadata_version", Kind.SINGLE, MetadataVersion.V1_0),
    /** {@code Name}, required. */
    NAME("Name", "name", Kind.SINGLE, MetadataVersion.V1_0),
    /** {@code Version}, required. */
    VERSION("Version", "version", Kind.SINGLE, MetadataVersion.V1_0),
    /** {@code Dynamic} (PEP 643). */
    DYNAMIC("Dynamic", "dynamic", Kind.MULTIPLE, MetadataVersion.V2_2),
    /** {@code Platform}. */
    PLATFORM("Platform", "platforms", Kind.MULTIPLE, MetadataVersion.V1_0),
    /** {@code Supported-Platform}. */
    SUPPORTED_PLATFORM("Supported-Platform", "supported_platforms", Kind.MULTIPLE, MetadataVersion.V1_1),
    /** {@code Summary}, one line. */
    SUMMARY("Summary", "summary", Kind.SINGLE, MetadataVersion.V1_0),
    /** {@code Description}, a header or the message body. */
    DESCRIPTION("Description", "description", Kind.SINGLE, MetadataVersion.V1_0),
    /** {@code Description-Content-Type}. */
    DESCRIPTION_CONTENT_TYPE("Description-Content-Type", "description_content_type", Kind.SINGLE,
            MetadataVersion.V2_1),
    /** {@code Keywords}: one header holding a comma-separated list. */
    KEYWORDS("Keywords", "keywords", Kind.KEYWORDS, MetadataVersion.V1_0),
    /** {@code Home-page}. */
    HOME_PAGE("Home-page", "home_page", Kind.SINGLE, MetadataVersion.V1_0),
    /** {@code Download-URL}. */
    DOWNLOAD_URL("Download-URL", "download_url", Kind.SINGLE, MetadataVersion.V1_1),
    /** {@code Author}. */
    AUTHOR("Author", "author", Kind.SINGLE, MetadataVersion.V1_0),
    /** {@code Author-email}. */
    AUTHOR_EMAIL("Author-email", "author_email", Kind.SINGLE, MetadataVersion.V1_0),
    /** {@code Maintainer}. */
    MAINTAINER("Maintainer", "maintainer", Kind.SINGLE, MetadataVersion.V1_2),
    /** {@code Maintainer-email}. */
    MAINTAINER_EMAIL("Maintainer-email", "maintainer_email", Kind.SINGLE, MetadataVersion.V1_2),
    /** {@code License} (free text). */
    LICENSE("License", "license", Kind.SINGLE, MetadataVersion.V1_0),
    /** {@code License-Expression} (PEP 639, SPDX). */
    LICENSE_EXPRESSION("License-Expression", "license_expression", Kind.SINGLE, MetadataVersion.V2_4),
    /** {@code License-File} (PEP 639). */
    LICENSE_FILE("License-File", "license_files", Kind.MULTIPLE, MetadataVersion.V2_4),
    /** {@code Classifier}. */
    CLASSIFIER("Classifier", "classifiers", Kind.MULTIPLE, MetadataVersion.V1_1),
    /** {@code Requires-Dist}: PEP 508 requirements. */
    REQUIRES_DIST("Requires-Dist", "requires_dist", Kind.MULTIPLE, MetadataVersion.V1_2),
    /** {@code Requires-Python}: a PEP 440 specifier set. */
    REQUIRES_PYTHON("Requires-Python", "requires_python", Kind.SINGLE, MetadataVersion.V1_2),
    /** {@code Requires-External}. */
    REQUIRES_EXTERNAL("Requires-External", "requires_external", Kind.MULTIPLE, MetadataVersion.V1_2),
    /** {@code Project-URL}: {@code label, url} pairs. */
    PROJECT_URL("Project-URL", "project_urls", Kind.PROJECT_URLS, MetadataVersion.V1_2),
    /** {@code Provides-Extra}. */
    PROVIDES_EXTRA("Provides-Extra", "provides_extra", Kind.MULTIPLE, MetadataVersion.V2_1),
    /** {@code Provides-Dist}. */
    PROVIDES_DIST("Provides-Dist", "provides_dist", Kind.MULTIPLE, MetadataVersion.V1_2),
    /** {@code Obsoletes-Dist}. */
    OBSOLETES_DIST("Obsoletes-Dist", "obsoletes_dist", Kind.MULTIPLE, MetadataVersion.V1_2),
    /** {@code Import-Name} (PEP 794). */
    IMPORT_NAME("Import-Name", "import_names", Kind.MULTIPLE, MetadataVersion.V2_5),
    /** {@code Import-Namespace} (PEP 794). */
    IMPORT_NAMESPACE("Import-Namespace", "import_namespaces", Kind.MULTIPLE, MetadataVersion.V2_5),
    /** {@code Requires} (deprecated, PEP 314). */
    REQUIRES("Requires", "requires", Kind.MULTIPLE, MetadataVersion.V1_1),
    /** {@code Provides} (deprecated, PEP 314). */
    PROVIDES("Provides", "provides", Kind.MULTIPLE, MetadataVersion.V1_1),
    /** {@code Obsoletes} (deprecated, PEP 314). */
    OBSOLETES("Obsoletes", "obsoletes", Kind.MULTIPLE, MetadataVersion.V1_1);

    /** How a field's headers become a value in {@link RawMetadata}. */
    public enum Kind {
        /** At most one header; a repeated header makes the field unparsed. */
        SINGLE,
        /** Any number of headers, a list of strings. */
        MULTIPLE,
        /** One header split on commas into a list ({@code Keywords}). */
        KEYWORDS,
        /** Any number of {@code label, url} headers, a map with unique labels ({@code Project-URL}). */
        PROJECT_URLS
    }

    private static final Map<String, MetadataField> BY_KEY = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(MetadataField::key, Function.identity()));
    private static final Map<String, MetadataField> BY_RAW_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(MetadataField::rawName, Function.identity()));

    private final String header;
    private final String key;
    private final String rawName;
    private final Kind kind;
    private final MetadataVersion addedIn;

    MetadataField(String header, String rawName, Kind kind, MetadataVersion addedIn) {
        this.header = header;
        this.key = header.toLowerCase(Locale.ROOT);
        this.rawName = rawName;
        this.kind = kind;
        this.addedIn = addedIn;
    }

    /** The field for a header name, compared case-insensitively ({@code "REQUIRES-DIST"} works). */
    public static Optional<MetadataField> fromHeader(String headerName) {
        return headerName == null ? Optional.empty()
                : Optional.ofNullable(BY_KEY.get(headerName.toLowerCase(Locale.ROOT)));
    }

    /** The field for one of packaging's {@code RawMetadata} keys ({@code "requires_dist"}). */
    public static Optional<MetadataField> fromRawName(String rawName) {
        return rawName == null ? Optional.empty() : Optional.ofNullable(BY_RAW_NAME.get(rawName));
    }

    /** The header name as the specification spells it: {@code "Requires-Dist"}. */
    public String header() {
        return header;
    }

    /** The lower-case header name, which packaging uses as the key of unparsed fields and in errors. */
    public String key() {
        return key;
    }

    /** The key of packaging's {@code RawMetadata}: lower case, underscores, plural for lists. */
    public String rawName() {
        return rawName;
    }

    /** How the headers of this field become a value. */
    public Kind kind() {
        return kind;
    }

    /** Whether the field may appear more than once ({@link Kind#MULTIPLE} and {@link Kind#PROJECT_URLS}). */
    public boolean multipleUse() {
        return kind == Kind.MULTIPLE || kind == Kind.PROJECT_URLS;
    }

    /** The metadata version that introduced the field. */
    public MetadataVersion addedIn() {
        return addedIn;
    }

    /** Whether the field is one of the three required ones. */
    public boolean required() {
        return this == METADATA_VERSION || this == NAME || this == VERSION;
    }
}
