package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the pypa/packaging 26 {@code tests/test_utils.py} vectors ({@code conformance/packaging/test_utils.json})
 * against {@link WheelFilename}, {@link SdistFilename} and, for the name tests, {@link PackageName}.
 */
class FilenameConformanceTest {

    /** Whole tests not run here, with the reason. */
    static final Map<String, String> SKIPPED_TESTS = Map.of(
            "test_canonicalize_version",
            "canonicalize_version belongs to dev.pinwheel.version, whose own conformance suite covers it",
            "test_canonicalize_version_no_strip_trailing_zero",
            "canonicalize_version belongs to dev.pinwheel.version, whose own conformance suite covers it");

    /** Single vectors not run, by file name, with the reason. */
    static final Map<String, String> SKIPPED_VECTORS = Map.of(
            "foo_bár-1.0-py3-none-any.whl",
            "packaging accepts any Unicode word character in a wheel's name part; PackageName (and the name "
                    + "specification) allow ASCII only, so Pinwheel rejects it",
            "foo_bár-1.0-1000-py3-none-any.whl",
            "as above: non-ASCII project name");

    private static final Pattern VERSION_REPR = Pattern.compile("<Version\\('(.*)'\\)>");
    private static final Pattern TAG_REPR = Pattern.compile("<(\\S+) @ \\d+>");

    static final Set<String> HANDLED = Set.of(
            "test_canonicalize_name", "test_canonicalize_name_invalid", "test_is_normalized_name",
            "test_parse_wheel_filename", "test_parse_wheel_invalid_filename",
            "test_parse_wheel_unsorted_tags_valid_by_default", "test_parse_wheel_unsorted_tags_invalid_with_validate",
            "test_parse_sdist_filename", "test_parse_sdist_invalid_filename");

    @Test
    void testUtils_everyTestIsRunOrSkippedWithReason() {
        JsonNode tests = TagsConformanceTest.load("test_utils.json").get("tests");
        Set<String> unknown = new TreeSet<>();
        tests.fieldNames().forEachRemaining(name -> {
            if (!SKIPPED_TESTS.containsKey(name) && !HANDLED.contains(name)) {
                unknown.add(name);
            }
        });
        assertEquals(Set.of(), unknown);
    }

    @TestFactory
    Stream<DynamicTest> testUtils_vectors() {
        JsonNode tests = TagsConformanceTest.load("test_utils.json").get("tests");
        List<DynamicTest> out = new ArrayList<>();
        Set<String> skippedSeen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (SKIPPED_TESTS.containsKey(name)) {
                continue;
            }
            int i = 0;
            for (JsonNode p : e.getValue()) {
                int index = i++;
                if (p.has("filename") && SKIPPED_VECTORS.containsKey(p.get("filename").asText())) {
                    skippedSeen.add(p.get("filename").asText());
                    continue;
                }
                out.add(DynamicTest.dynamicTest(name + "[" + index + "] " + p, () -> run(name, p)));
            }
        }
        assertEquals(SKIPPED_VECTORS.keySet(), skippedSeen, "every skipped vector exists");
        return out.stream();
    }

    private static void run(String name, JsonNode p) {
        switch (name) {
            case "test_canonicalize_name":
            case "test_canonicalize_name_invalid":
                assertEquals(p.get("expected").asText(), PackageName.normalize(p.get("name").asText()));
                return;
            case "test_is_normalized_name": {
                String n = p.get("name").asText();
                String expected = p.get("expected").asText();
                assertTrue(PackageName.isNormalized(expected));
                assertEquals(n.equals(expected), PackageName.isNormalized(n));
                return;
            }
            case "test_parse_wheel_filename": {
                WheelFilename w = WheelFilename.parse(p.get("filename").asText());
                assertEquals(p.get("name").asText(), w.name().normalized());
                assertEquals(Version.parse(repr(VERSION_REPR, p.get("version").get("repr").asText())), w.version());
                JsonNode build = p.get("build");
                assertEquals(build.isEmpty() ? Optional.empty()
                        : Optional.of(new BuildTag(build.get(0).asLong(), build.get(1).asText())), w.buildTag());
                Set<Tag> tags = new HashSet<>();
                for (JsonNode t : p.get("tags")) {
                    tags.add(Tag.parse(repr(TAG_REPR, t.get("repr").asText())));
                }
                assertEquals(tags, w.tags());
                assertEquals(w, DistributionFilename.parse(p.get("filename").asText()));
                return;
            }
            case "test_parse_wheel_invalid_filename":
                assertThrows(InvalidFilenameException.class, () -> WheelFilename.parse(p.get("filename").asText()));
                assertFalse(DistributionFilename.tryParse(p.get("filename").asText()).isPresent());
                return;
            case "test_parse_wheel_unsorted_tags_valid_by_default":
                WheelFilename.parse(p.get("filename").asText());
                return;
            case "test_parse_wheel_unsorted_tags_invalid_with_validate":
                assertThrows(InvalidFilenameException.class,
                        () -> WheelFilename.parse(p.get("filename").asText(), true));
                return;
            case "test_parse_sdist_filename": {
                SdistFilename s = SdistFilename.parse(p.get("filename").asText());
                assertEquals(p.get("name").asText(), s.name().normalized());
                assertEquals(Version.parse(repr(VERSION_REPR, p.get("version").get("repr").asText())), s.version());
                assertEquals(s, DistributionFilename.parse(p.get("filename").asText()));
                return;
            }
            case "test_parse_sdist_invalid_filename":
                assertThrows(InvalidFilenameException.class, () -> SdistFilename.parse(p.get("filename").asText()));
                assertFalse(DistributionFilename.tryParse(p.get("filename").asText()).isPresent());
                return;
            default:
                fail("no port for " + name);
        }
    }

    private static String repr(Pattern pattern, String repr) {
        Matcher m = pattern.matcher(repr);
        if (!m.matches()) {
            throw new AssertionError("unexpected repr " + repr);
        }
        return m.group(1);
    }
}
