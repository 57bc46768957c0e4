package dev.pinwheel.requirement;

import static dev.pinwheel.requirement.ConformanceData.cases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every parameter set of packaging's {@code tests/test_markers.py} (packaging 26.4.dev0), as copied into
 * {@code conformance/packaging/test_markers.json}. Python-only tests ({@code TestNode} internals other
 * than value quoting, pickling internals) have no Java counterpart; pickling round trips become string
 * round trips. An environment of {@code null} is packaging's default environment: here CPython 3.12 on
 * Linux, where {@code os_name} is {@code posix} as on the machine that made the vectors.
 */
class MarkerConformanceTest {
    private static final JsonNode TESTS = ConformanceData.tests("test_markers.json");
    private static final MarkerEnvironment DEFAULT =
            MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64);

    /** packaging merges the given values over its default environment; so do these tests. */
    private static MarkerEnvironment env(JsonNode environment) {
        if (environment == null || environment.isNull()) {
            return DEFAULT;
        }
        MarkerEnvironment.Builder b = DEFAULT.toBuilder();
        environment.fields().forEachRemaining(e -> b.set(e.getKey(), e.getValue().asText()));
        return b.build();
    }

    private static Stream<DynamicTest> each(String test, java.util.function.Consumer<JsonNode> check) {
        List<DynamicTest> out = new ArrayList<>();
        for (JsonNode c : cases(TESTS, test)) {
            out.add(DynamicTest.dynamicTest(test + " " + c, () -> check.accept(c)));
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> parsesValid() {
        return Stream.of("TestMarker::test_parses_valid", "TestMarker::test_parses_pep345_valid",
                "TestMarker::test_parses_setuptools_legacy_valid").flatMap(t -> each(t, c -> {
                    Marker m = Marker.parse(c.get("marker_string").asText());
                    assertEquals(m, Marker.parse(m.toString()), "string form parses back to the same marker");
                }));
    }

    @TestFactory
    Stream<DynamicTest> parsesInvalid() {
        return each("TestMarker::test_parses_invalid",
                c -> assertThrows(InvalidMarkerException.class, () -> Marker.parse(c.get("marker_string").asText())));
    }

    @TestFactory
    Stream<DynamicTest> rejectsTrailingLineBreak() {
        return each("TestMarker::test_parses_invalid_trailing_line_break", c -> assertThrows(
                InvalidMarkerException.class, () -> Marker.parse("python_version >= \"3\"" + c.get("line_break").asText())));
    }

    @TestFactory
    Stream<DynamicTest> acceptsTrailingHorizontalWhitespace() {
        return each("TestMarker::test_parses_trailing_horizontal_whitespace", c -> assertEquals(
                Marker.parse("python_version >= \"3\""), Marker.parse("python_version >= \"3\"" + c.get("whitespace").asText())));
    }

    @TestFactory
    Stream<DynamicTest> rejectsMalformedQuotedString() {
        return each("TestMarker::test_parses_invalid_malformed_quoted_string", c -> {
            String input = c.get("marker_string").asText();
            InvalidMarkerException e = assertThrows(InvalidMarkerException.class, () -> Marker.parse(input));
            int[] span = ConformanceData.span(c.get("expected").asText());
            assertEquals("Invalid quoted string", e.reason());
            assertEquals(span[0], e.errorIndex());
            assertEquals(Math.min(span[1] - span[0] + 1, input.length() - span[0]), e.errorLength());
        });
    }

    @TestFactory
    Stream<DynamicTest> stringFormEqualityAndHash() {
        return each("TestMarker::test_str_repr_eq_hash", c -> {
            String input = c.get("marker_string").asText();
            String expected = c.get("expected").asText();
            Marker m = Marker.parse(input);
            assertEquals(expected, m.toString());
            assertEquals(m, Marker.parse(input));
            assertEquals(m, Marker.parse(expected));
            assertEquals(m.hashCode(), Marker.parse(expected).hashCode());
        });
    }

    @TestFactory
    Stream<DynamicTest> differentMarkersDiffer() {
        return each("TestMarker::test_different_markers_different_hashes", c -> {
            Marker a = Marker.parse(c.get("example1").asText());
            Marker b = Marker.parse(c.get("example2").asText());
            assertNotEquals(a, b);
            assertNotEquals(a.hashCode(), b.hashCode());
        });
    }

    @TestFactory
    Stream<DynamicTest> evaluates() {
        return Stream.of("TestMarker::test_evaluates", "TestMarker::test_evaluate_pep345_markers",
                "TestMarker::test_version_like_equality").flatMap(t -> each(t, c -> assertEquals(
                        c.get("expected").asBoolean(),
                        Marker.parse(c.get("marker_string").asText()).evaluate(env(c.get("environment"))))));
    }

    @TestFactory
    Stream<DynamicTest> membershipValueIsNormalised() {
        return Stream.concat(
                each("TestMarker::test_membership_value_str_normalization", c -> {
                    String v = c.get("variable").asText();
                    Marker raw = Marker.parse("\"S_P__A_M\" in " + v);
                    assertEquals("\"s-p-a-m\" in " + v, raw.toString());
                    assertEquals(Marker.parse("\"s-p-a-m\" in " + v), raw);
                    assertEquals(Marker.parse("\"s-p-a-m\" in " + v).hashCode(), raw.hashCode());
                }),
                each("TestMarker::test_membership_value_str_normalization_negated", c -> {
                    String v = c.get("variable").asText();
                    Marker raw = Marker.parse("\"Foo_Bar\" not in " + v);
                    assertEquals("\"foo-bar\" not in " + v, raw.toString());
                    assertEquals(Marker.parse("\"foo-bar\" not in " + v), raw);
                }));
    }

    private static MarkerEnvironment withSet(String variable, Set<String> values) {
        MarkerEnvironment.Builder b = DEFAULT.toBuilder();
        return (variable.equals("extras") ? b.extras(values) : b.dependencyGroups(values)).build();
    }

    @TestFactory
    Stream<DynamicTest> setValuedVariables() {
        return Stream.of(
                each("TestMarker::test_extras_and_dependency_groups", c -> {
                    String v = c.get("variable").asText();
                    Marker m = Marker.parse(c.get("expression").asText().replace("{0}", v));
                    assertEquals(c.get("result").asBoolean(), m.evaluate(withSet(v, Set.of("foo", "bar"))));
                }),
                each("TestMarker::test_extras_and_dependency_groups_disallowed", c -> {
                    String v = c.get("variable").asText();
                    Marker m = Marker.parse("\"foo\" in " + v);
                    // The lock-file context: the variable is an empty set.
                    assertFalse(m.evaluate(withSet(v, Set.of())));
                    // Any other context: the variable is not defined.
                    assertThrows(MarkerEvaluationException.class, () -> m.evaluate(DEFAULT));
                }),
                each("TestMarker::test_set_valued_marker_on_lhs_raises_undefined_comparison", c -> {
                    String v = c.get("variable").asText();
                    Marker m = Marker.parse(v + " " + c.get("op").asText() + " 'foo'");
                    assertThrows(MarkerEvaluationException.class, () -> m.evaluate(withSet(v, Set.of())));
                })).flatMap(s -> s);
    }

    @TestFactory
    Stream<DynamicTest> valueChoosesQuoteDelimiter() {
        return each("TestNode::test_value_serialize_chooses_quote_delimiter", c -> assertEquals(
                c.get("expected").asText(), new Marker.Value(c.get("value").asText()).toString()));
    }

    @TestFactory
    Stream<DynamicTest> stringRoundTrip() {
        return each("test_pickle_marker_roundtrip", c -> {
            Marker m = Marker.parse(c.get("marker_str").asText());
            Marker back = Marker.parse(m.toString());
            assertEquals(m, back);
            assertEquals(m.toString(), back.toString());
        });
    }
}
