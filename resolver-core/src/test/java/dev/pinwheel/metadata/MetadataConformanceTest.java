package dev.pinwheel.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every parameter set of packaging 26's {@code tests/test_metadata.py}
 * (conformance/packaging/test_metadata.json, commit 053c884615f2) against {@link RawMetadata} and
 * {@link Metadata}. The expected outcome of each test follows from its name and packaging's assertions.
 *
 * <p>packaging's {@code from_raw(..., validate=False)} followed by reading one attribute is run here as a
 * strict validation of the minimal valid metadata (Metadata-Version 2.6, Name, Version) plus that field, so a
 * "valid" vector must pass and an "invalid" one must report a problem for that field.
 */
class MetadataConformanceTest {
    /** Tests skipped as a whole, with the reason. Every other vector runs. */
    static final Map<String, String> SKIPPED = Map.of(
            "TestRawMetadata::test_description_multipart_payload",
            "Pinwheel never interprets the body as MIME (a METADATA body is the description); the vector holds"
                    + " only the `encode` flag, not packaging's expected result",
            "TestMetadataWriting::test_headers",
            "Writing metadata (packaging's RFC822Message) is out of scope: Pinwheel only reads metadata",
            "TestMetadataWriting::test_headers_fold_every_line_boundary",
            "Writing metadata (packaging's RFC822Message) is out of scope: Pinwheel only reads metadata");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Consumer<JsonNode>> cases = new LinkedHashMap<>();

    MetadataConformanceTest() {
        raw();
        validated();
    }

    static JsonNode vectors() throws IOException {
        try (InputStream in = MetadataConformanceTest.class
                .getResourceAsStream("/conformance/packaging/test_metadata.json")) {
            return JSON.readTree(in).get("tests");
        }
    }

    @TestFactory
    Stream<DynamicTest> packaging26() throws IOException {
        JsonNode tests = vectors();
        List<DynamicTest> out = new ArrayList<>();
        for (Iterator<String> it = tests.fieldNames(); it.hasNext(); ) {
            String test = it.next();
            JsonNode params = tests.get(test);
            for (int i = 0; i < params.size(); i++) {
                JsonNode p = params.get(i);
                out.add(DynamicTest.dynamicTest(test + "[" + i + "] " + p, () -> {
                    Assumptions.assumeFalse(SKIPPED.containsKey(test), () -> SKIPPED.get(test));
                    Consumer<JsonNode> c = cases.get(test);
                    if (c == null) {
                        throw new AssertionError("No runner for " + test + ": add one or list it in SKIPPED");
                    }
                    c.accept(p);
                }));
            }
        }
        return out.stream();
    }

    @Test
    void everyVectorHasARunnerOrASkipReason() throws IOException {
        int total = 0;
        int skipped = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = vectors().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            total += e.getValue().size();
            if (SKIPPED.containsKey(e.getKey())) {
                skipped += e.getValue().size();
            } else {
                assertTrue(cases.containsKey(e.getKey()), e.getKey());
            }
        }
        assertEquals(285, total);
        assertEquals(22, skipped);
    }

    // ---- TestRawMetadata ------------------------------------------------------------------------------

    private void raw() {
        cases.put("TestRawMetadata::test_non_repeating_fields_only_once", p -> {
            MetadataField f = field(p.get("raw_field").asText());
            RawMetadata raw = RawMetadata.parse(f.key() + ": VaLuE", "test");
            assertTrue(raw.unparsed().isEmpty());
            assertEquals(List.of(f), List.copyOf(raw.fields()));
            assertEquals(Optional.of("VaLuE"), raw.single(f));
        });
        cases.put("TestRawMetadata::test_non_repeating_fields_repeated", p -> {
            MetadataField f = field(p.get("raw_field").asText());
            RawMetadata raw = RawMetadata.parse(f.key() + ": VaLuE\n" + f.key() + ": VaLuE", "test");
            assertTrue(raw.fields().isEmpty());
            assertEquals(Map.of(f.key(), List.of("VaLuE", "VaLuE")), raw.unparsed());
        });
        cases.put("TestRawMetadata::test_repeating_fields_only_once", p -> {
            MetadataField f = field(p.get("raw_field").asText());
            RawMetadata raw = RawMetadata.parse(f.key() + ": VaLuE", "test");
            assertTrue(raw.unparsed().isEmpty());
            assertEquals(List.of(f), List.copyOf(raw.fields()));
            assertEquals(List.of("VaLuE"), raw.list(f));
        });
        cases.put("TestRawMetadata::test_repeating_fields_repeated", p -> {
            MetadataField f = field(p.get("raw_field").asText());
            RawMetadata raw = RawMetadata.parse(f.key() + ": VaLuE\n" + f.key() + ": VaLuE", "test");
            assertTrue(raw.unparsed().isEmpty());
            assertEquals(List.of(f), List.copyOf(raw.fields()));
            assertEquals(List.of("VaLuE", "VaLuE"), raw.list(f));
        });
        cases.put("TestRawMetadata::test_keywords", p -> {
            RawMetadata raw = RawMetadata.parse("Keywords: " + p.get("given").asText(), "test");
            assertTrue(raw.unparsed().isEmpty());
            assertEquals(1, raw.fields().size());
            assertEquals(strings(p.get("expected")), raw.keywords());
        });
        cases.put("TestRawMetadata::test_project_urls_parsing", p -> {
            RawMetadata raw = RawMetadata.parse("project-url: " + p.get("given").asText(), "test");
            assertTrue(raw.unparsed().isEmpty());
            assertEquals(1, raw.fields().size());
            Map<String, String> expected = new LinkedHashMap<>();
            p.get("expected").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
            assertEquals(expected, raw.projectUrls());
        });
        cases.put("TestRawMetadata::test_description", p -> {
            JsonNode given = p.get("given");
            RawMetadata raw = given.isObject()
                    ? RawMetadata.parse(pythonBytes(given.get("repr").asText()), "test")
                    : RawMetadata.parse(given.asText(), "test");
            assertTrue(raw.unparsed().isEmpty());
            assertEquals(List.of(MetadataField.DESCRIPTION), List.copyOf(raw.fields()));
            assertEquals(Optional.of("hello"), raw.description());
        });
        cases.put("TestRawMetadata::test_description_multiple", p -> {
            RawMetadata raw = RawMetadata.parse(p.get("given").asText(), "test");
            assertTrue(raw.fields().isEmpty());
            assertEquals(Map.of("description", strings(p.get("expected"))), raw.unparsed());
        });
    }

    // ---- TestMetadata ---------------------------------------------------------------------------------

    private static RawMetadata.Builder minimal(String metadataVersion) {
        return RawMetadata.builder("test")
                .set(MetadataField.METADATA_VERSION, metadataVersion)
                .set(MetadataField.NAME, "packaging")
                .set(MetadataField.VERSION, "2023.0.0");
    }

    private static Metadata valid(RawMetadata raw) {
        return Metadata.from(raw);
    }

    private static void invalid(RawMetadata raw, MetadataField field) {
        InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> Metadata.from(raw));
        assertTrue(e.problems().stream().anyMatch(pr -> pr.field().equals(field.key())),
                () -> "expected a problem for " + field.key() + " in " + e.problems());
    }

    private void validated() {
        cases.put("TestMetadata::test_from_email_deduplicates_unparsed_required_fields", p -> {
            RawMetadata raw = RawMetadata.parse(p.get("data").asText(), "test");
            List<MetadataProblem> problems = Metadata.problems(raw, ValidationMode.STRICT);
            assertEquals(1, problems.size(), problems::toString);
            assertEquals(p.get("field").asText(), problems.get(0).field());
        });
        cases.put("TestMetadata::test_from_email_wraps_description_content_type_parse_errors", p -> {
            String text = "Metadata-Version: 2.6\nName: packaging\nVersion: 1.0\nDescription-Content-Type: "
                    + p.get("description_content_type").asText() + "\n";
            InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
                    () -> Metadata.parse(text, "test"));
            assertEquals(List.of("description-content-type"),
                    e.problems().stream().map(MetadataProblem::field).distinct().toList());
        });
        cases.put("TestMetadata::test_required_fields_missing", p -> {
            MetadataField missing = field(p.get("field").asText());
            RawMetadata.Builder b = RawMetadata.builder("test");
            for (MetadataField f : List.of(MetadataField.METADATA_VERSION, MetadataField.NAME, MetadataField.VERSION)) {
                if (f != missing) {
                    b.set(f, f == MetadataField.METADATA_VERSION ? "2.5" : f == MetadataField.NAME ? "packaging"
                            : "2023.0.0");
                }
            }
            invalid(b.build(), missing);
        });
        cases.put("TestMetadata::test_metadata_version_field_introduction", p ->
                valid(minimal(p.get("meta_version").asText()).add(MetadataField.DYNAMIC, "Obsoletes-Dist").build()));
        cases.put("TestMetadata::test_metadata_version_field_introduction_mismatch", p ->
                invalid(minimal(p.get("meta_version").asText()).add(MetadataField.DYNAMIC, "Obsoletes-Dist").build(),
                        MetadataField.DYNAMIC));
        cases.put("TestMetadata::test_single_value_unvalidated_attribute", p -> {
            MetadataField f = field(p.get("attribute").asText());
            Metadata m = valid(minimal("2.6").set(f, "Not important").build());
            assertEquals(Optional.of("Not important"), typed(m, f));
        });
        cases.put("TestMetadata::test_multi_value_unvalidated_attribute", p -> {
            MetadataField f = field(p.get("attribute").asText());
            List<String> values = List.of("Not important", "Still not important");
            Metadata m = valid(minimal("2.6").setList(f, values).build());
            assertEquals(values, typed(m, f));
        });
        cases.put("TestMetadata::test_valid_metadata_version", p -> {
            String v = p.get("version").asText();
            assertEquals(v, MetadataVersion.parse(v).toString());
            assertEquals(MetadataVersion.parse(v), valid(minimal(v).build()).metadataVersion());
        });
        cases.put("TestMetadata::test_invalid_metadata_version", p -> {
            String v = p.get("version").asText();
            assertTrue(MetadataVersion.tryParse(v).isEmpty());
            invalid(minimal(v).build(), MetadataField.METADATA_VERSION);
        });
        cases.put("TestMetadata::test_invalid_summary", p ->
                invalid(minimal("2.6").set(MetadataField.SUMMARY, p.get("summary").asText()).build(),
                        MetadataField.SUMMARY));
        cases.put("TestMetadata::test_valid_description_content_type", p -> {
            String ct = p.get("content_type").asText();
            Metadata m = valid(minimal("2.6").set(MetadataField.DESCRIPTION_CONTENT_TYPE, ct).build());
            assertEquals(Optional.of(ct), m.descriptionContentType());
        });
        cases.put("TestMetadata::test_invalid_description_content_type", p ->
                invalid(minimal("2.6").set(MetadataField.DESCRIPTION_CONTENT_TYPE, p.get("content_type").asText())
                        .build(), MetadataField.DESCRIPTION_CONTENT_TYPE));
        cases.put("TestMetadata::test_valid_requires_python", p -> requiresPython(p.get("specifier").asText()));
        cases.put("TestMetadata::test_disallowed_dynamic", p -> {
            String name = p.get("field_name").asText();
            InvalidMetadataException e = assertThrows(InvalidMetadataException.class,
                    () -> Metadata.from(minimal("2.6").add(MetadataField.DYNAMIC, name).build()));
            assertEquals(1, e.problems().size(), e.problems()::toString);
            String message = e.problems().get(0).message();
            assertTrue(message.contains("`" + field(name.replace('-', '_')).header() + "` cannot be dynamic"),
                    message);
            assertFalse(message.contains("["), message);
        });
        cases.put("TestMetadata::test_optional_defaults_to_none", p -> {
            MetadataField f = field(p.get("field_name").asText());
            Metadata m = valid(minimal("2.6").build());
            Object value = typed(m, f);
            assertTrue(value.equals(Optional.empty()) || value.equals(List.of()) || value.equals(Map.of()),
                    () -> f + " = " + value);
            assertFalse(m.raw().has(f));
        });
        cases.put("TestMetadata::test_valid_license_expression", p -> {
            String given = p.get("license_expression").asText();
            String expected = p.get("expected").asText();
            assertEquals(expected, LicenseExpression.parse(given).toString());
            Metadata m = valid(minimal("2.6").set(MetadataField.LICENSE_EXPRESSION, given).build());
            assertEquals(expected, m.licenseExpression().orElseThrow().toString());
        });
        cases.put("TestMetadata::test_invalid_license_expression", p -> {
            String given = p.get("license_expression").asText();
            assertThrows(InvalidLicenseExpressionException.class, () -> LicenseExpression.parse(given));
            invalid(minimal("2.6").set(MetadataField.LICENSE_EXPRESSION, given).build(),
                    MetadataField.LICENSE_EXPRESSION);
        });
        cases.put("TestMetadata::test_valid_license_files", p -> {
            List<String> files = strings(p.get("license_files"));
            Metadata m = valid(minimal("2.6").setList(MetadataField.LICENSE_FILE, files).build());
            assertEquals(files, m.licenseFiles());
        });
        cases.put("TestMetadata::test_invalid_license_files", p ->
                invalid(minimal("2.6").setList(MetadataField.LICENSE_FILE, strings(p.get("license_files"))).build(),
                        MetadataField.LICENSE_FILE));
        cases.put("TestMetadata::test_valid_import_names", p -> {
            MetadataField f = field(p.get("key").asText());
            List<String> names = List.of("packaging", "packaging.metadata", "_utils ; private", "_stuff;private");
            assertEquals(names, typed(valid(minimal("2.6").setList(f, names).build()), f));
        });
        cases.put("TestMetadata::test_invalid_import_names_identifier", p -> {
            MetadataField f = field(p.get("key").asText());
            invalid(minimal("2.6").setList(f, List.of(p.get("name").asText())).build(), f);
        });
        cases.put("TestMetadata::test_invalid_import_names_keyword", p -> {
            MetadataField f = field(p.get("key").asText());
            invalid(minimal("2.6").setList(f, List.of("class")).build(), f);
        });
    }

    /** Filled in once the specifier types are merged; see {@link #typed}. */
    private static void requiresPython(String specifier) {
        MetadataTypedAccess.checkRequiresPython(specifier);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    static MetadataField field(String rawName) {
        return MetadataField.fromRawName(rawName).orElseThrow(() -> new AssertionError("unknown field " + rawName));
    }

    /** The typed value of {@code f} in {@code m}, whatever its Java type. */
    static Object typed(Metadata m, MetadataField f) {
        return MetadataTypedAccess.typed(m, f);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The bytes of a Python {@code bytes} repr such as {@code b'hello'} (ASCII and \\xNN escapes only). */
    static byte[] pythonBytes(String repr) {
        String body = repr.substring(2, repr.length() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && body.charAt(i + 1) == 'x') {
                b.append((char) Integer.parseInt(body.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
