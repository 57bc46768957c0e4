package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the pypa/packaging 26 tag vectors: {@code conformance/packaging/test_tags.json} (the parameters of
 * packaging's {@code tests/test_tags.py}, with each test's assertion ported here) and {@code
 * tags_for_targets.json} (full ordered {@code sys_tags()} lists for explicit targets, compared exactly).
 */
class TagsConformanceTest {

    /**
     * Every packaging test that is not run, with the reason. All detect the host (sysconfig, ELF headers of
     * {@code sys.executable}, {@code platform.mac_ver}, the {@code _manylinux} module); Pinwheel never reads the
     * host and takes the answers as arguments instead.
     */
    static final Map<String, String> SKIPPED = Map.of(
            "TestMacOSPlatforms::test_arch_detection",
            "detects the host architecture via platform.mac_ver; Pinwheel takes the architecture as an argument",
            "TestManylinuxPlatform::test_linux_platforms_not_manylinux_abi",
            "reads the ELF header of sys.executable (x32/armel ABI); Pinwheel assumes the target runs the "
                    + "standard ABI for its architecture",
            "TestSysTags::test_linux_platforms_not_manylinux_abi",
            "reads the ELF header of sys.executable (x32/armel ABI); see above",
            "TestSysTags::test_linux_use_manylinux_compatible",
            "consults an installed `_manylinux` module on the host; there is no such override for a target",
            "test_platform_tags",
            "dispatches on platform.system() of the host",
            "TestBitness::test_32bit_interpreter",
            "measures the host interpreter's pointer size");

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode load(String name) {
        try (InputStream in = TagsConformanceTest.class.getResourceAsStream("/conformance/packaging/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ---------------------------------------------------------------- tags_for_targets.json

    @TestFactory
    Stream<DynamicTest> tagsForTargets_matchExactly() {
        JsonNode targets = load("tags_for_targets.json").get("targets");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode t : targets) {
            tests.add(DynamicTest.dynamicTest(t.get("target").asText(), () -> checkTarget(t)));
        }
        assertEquals(9, tests.size(), "number of targets in tags_for_targets.json");
        return tests.stream();
    }

    private static void checkTarget(JsonNode t) {
        String label = t.get("target").asText();
        String[] version = t.get("python").asText().split("\\.");
        int major = Integer.parseInt(version[0]);
        int minor = Integer.parseInt(version[1]);
        assertEquals("cpython", t.get("implementation").asText());
        List<String> expectedPlatforms = strings(t.get("platforms"));

        List<String> platforms = platformsFor(label);
        assertEquals(expectedPlatforms, platforms, "platforms of " + label);

        PythonTarget target = PythonTarget.cpython(major, minor, platforms);
        if (!t.get("abis").isNull()) {
            List<String> abis = strings(t.get("abis"));
            if (abis.equals(List.of("cp" + major + minor + "t"))) {
                target = PythonTarget.cpythonFreeThreaded(major, minor, platforms);
            }
            assertEquals(abis, target.abis());
        }
        List<String> expected = strings(t.get("tags"));
        assertEquals(new LinkedHashSet<>(expected).size(), expected.size(), "vector has no duplicates");
        List<String> actual = new ArrayList<>();
        for (Tag tag : target.supportedTags()) {
            actual.add(tag.toString());
        }
        assertEquals(expected, actual, "tags of " + label);
    }

    /** Builds the platform list from the target's description only, to test the platform helpers too. */
    private static List<String> platformsFor(String label) {
        switch (label) {
            case "cpython 3.12, glibc 2.28, x86_64":
            case "cpython 3.13t, glibc 2.28, x86_64":
                return Platforms.linuxGlibc(2, 28, "x86_64");
            case "cpython 3.11, glibc 2.17, aarch64":
                return Platforms.linuxGlibc(2, 17, "aarch64");
            case "cpython 3.13, glibc 2.39, x86_64":
                return Platforms.linuxGlibc(2, 39, "x86_64");
            case "cpython 3.12, musl 1.2, aarch64":
                return Platforms.linuxMusl(1, 2, "aarch64");
            case "cpython 3.12, macOS 14, arm64":
                return Platforms.macos(14, 0, "arm64");
            case "cpython 3.9, macOS 10.9, x86_64":
                return Platforms.macos(10, 9, "x86_64");
            case "cpython 3.12, Windows, amd64":
                return Platforms.windows("amd64");
            case "cpython 3.8, Windows, 32-bit":
                return Platforms.windows("x86");
            default:
                return fail("unknown target " + label);
        }
    }

    // ---------------------------------------------------------------- test_tags.json

    @TestFactory
    Stream<DynamicTest> testTags_vectors() {
        JsonNode tests = load("test_tags.json").get("tests");
        List<DynamicTest> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            seen.add(name);
            if (SKIPPED.containsKey(name)) {
                continue;
            }
            int i = 0;
            for (JsonNode params : e.getValue()) {
                int index = i++;
                out.add(DynamicTest.dynamicTest(name + "[" + index + "] " + params, () -> run(name, params)));
            }
        }
        return out.stream();
    }

    @Test
    void testTags_everyTestIsRunOrSkippedWithReason() {
        JsonNode tests = load("test_tags.json").get("tests");
        Set<String> unknown = new TreeSet<>();
        tests.fieldNames().forEachRemaining(name -> {
            if (!SKIPPED.containsKey(name) && !HANDLED.contains(name)) {
                unknown.add(name);
            }
        });
        assertEquals(Set.of(), unknown, "tests with no port and no skip reason");
    }

    static final Set<String> HANDLED = Set.of(
            "TestParseTag::test_empty_component_raises",
            "TestParseTag::test_invalid_interpreter_raises",
            "TestParseTag::test_identifier_interpreter_is_valid",
            "TestParseTag::test_invalid_component_count_raises",
            "TestInterpreterVersion::test_sys_version_info",
            "TestMacOSPlatforms::test_architectures",
            "TestMacOSPlatforms::test_binary_formats",
            "TestMacOSPlatforms::test_macos_11",
            "TestManylinuxPlatform::test_linux_platforms_32_64bit_on_64bit_os",
            "TestManylinuxPlatform::test_linux_platforms_manylinux2014_armhf_abi",
            "TestManylinuxPlatform::test_linux_platforms_musllinux",
            "TestCPythonABI::test_debug",
            "TestCPythonABI::test__debug_cp38",
            "TestCPythonABI::test_pymalloc",
            "TestCPythonABI::test_wide_unicode",
            "TestCPythonTags::test_skip_redundant_abis",
            "TestGenericTags::test__generic_abi_error",
            "TestGenericTags::test__generic_abi_cpython_missing_version",
            "TestGenericTags::test_abi_unspecified",
            "TestSysTags::test_interpreter_name",
            "test_pickle_tag_roundtrip",
            "test_create_compatible_tags_selector");

    private static void run(String name, JsonNode p) {
        switch (name) {
            case "TestParseTag::test_empty_component_raises":
            case "TestParseTag::test_invalid_interpreter_raises":
            case "TestParseTag::test_invalid_component_count_raises":
                assertThrows(InvalidTagException.class, () -> Tag.parseAll(p.get("tag").asText()));
                return;
            case "TestParseTag::test_identifier_interpreter_is_valid": {
                String interp = p.get("interpreter").asText();
                assertEquals(Set.of(new Tag(interp, "none", "any")), Tag.parseAll(interp + "-none-any"));
                return;
            }
            case "TestInterpreterVersion::test_sys_version_info": {
                JsonNode v = p.get("version_info");
                PythonTarget t = PythonTarget.cpython(v.get(0).asInt(), v.get(1).asInt(), List.of("any"));
                assertEquals("cp" + p.get("version_str").asText(), t.interpreter());
                return;
            }
            case "TestMacOSPlatforms::test_architectures":
                assertEquals(p.get("expected").asText(),
                        Platforms.macArch(p.get("arch").asText(), p.get("is_32bit").asBoolean()));
                return;
            case "TestMacOSPlatforms::test_binary_formats": {
                JsonNode v = p.get("version");
                assertEquals(strings(p.get("expected")),
                        Platforms.macBinaryFormats(v.get(0).asInt(), v.get(1).asInt(), p.get("arch").asText()));
                return;
            }
            case "TestMacOSPlatforms::test_macos_11":
                macos11(p.get("major").asInt(), p.get("minor").asInt());
                return;
            case "TestManylinuxPlatform::test_linux_platforms_32_64bit_on_64bit_os":
                // manylinux detection is mocked off in packaging's test: only the linux_* tags remain.
                assertEquals(strings(p.get("expected")), Platforms.linux(
                        Platforms.interpreterArch(p.get("arch").asText(), p.get("is_32bit").asBoolean())));
                return;
            case "TestManylinuxPlatform::test_linux_platforms_manylinux2014_armhf_abi": {
                // glibc 2.30, but _is_compatible mocked to accept only 2.17; 32-bit interpreter.
                String arch = Platforms.interpreterArch(p.get("native_arch").asText(), true);
                assertEquals(p.get("cross_arch").asText(), arch);
                List<String> archs = Platforms.linuxArchs(arch);
                List<String> expected = new ArrayList<>();
                for (String a : archs) {
                    expected.add("linux_" + a);
                }
                for (String a : archs) {
                    expected.add("manylinux_2_17_" + a);
                    expected.add("manylinux2014_" + a);
                }
                List<String> actual = new ArrayList<>(Platforms.linux(arch));
                actual.addAll(Platforms.manylinux(2, 30, archs, (a, v) -> v[0] == 2 && v[1] == 17));
                assertEquals(expected, actual);
                return;
            }
            case "TestManylinuxPlatform::test_linux_platforms_musllinux": {
                boolean cross32 = p.get("cross32").asBoolean();
                String nativeArch = p.get("native_arch").asText();
                String target = cross32 ? p.get("cross32_arch").asText() : nativeArch;
                assertEquals(target, Platforms.interpreterArch(nativeArch, cross32));
                int muslMajor = p.get("musl_version").get(0).asInt();
                int muslMinor = p.get("musl_version").get(1).asInt();
                List<String> archs = target.equals("armv8l") ? List.of("armv8l", "armv7l") : List.of(target);
                List<String> expected = new ArrayList<>();
                for (String a : archs) {
                    expected.add("linux_" + a);
                }
                for (String a : archs) {
                    for (int m = muslMinor; m >= 0; m--) {
                        expected.add("musllinux_" + muslMajor + "_" + m + "_" + a);
                    }
                }
                assertEquals(expected,
                        Platforms.linuxMusl(muslMajor, muslMinor, Platforms.interpreterArch(nativeArch, cross32)));
                return;
            }
            case "TestCPythonABI::test_debug": {
                // Detection (Py_DEBUG, else sys.gettotalrefcount) is ported as the caller's decision;
                // the assertion is that the ABI carries the `d` flag exactly when debug.
                JsonNode pyDebug = p.get("py_debug");
                boolean debug = pyDebug.isNull() ? p.get("gettotalrefcount").asBoolean() : pyDebug.asInt() == 1;
                List<String> abis = PythonTarget.cpythonAbis(3, 8, debug, false, false, false);
                assertEquals(p.get("result").asBoolean(), abis.get(0).equals("cp38d"));
                return;
            }
            case "TestCPythonABI::test__debug_cp38":
                assertEquals(strings(p.get("expected")),
                        PythonTarget.cpythonAbis(3, 8, p.get("debug").asBoolean(), false, false, false));
                return;
            case "TestCPythonABI::test_pymalloc": {
                JsonNode flag = p.get("pymalloc");
                boolean pymalloc = flag.isNull() || flag.asInt() == 1;
                JsonNode v = p.get("version");
                String abi = PythonTarget.cpythonAbis(v.get(0).asInt(), v.get(1).asInt(), false, pymalloc, false,
                        false).get(0);
                assertEquals(p.get("result").asBoolean(), abi.endsWith("m"));
                return;
            }
            case "TestCPythonABI::test_wide_unicode": {
                JsonNode size = p.get("unicode_size");
                boolean wide = size.isNull() ? p.get("maxunicode").asInt() == 0x10FFFF : size.asInt() == 4;
                JsonNode v = p.get("version");
                String abi = PythonTarget.cpythonAbis(v.get(0).asInt(), v.get(1).asInt(), false, false, wide,
                        false).get(0);
                assertEquals(p.get("result").asBoolean(), abi.endsWith("u"));
                return;
            }
            case "TestCPythonTags::test_skip_redundant_abis": {
                PythonTarget t = PythonTarget.cpython(3, 0, List.of("any")).withAbis(strings(p.get("abis")));
                assertEquals(List.of(new Tag("cp30", "none", "any")), t.interpreterTags());
                return;
            }
            case "TestGenericTags::test__generic_abi_error":
            case "TestGenericTags::test__generic_abi_cpython_missing_version": {
                String suffix = p.get("ext_suffix").isNull() ? null : p.get("ext_suffix").asText();
                assertThrows(IllegalArgumentException.class, () -> PythonTarget.abiFromExtSuffix(suffix));
                return;
            }
            case "TestGenericTags::test_abi_unspecified": {
                PythonTarget t = PythonTarget.generic("sillywalk33", 3, 3, strings(p.get("abi")), List.of("plat1"));
                assertEquals(List.of(new Tag("sillywalk33", "none", "plat1")), t.interpreterTags());
                return;
            }
            case "TestSysTags::test_interpreter_name":
                assertEquals(p.get("expected").asText(), PythonTarget.interpreterShortName(p.get("name").asText()));
                return;
            case "test_pickle_tag_roundtrip": {
                Tag tag = new Tag(p.get("interpreter").asText(), p.get("abi").asText(), p.get("platform").asText());
                Tag back = Tag.parse(tag.toString());
                assertEquals(tag, back);
                assertEquals(tag.hashCode(), back.hashCode());
                return;
            }
            case "test_create_compatible_tags_selector": {
                // A supported name `t` stands for Tag(t, t, t); a thing `a.b` carries the tags of a and b.
                List<Tag> supported = new ArrayList<>();
                for (String s : strings(p.get("supported"))) {
                    supported.add(new Tag(s, s, s));
                }
                List<String> things = strings(p.get("things"));
                List<String> selected = TagSet.of(supported).selectCompatible(things, thing -> {
                    List<Tag> tags = new ArrayList<>();
                    for (String s : thing.split("\\.")) {
                        tags.add(new Tag(s, s, s));
                    }
                    return tags;
                });
                assertEquals(strings(p.get("expected")), selected);
                return;
            }
            default:
                fail("no port for " + name);
        }
    }

    private static void macos11(int major, int minor) {
        List<String> x86 = Platforms.macos(major, minor, "x86_64");
        assertFalse(x86.contains("macosx_11_0_arm64"));
        assertTrue(x86.contains("macosx_11_0_x86_64"));
        assertFalse(x86.contains("macosx_11_3_x86_64"));
        assertTrue(x86.contains("macosx_11_0_universal"));
        assertTrue(x86.contains("macosx_11_0_universal2"));
        assertTrue(x86.contains("macosx_10_16_x86_64"));
        assertTrue(x86.contains("macosx_10_15_x86_64"));
        assertTrue(x86.contains("macosx_10_15_universal2"));
        assertTrue(x86.contains("macosx_10_4_x86_64"));
        assertFalse(x86.contains("macosx_10_3_x86_64"));
        if (major >= 12) {
            assertTrue(x86.contains("macosx_12_0_x86_64"));
            assertTrue(x86.contains("macosx_12_0_universal"));
            assertTrue(x86.contains("macosx_12_0_universal2"));
        }
        List<String> arm = Platforms.macos(major, minor, "arm64");
        assertTrue(arm.contains("macosx_11_0_arm64"));
        assertFalse(arm.contains("macosx_11_3_arm64"));
        assertFalse(arm.contains("macosx_11_0_universal"));
        assertTrue(arm.contains("macosx_11_0_universal2"));
        assertTrue(arm.contains("macosx_10_15_universal2"));
        assertFalse(arm.contains("macosx_10_15_x86_64"));
        assertFalse(arm.contains("macosx_10_4_x86_64"));
        assertFalse(arm.contains("macosx_10_3_x86_64"));
        if (major >= 12) {
            assertTrue(arm.contains("macosx_12_0_arm64"));
            assertTrue(arm.contains("macosx_12_0_universal2"));
        }
    }
}
