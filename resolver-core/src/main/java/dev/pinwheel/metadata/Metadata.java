package dev.pinwheel.metadata;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.InvalidRequirementException;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.text.InvalidInputException;
import dev.pinwheel.version.InvalidSpecifierException;
import dev.pinwheel.version.InvalidVersionException;
import dev.pinwheel.version.SpecifierSet;
import dev.pinwheel.version.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Validated, typed core metadata: packaging 26's {@code Metadata.from_email(data, validate=True)} (or
 * {@code Metadata.from_raw(raw, validate=True)}), with a second, lenient {@link ValidationMode#RESOLUTION}
 * mode for resolvers.
 *
 * <p>Validation reports every problem at once in an {@link InvalidMetadataException}; each
 * {@link MetadataProblem} names the field and, for metadata read from a file, the line. What is checked in
 * {@link ValidationMode#STRICT} mode (as packaging):
 * <ul>
 *   <li>{@code Metadata-Version}, {@code Name} and {@code Version} are required; the version must be one of
 *       {@link MetadataVersion}, the name a valid project name, the version a PEP 440 version;</li>
 *   <li>a field introduced by a newer metadata version than the declared one is an error (PEP 639's
 *       {@code License-File} under {@code Metadata-Version: 2.1}, say);</li>
 *   <li>unknown headers and unparsable fields (see {@link RawMetadata#unparsed()}) are errors;</li>
 *   <li>{@code Summary} is one line; {@code Description-Content-Type} is {@code text/plain},
 *       {@code text/x-rst} or {@code text/markdown} with an optional {@code charset=UTF-8} and, for Markdown,
 *       {@code variant=GFM} or {@code variant=CommonMark};</li>
 *   <li>{@code Dynamic} names core metadata fields other than {@code Name}, {@code Version} and
 *       {@code Metadata-Version} (PEP 643), lower-cased;</li>
 *   <li>{@code Provides-Extra} values are valid names and are normalized (PEP 685; packaging does this for
 *       every metadata version);</li>
 *   <li>{@code Requires-Dist} values are PEP 508 requirements, {@code Requires-Python} a PEP 440 specifier
 *       set;</li>
 *   <li>{@code License-Expression} is a valid SPDX expression (normalized, see {@link LicenseExpression});
 *       {@code License-File} paths are relative, resolved, {@code /}-separated and stay inside the project;</li>
 *   <li>{@code Import-Name} and {@code Import-Namespace} values are dotted Python identifiers, not keywords,
 *       optionally followed by {@code ; private} (PEP 794).</li>
 * </ul>
 * The other fields are kept as read. Absent single-use fields are {@link Optional#empty()}, absent list fields
 * are empty lists ({@link RawMetadata#has} distinguishes an absent list from an empty one).
 *
 * <pre>{@code
 * Metadata m = Metadata.parse(Files.readAllBytes(path), path.toString());           // STRICT
 * Metadata r = Metadata.parse(bytes, source, ValidationMode.RESOLUTION);            // for a resolver
 * r.name();            // PackageName "requests"
 * r.requiresDist();    // [Requirement charset_normalizer<4,>=2, ...]
 * r.warnings();        // problems that STRICT would have reported
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Metadata {
    /** The fields that {@link ValidationMode#RESOLUTION} validates; the others only warn. */
    private static final Set<MetadataField> RESOLUTION_FIELDS = Collections.unmodifiableSet(EnumSet.of(
            MetadataField.METADATA_VERSION, MetadataField.NAME, MetadataField.VERSION, MetadataField.DYNAMIC,
            MetadataField.REQUIRES_DIST, MetadataField.REQUIRES_PYTHON, MetadataField.PROVIDES_EXTRA));

    private final RawMetadata raw;
    private final ValidationMode mode;
    private final List<MetadataProblem> warnings;
    private final MetadataVersion metadataVersion;
    private final PackageName name;
    private final Version version;
    private final List<MetadataField> dynamic;
    private final Optional<String> summary;
    private final Optional<String> descriptionContentType;
    private final Optional<LicenseExpression> licenseExpression;
    private final List<String> licenseFiles;
    private final List<String> providesExtra;
    private final List<Requirement> requiresDist;
    private final Optional<SpecifierSet> requiresPython;
    private final List<String> importNames;
    private final List<String> importNamespaces;

    private Metadata(Validation v) {
        this.raw = v.raw;
        this.mode = v.mode;
        this.warnings = List.copyOf(v.warnings);
        this.metadataVersion = v.metadataVersion;
        this.name = v.name;
        this.version = v.version;
        this.dynamic = List.copyOf(v.dynamic);
        this.summary = Optional.ofNullable(v.summary);
        this.descriptionContentType = Optional.ofNullable(v.descriptionContentType);
        this.licenseExpression = Optional.ofNullable(v.licenseExpression);
        this.licenseFiles = List.copyOf(v.licenseFiles);
        this.providesExtra = List.copyOf(v.providesExtra);
        this.requiresDist = List.copyOf(v.requiresDist);
        this.requiresPython = Optional.ofNullable(v.requiresPython);
        this.importNames = List.copyOf(v.importNames);
        this.importNamespaces = List.copyOf(v.importNamespaces);
    }

    /**
     * Reads and strictly validates core metadata text.
     *
     * @throws InvalidMetadataException listing every problem
     */
    public static Metadata parse(String text, String source) {
        return from(RawMetadata.parse(text, source), ValidationMode.STRICT);
    }

    /**
     * Reads and strictly validates core metadata bytes (UTF-8).
     *
     * @throws InvalidMetadataException listing every problem
     */
    public static Metadata parse(byte[] bytes, String source) {
        return from(RawMetadata.parse(bytes, source), ValidationMode.STRICT);
    }

    /**
     * Reads and validates core metadata text in the given mode.
     *
     * @throws InvalidMetadataException listing every problem
     */
    public static Metadata parse(String text, String source, ValidationMode mode) {
        return from(RawMetadata.parse(text, source), mode);
    }

    /**
     * Reads and validates core metadata bytes (UTF-8) in the given mode.
     *
     * @throws InvalidMetadataException listing every problem
     */
    public static Metadata parse(byte[] bytes, String source, ValidationMode mode) {
        return from(RawMetadata.parse(bytes, source), mode);
    }

    /**
     * Strictly validates raw metadata.
     *
     * @throws InvalidMetadataException listing every problem
     */
    public static Metadata from(RawMetadata raw) {
        return from(raw, ValidationMode.STRICT);
    }

    /**
     * Validates raw metadata in the given mode.
     *
     * @throws InvalidMetadataException listing every problem
     */
    public static Metadata from(RawMetadata raw, ValidationMode mode) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(mode, "mode");
        Validation v = new Validation(raw, mode);
        v.run();
        if (!v.errors.isEmpty()) {
            throw new InvalidMetadataException(raw.source(), v.errors);
        }
        return new Metadata(v);
    }

    /**
     * The problems of raw metadata in the given mode, without throwing: the errors that would make
     * {@link #from(RawMetadata, ValidationMode)} throw, in the same order. Empty when the metadata is valid.
     */
    public static List<MetadataProblem> problems(RawMetadata raw, ValidationMode mode) {
        Validation v = new Validation(Objects.requireNonNull(raw, "raw"), Objects.requireNonNull(mode, "mode"));
        v.run();
        return List.copyOf(v.errors);
    }

    /** The raw metadata this was validated from. */
    public RawMetadata raw() {
        return raw;
    }

    /** Where the metadata came from. */
    public String source() {
        return raw.source();
    }

    /** The mode this was validated in. */
    public ValidationMode mode() {
        return mode;
    }

    /**
     * The problems that {@link ValidationMode#STRICT} would have reported but {@link ValidationMode#RESOLUTION}
     * tolerated; always empty in strict mode.
     */
    public List<MetadataProblem> warnings() {
        return warnings;
    }

    /**
     * {@code Metadata-Version}. In {@link ValidationMode#RESOLUTION} mode an unknown or missing version reads as
     * the newest known version not newer than the declared one ({@code 2.0} as {@code 1.2}, {@code 2.7} as
     * {@code 2.6}, a missing or unreadable one as {@code 1.0}); the text is in {@link #raw()}.
     */
    public MetadataVersion metadataVersion() {
        return metadataVersion;
    }

    /** {@code Name}, with its original spelling. */
    public PackageName name() {
        return name;
    }

    /** {@code Version}. */
    public Version version() {
        return version;
    }

    /** {@code Dynamic}: the fields a build may still fill in (PEP 643). */
    public List<MetadataField> dynamic() {
        return dynamic;
    }

    /** {@code Platform}. */
    public List<String> platforms() {
        return raw.platforms();
    }

    /** {@code Supported-Platform}. */
    public List<String> supportedPlatforms() {
        return raw.supportedPlatforms();
    }

    /** {@code Summary}, one line. */
    public Optional<String> summary() {
        return summary;
    }

    /** {@code Description}, from the header or the message body. */
    public Optional<String> description() {
        return raw.description();
    }

    /** {@code Description-Content-Type}, as written. */
    public Optional<String> descriptionContentType() {
        return descriptionContentType;
    }

    /** {@code Keywords}. */
    public List<String> keywords() {
        return raw.keywords();
    }

    /** {@code Home-page}. */
    public Optional<String> homePage() {
        return raw.homePage();
    }

    /** {@code Download-URL}. */
    public Optional<String> downloadUrl() {
        return raw.downloadUrl();
    }

    /** {@code Author}. */
    public Optional<String> author() {
        return raw.author();
    }

    /** {@code Author-email}. */
    public Optional<String> authorEmail() {
        return raw.authorEmail();
    }

    /** {@code Maintainer}. */
    public Optional<String> maintainer() {
        return raw.maintainer();
    }

    /** {@code Maintainer-email}. */
    public Optional<String> maintainerEmail() {
        return raw.maintainerEmail();
    }

    /** {@code License} (free text). */
    public Optional<String> license() {
        return raw.license();
    }

    /** {@code License-Expression}, normalized. */
    public Optional<LicenseExpression> licenseExpression() {
        return licenseExpression;
    }

    /** {@code License-File}. */
    public List<String> licenseFiles() {
        return licenseFiles;
    }

    /** {@code Classifier}. */
    public List<String> classifiers() {
        return raw.classifiers();
    }

    /** {@code Requires-Dist}: the PEP 508 requirements, in file order. */
    public List<Requirement> requiresDist() {
        return requiresDist;
    }

    /** {@code Requires-Python}: the Python versions the distribution supports; empty when not given. */
    public Optional<SpecifierSet> requiresPython() {
        return requiresPython;
    }

    /** {@code Requires-External} (not PEP 508, so not parsed). */
    public List<String> requiresExternal() {
        return raw.requiresExternal();
    }

    /** {@code Project-URL}, label to URL in file order. */
    public Map<String, String> projectUrls() {
        return raw.projectUrls();
    }

    /** {@code Provides-Extra}, normalized (PEP 685): {@code Foo_Bar} becomes {@code foo-bar}. */
    public List<String> providesExtra() {
        return providesExtra;
    }

    /** {@code Provides-Dist}. */
    public List<String> providesDist() {
        return raw.providesDist();
    }

    /** {@code Obsoletes-Dist}. */
    public List<String> obsoletesDist() {
        return raw.obsoletesDist();
    }

    /** {@code Import-Name} (PEP 794), as written. */
    public List<String> importNames() {
        return importNames;
    }

    /** {@code Import-Namespace} (PEP 794), as written. */
    public List<String> importNamespaces() {
        return importNamespaces;
    }

    /** {@code Requires} (deprecated). */
    public List<String> requires() {
        return raw.requires();
    }

    /** {@code Provides} (deprecated). */
    public List<String> provides() {
        return raw.provides();
    }

    /** {@code Obsoletes} (deprecated). */
    public List<String> obsoletes() {
        return raw.obsoletes();
    }

    /** {@code name version (source)}. */
    @Override
    public String toString() {
        return name + " " + version + " (" + raw.source() + ")";
    }

    /** The validation of one {@link RawMetadata}: collects every problem, then the typed values. */
    private static final class Validation {
        final RawMetadata raw;
        final ValidationMode mode;
        final List<MetadataProblem> errors = new ArrayList<>();
        final List<MetadataProblem> warnings = new ArrayList<>();
        MetadataVersion metadataVersion;
        PackageName name;
        Version version;
        final List<MetadataField> dynamic = new ArrayList<>();
        String summary;
        String descriptionContentType;
        LicenseExpression licenseExpression;
        final List<String> licenseFiles = new ArrayList<>();
        final List<String> providesExtra = new ArrayList<>();
        final List<Requirement> requiresDist = new ArrayList<>();
        SpecifierSet requiresPython;
        final List<String> importNames = new ArrayList<>();
        final List<String> importNamespaces = new ArrayList<>();

        Validation(RawMetadata raw, ValidationMode mode) {
            this.raw = raw;
            this.mode = mode;
        }

        private boolean strict() {
            return mode == ValidationMode.STRICT;
        }

        /** Reports a problem: an error, or in resolution mode a warning unless the field matters to a resolver. */
        private void report(MetadataField field, OptionalInt line, String message, Throwable cause) {
            boolean error = strict() || RESOLUTION_FIELDS.contains(field);
            report(field.key(), line, message, cause, error);
        }

        private void report(String key, OptionalInt line, String message, Throwable cause, boolean error) {
            MetadataProblem p = new MetadataProblem(key, line, message, Optional.ofNullable(cause));
            (error ? errors : warnings).add(p);
        }

        private static String reasonOf(Throwable e) {
            return e instanceof InvalidInputException ? ((InvalidInputException) e).reason() : e.getMessage();
        }

        void run() {
            // Unparsed fields first, as packaging's from_email reports them before from_raw's problems.
            for (Map.Entry<String, List<String>> e : raw.unparsed().entrySet()) {
                String key = e.getKey();
                OptionalInt line = raw.unparsedLine(key);
                Optional<MetadataField> field = MetadataField.fromHeader(key);
                String why = raw.unparsedReason(key).map(r -> ": " + lowerFirst(r)).orElse("");
                if (field.isPresent()) {
                    report(field.get(), line, "`" + field.get().header() + "` has invalid data" + why, null);
                } else {
                    report(key, line, "Unrecognized field `" + key + "`", null, strict());
                }
            }

            checkMetadataVersion();
            checkName();
            checkVersion();
            for (MetadataField field : raw.fields()) {
                if (field.required()) {
                    continue;
                }
                if (declared != null && field.addedIn().compareTo(declared) > 0) {
                    // A resolver can still use a field that its file declares too old a version for.
                    report(field.key(), raw.line(field), "`" + field.header() + "` was introduced in metadata"
                            + " version " + field.addedIn() + ", but the metadata declares `Metadata-Version: "
                            + declared + "`", null, strict());
                    if (strict()) {
                        continue;
                    }
                }
                check(field);
            }
        }

        /** The declared metadata version when it is a known one (field introduction is checked against it). */
        private MetadataVersion declared;

        private void checkMetadataVersion() {
            MetadataField f = MetadataField.METADATA_VERSION;
            Optional<String> text = raw.metadataVersion();
            if (text.isEmpty()) {
                if (!raw.unparsed().containsKey(f.key())) {
                    missing(f, strict());
                }
                metadataVersion = MetadataVersion.V1_0;
                return;
            }
            Optional<MetadataVersion> known = MetadataVersion.tryParse(text.get());
            if (known.isPresent()) {
                declared = known.get();
                metadataVersion = declared;
                return;
            }
            String message = "`" + text.get() + "` is not a valid `Metadata-Version`; expected one of 1.0, 1.1, 1.2,"
                    + " 2.1, 2.2, 2.3, 2.4, 2.5, 2.6";
            int[] mm = majorMinor(text.get());
            boolean tolerable = mm != null && mm[0] <= MetadataVersion.LATEST.major();
            report(f.key(), raw.line(f), message, null, strict() || !tolerable);
            metadataVersion = MetadataVersion.V1_0;
            if (mm != null) {
                for (MetadataVersion v : MetadataVersion.values()) {
                    if (v.major() < mm[0] || (v.major() == mm[0] && v.minor() <= mm[1])) {
                        metadataVersion = v;
                    }
                }
            }
        }

        private static int[] majorMinor(String text) {
            String[] parts = text.trim().split("\\.", -1);
            try {
                int major = Integer.parseInt(parts[0]);
                int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                return major < 0 || minor < 0 ? null : new int[] {major, minor};
            } catch (NumberFormatException e) {
                return null; // not a number: unreadable, handled by the caller
            }
        }

        private void missing(MetadataField f, boolean error) {
            report(f.key(), OptionalInt.empty(), "Expected a `" + f.header() + "` field, found none", null, error);
        }

        private void checkName() {
            MetadataField f = MetadataField.NAME;
            Optional<String> text = raw.name();
            if (text.isEmpty()) {
                if (!raw.unparsed().containsKey(f.key())) {
                    missing(f, true);
                }
                return;
            }
            if (text.get().isEmpty()) {
                report(f, raw.line(f), "Expected a value for `Name`, found an empty string", null);
                return;
            }
            try {
                name = PackageName.parse(text.get());
            } catch (IllegalArgumentException e) {
                report(f, raw.line(f), "`" + text.get() + "` is not a valid `Name`: " + reasonOf(e), e);
            }
        }

        private void checkVersion() {
            MetadataField f = MetadataField.VERSION;
            Optional<String> text = raw.version();
            if (text.isEmpty()) {
                if (!raw.unparsed().containsKey(f.key())) {
                    missing(f, true);
                }
                return;
            }
            if (text.get().isEmpty()) {
                report(f, raw.line(f), "Expected a value for `Version`, found an empty string", null);
                return;
            }
            try {
                version = Version.parse(text.get());
            } catch (InvalidVersionException e) {
                report(f, raw.line(f), "`" + text.get() + "` is not a valid `Version`: " + reasonOf(e), e);
            }
        }

        private void check(MetadataField field) {
            switch (field) {
                case SUMMARY:
                    String s = raw.summary().orElseThrow();
                    if (PyText.hasLineBoundary(s)) {
                        report(field, raw.line(field), "`Summary` must be a single line", null);
                    } else {
                        summary = s;
                    }
                    break;
                case DESCRIPTION_CONTENT_TYPE:
                    String dct = raw.descriptionContentType().orElseThrow();
                    Optional<String> problem = ContentTypes.problem(dct);
                    if (problem.isPresent()) {
                        report(field, raw.line(field), problem.get(), null);
                    } else {
                        descriptionContentType = dct;
                    }
                    break;
                case DYNAMIC:
                    checkDynamic();
                    break;
                case PROVIDES_EXTRA:
                    checkProvidesExtra();
                    break;
                case LICENSE_EXPRESSION:
                    String le = raw.licenseExpression().orElseThrow();
                    try {
                        licenseExpression = LicenseExpression.parse(le);
                    } catch (InvalidLicenseExpressionException e) {
                        report(field, raw.line(field), "`" + le + "` is not a valid `License-Expression`: "
                                + e.reason(), e);
                    }
                    break;
                case LICENSE_FILE:
                    checkLicenseFiles();
                    break;
                case IMPORT_NAME:
                    checkImportNames(field, importNames);
                    break;
                case IMPORT_NAMESPACE:
                    checkImportNames(field, importNamespaces);
                    break;
                default:
                    checkOther(field);
                    break;
            }
        }

        private void checkOther(MetadataField field) {
            if (field == MetadataField.REQUIRES_DIST) {
                List<String> values = raw.requiresDist();
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    try {
                        requiresDist.add(Requirement.parse(v));
                    } catch (InvalidRequirementException e) {
                        report(field, raw.lineOf(field, i), "`" + v + "` is not a valid requirement for"
                                + " `Requires-Dist`: " + e.reason(), e);
                    }
                }
            } else if (field == MetadataField.REQUIRES_PYTHON) {
                String v = raw.requiresPython().orElseThrow();
                try {
                    requiresPython = SpecifierSet.parse(v);
                } catch (InvalidSpecifierException e) {
                    report(field, raw.line(field), "`" + v + "` is not a valid `Requires-Python`: " + e.reason(), e);
                }
            }
            // Every other field is kept as read, as packaging keeps it.
        }

        private void checkDynamic() {
            MetadataField f = MetadataField.DYNAMIC;
            List<String> values = raw.dynamic();
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                String lower = v.toLowerCase(Locale.ROOT);
                Optional<MetadataField> target = MetadataField.fromHeader(lower);
                OptionalInt line = raw.lineOf(f, i);
                if (target.isPresent() && target.get().required()) {
                    report(f, line, "`" + target.get().header() + "` cannot be dynamic (PEP 643)", null);
                } else if (target.isEmpty()) {
                    report(f.key(), line, "`" + v + "` is not a core metadata field, so it cannot be dynamic",
                            null, strict());
                } else if (!dynamic.contains(target.get())) {
                    dynamic.add(target.get());
                }
            }
        }

        private void checkProvidesExtra() {
            MetadataField f = MetadataField.PROVIDES_EXTRA;
            List<String> values = raw.providesExtra();
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (PackageName.isValid(v)) {
                    providesExtra.add(PackageName.normalize(v));
                    continue;
                }
                String message = "`" + v + "` is not a valid extra name for `Provides-Extra`; names hold ASCII"
                        + " letters, digits, `.`, `_` and `-`, and start and end with a letter or digit";
                boolean error = strict() || metadataVersion.isAtLeast(MetadataVersion.V2_3);
                report(f.key(), raw.lineOf(f, i), message, null, error);
                if (!error) {
                    // PEP 685: before 2.3, tools should accept such extras; keep the normalized spelling.
                    providesExtra.add(PackageName.normalize(v));
                }
            }
        }

        private void checkLicenseFiles() {
            MetadataField f = MetadataField.LICENSE_FILE;
            List<String> values = raw.licenseFiles();
            boolean ok = true;
            for (int i = 0; i < values.size(); i++) {
                String path = values.get(i);
                Optional<String> problem = LicenseFiles.problem(path);
                if (problem.isPresent()) {
                    ok = false;
                    report(f, raw.lineOf(f, i), "`" + path + "` is not a valid `License-File`: " + problem.get(),
                            null);
                }
            }
            if (ok) {
                licenseFiles.addAll(values);
            }
        }

        private void checkImportNames(MetadataField f, List<String> target) {
            List<String> values = raw.list(f);
            boolean ok = true;
            for (int i = 0; i < values.size(); i++) {
                Optional<String> problem = ImportNames.problem(values.get(i));
                if (problem.isPresent()) {
                    ok = false;
                    report(f, raw.lineOf(f, i), "`" + values.get(i) + "` is not a valid `" + f.header() + "`: "
                            + problem.get(), null);
                }
            }
            if (ok) {
                target.addAll(values);
            }
        }

        private static String lowerFirst(String s) {
            return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
    }

}
