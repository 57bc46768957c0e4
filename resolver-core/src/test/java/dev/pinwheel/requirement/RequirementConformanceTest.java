package dev.pinwheel.requirement;

import static dev.pinwheel.requirement.ConformanceData.cases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.SpecifierSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every parameter set of packaging's {@code tests/test_requirements.py} (packaging 26.4.dev0), as copied
 * into {@code conformance/packaging/test_requirements.json}. Where packaging keeps extras as written,
 * Pinwheel normalises them (PEP 685), so extras are compared normalised; pickling round trips become
 * string round trips; {@code test_pickle_requirement_preserves_prereleases} has no counterpart (a
 * Pinwheel requirement carries no pre-release flag).
 */
class RequirementConformanceTest {
    private static final JsonNode TESTS = ConformanceData.tests("test_requirements.json");

    private static Stream<DynamicTest> each(String test, Consumer<JsonNode> check) {
        List<DynamicTest> out = new ArrayList<>();
        for (JsonNode c : cases(TESTS, test)) {
            out.add(DynamicTest.dynamicTest(test + " " + c, () -> check.accept(c)));
        }
        return out.stream();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    @TestFactory
    Stream<DynamicTest> basicValidRequirementParsing() {
        return each("test_basic_valid_requirement_parsing", c -> {
            String ws = c.get("whitespace").asText();
            String name = c.get("name").asText();
            TreeSet<String> extras = new TreeSet<>();
            c.get("extras").forEach(e -> extras.add(e.asText()));
            String specifier = c.get("specifier").asText();
            String url = text(c.get("url"));
            String marker = text(c.get("marker"));

            List<String> parts = new ArrayList<>();
            parts.add(name);
            if (!extras.isEmpty()) {
                parts.add("[");
                parts.add(String.join(ws + "," + ws, extras));
                parts.add("]");
            }
            if (!specifier.isEmpty()) {
                parts.add(specifier.replace("{ws}", ws));
            }
            if (url != null) {
                parts.add("@");
                parts.add(url);
            }
            if (marker != null) {
                parts.add(url != null ? " ;" : ";");
                parts.add(marker.replace("{ws}", ws));
            }
            Requirement r = Requirement.parse(String.join(ws, parts));

            assertEquals(name, r.name().original());
            TreeSet<String> normalised = new TreeSet<>();
            extras.forEach(e -> normalised.add(PackageName.normalize(e)));
            assertEquals(normalised, r.extras());
            assertEquals(Optional.ofNullable(url), r.url());
            String bare = specifier.replace("{ws}", "").replace("(", "").replace(")", "");
            assertEquals(bare.isEmpty() ? SpecifierSet.ANY : SpecifierSet.parse(bare), r.specifier());
            assertEquals(marker == null ? Optional.empty() : Optional.of(Marker.parse(marker.replace("{ws}", ""))),
                    r.marker());
        });
    }

    @TestFactory
    Stream<DynamicTest> normalisedRequirements() {
        return each("test_normalized_requirements", c -> assertEquals(
                c.get("norm_req").asText(), Requirement.parse(c.get("input_req").asText()).toString()));
    }

    @TestFactory
    Stream<DynamicTest> parsing() {
        return Stream.of(
                each("TestRequirementParsing::test_valid_marker",
                        c -> Requirement.parse("name; " + c.get("marker").asText())),
                each("TestRequirementParsing::test_file_url", c -> assertEquals(
                        Optional.of(c.get("url").asText()), Requirement.parse("name @ " + c.get("url").asText()).url())),
                each("TestRequirementParsing::test_error_when_suffixed_with_line_break", c -> assertThrows(
                        InvalidRequirementException.class,
                        () -> Requirement.parse(c.get("requirement").asText() + c.get("line_break").asText()))),
                each("TestRequirementParsing::test_trailing_horizontal_whitespace", c -> assertEquals(
                        Requirement.parse("name>=1"), Requirement.parse("name>=1" + c.get("whitespace").asText()))),
                each("TestRequirementParsing::test_error_when_prefix_match_uses_post_release", c -> {
                    String input = "name " + c.get("operator").asText() + " 1.0.post1.*";
                    InvalidRequirementException e =
                            assertThrows(InvalidRequirementException.class, () -> Requirement.parse(input));
                    assertEquals(".* suffix cannot be used after pre-release, post-release, developmental release, "
                            + "or local version labels", e.reason());
                }),
                each("TestRequirementParsing::test_error_when_local_version_label_is_used_incorrectly", c -> {
                    String op = c.get("operator").asText();
                    String input = "name " + op + " 1.0+local.version.label";
                    InvalidRequirementException e =
                            assertThrows(InvalidRequirementException.class, () -> Requirement.parse(input));
                    assertEquals("Local version label can only be used with `==` or `!=` operators", e.reason());
                    assertEquals(5, e.errorIndex());
                    assertEquals(op.length() + 5, e.errorLength());
                }),
                each("TestRequirementParsing::test_error_invalid_marker_malformed_quoted_string", c -> {
                    String input = c.get("to_parse").asText();
                    InvalidRequirementException e =
                            assertThrows(InvalidRequirementException.class, () -> Requirement.parse(input));
                    int[] span = ConformanceData.span(c.get("expected").asText());
                    assertEquals("Invalid quoted string", e.reason());
                    assertEquals(span[0], e.errorIndex());
                })).flatMap(s -> s);
    }

    @TestFactory
    Stream<DynamicTest> behaviour() {
        return Stream.of(
                each("TestRequirementBehaviour::test_str_and_repr", c -> {
                    String input = "name" + c.get("extras").asText() + c.get("url_or_specifier").asText()
                            + c.get("marker").asText();
                    assertEquals(input.strip(), Requirement.parse(input).toString());
                }),
                each("TestRequirementBehaviour::test_equal_reqs_equal_hashes", c -> {
                    Requirement a = Requirement.parse(c.get("dep1").asText());
                    Requirement b = Requirement.parse(c.get("dep2").asText());
                    assertEquals(a, b);
                    assertEquals(a.hashCode(), b.hashCode());
                }),
                each("TestRequirementBehaviour::test_equivalent_reqs_equal_hashes_unequal_strings", c -> {
                    Requirement a = Requirement.parse(c.get("dep1").asText());
                    Requirement b = Requirement.parse(c.get("dep2").asText());
                    assertEquals(a, b);
                    assertEquals(a.hashCode(), b.hashCode());
                }),
                each("TestRequirementBehaviour::test_different_reqs_different_hashes", c -> {
                    Requirement a = Requirement.parse(c.get("dep1").asText());
                    Requirement b = Requirement.parse(c.get("dep2").asText());
                    assertNotEquals(a, b);
                    assertNotEquals(a.hashCode(), b.hashCode());
                }),
                each("test_pickle_requirement_roundtrip", c -> {
                    Requirement r = Requirement.parse(c.get("req_str").asText());
                    assertEquals(r, Requirement.parse(r.toString()));
                    assertEquals(r.toString(), Requirement.parse(r.toString()).toString());
                }),
                each("test_pickle_requirement_setstate_rejects_invalid_string", c -> assertThrows(
                        InvalidRequirementException.class,
                        () -> Requirement.parse(c.get("invalid_requirement").asText())))).flatMap(s -> s);
    }
}
