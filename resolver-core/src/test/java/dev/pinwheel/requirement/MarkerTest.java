package dev.pinwheel.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkerTest {
    private static final MarkerEnvironment LINUX_312 =
            MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64);

    private static boolean eval(String marker, MarkerEnvironment env) {
        return Marker.parse(marker).evaluate(env);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // version keys: PEP 440 comparisons when operator + value is a valid specifier
        "python_version >= '3.8'|true",
        "python_version < '3.10'|false",
        "python_version == '3.12.*'|true",
        "python_full_version > '3.6.2'|true",
        "'3.9' < python_version|true",
        "python_version ~= '3.10'|true",
        "python_version === '3.12'|true",
        "python_version === '3.12.0'|false",
        // version key with an invalid specifier: string rules
        "python_version < '3.*'|false",
        "python_version <= '3.12'|true",
        "python_version in '3.12 3.13'|true",
        "'3.1' in python_version|true",
        // other keys: strings; < and > false, <= and >= equality
        "sys_platform == 'linux'|true",
        "sys_platform >= 'linux'|true",
        "sys_platform > 'a'|false",
        "sys_platform < 'z'|false",
        "platform_machine <= 'x86_64'|true",
        "'x86' in platform_machine|true",
        "'x86' not in platform_machine|false",
        "os_name != 'nt'|true",
        // and binds tighter than or
        "os_name == 'nt' and sys_platform == 'linux' or python_version >= '3'|true",
        "os_name == 'nt' and (sys_platform == 'linux' or python_version >= '3')|false",
        // PEP 345 and setuptools spellings
        "os.name == 'posix' and platform.machine == 'x86_64'|true",
        "python_implementation == 'CPython'|true",
    })
    void evaluate_asPackaging26(String marker, boolean expected) {
        assertEquals(expected, eval(marker, LINUX_312));
    }

    @Test
    void evaluate_undefinedComparisonsFail() {
        assertThrows(MarkerEvaluationException.class, () -> eval("os_name ~= 'posix'", LINUX_312));
        assertThrows(MarkerEvaluationException.class, () -> eval("os_name === 'posix'", LINUX_312));
        assertThrows(MarkerEvaluationException.class, () -> eval("python_version ~= '3'", LINUX_312));
        // every term is evaluated: no short circuit hides the undefined comparison
        assertThrows(MarkerEvaluationException.class,
                () -> eval("os_name == 'posix' or python_version ~= '3'", LINUX_312));
    }

    @Test
    void evaluate_missingVariableFails() {
        MarkerEnvironment only = MarkerEnvironment.of(Map.of("os_name", "posix"));
        assertTrue(eval("os_name == 'posix'", only));
        MarkerEvaluationException e =
                assertThrows(MarkerEvaluationException.class, () -> eval("sys_platform == 'linux'", only));
        assertEquals("`sys_platform` does not exist in the evaluation environment", e.getMessage());
        // extra reads as the empty string when unset
        assertFalse(eval("extra == 'test'", only));
        assertTrue(eval("extra == ''", only));
    }

    @Test
    void evaluate_versionKeyValueThatIsNotAVersionMatchesNothing() {
        MarkerEnvironment env = LINUX_312.toBuilder().platformRelease("6.1.0-13-amd64-weird!").build();
        assertFalse(eval("platform_release >= '5'", env));
        assertFalse(eval("platform_release < '5'", env));
        assertTrue(eval("platform_release === '6.1.0-13-AMD64-weird!'", env));
        // not a valid specifier either: plain string equality
        assertTrue(eval("platform_release == '6.1.0-13-amd64-weird!'", env));
        assertTrue(eval("'6.1.0-13-amd64-weird!' == platform_release", env));
        assertFalse(eval("platform_release != '6.1.0-13-amd64-weird!'", env));
    }

    @Test
    void evaluate_repairsUntaggedPythonFullVersion() {
        MarkerEnvironment env = LINUX_312.toBuilder().pythonFullVersion("3.11.1+").build();
        assertTrue(eval("python_full_version < '3.12'", env));
    }

    @Test
    void extra_normalisedWhereverItStands() {
        Marker m = Marker.parse("(extra == \"Foo_Bar\" or extra == 'Baz') and python_version >= '3'");
        assertEquals("(extra == \"foo-bar\" or extra == \"baz\") and python_version >= \"3\"", m.toString());
        assertTrue(m.evaluate(LINUX_312.withExtra("FOO.bar")));
        assertFalse(m.evaluate(LINUX_312.withExtra("other")));
        assertEquals("\"s-p-a-m\" == extra", Marker.parse("'S_P__A_M' == extra").toString());
        assertEquals("extra == os_name", Marker.parse("extra == os_name").toString());
    }

    @Test
    void evaluate_withExtrasSet() {
        Marker m = Marker.parse("extra == 'socks'");
        assertFalse(m.evaluate(LINUX_312, Set.of()));
        assertTrue(m.evaluate(LINUX_312, Set.of("test", "Socks")));
        assertTrue(Marker.parse("extra != 'socks'").evaluate(LINUX_312, Set.of()));
    }

    @Test
    void parse_rejectsUpperCaseBooleanOperators() {
        InvalidMarkerException e = assertThrows(InvalidMarkerException.class,
                () -> Marker.parse("os_name == 'nt' AND python_version >= '3'"));
        assertEquals("Expected end of marker expression", e.reason());
        assertEquals(16, e.errorIndex());
        assertEquals("Expected end of marker expression\n"
                + "os_name == 'nt' AND python_version >= '3'\n"
                + "                ^", e.getMessage());
    }

    @Test
    void parse_decodesPythonEscapes() {
        assertEquals(new Marker.Value("aA\tb\\d"),
                ((Marker.Comparison) Marker.parse("os_name == 'a\\x41\\tb\\d'")).right());
        assertEquals(new Marker.Value("é"), ((Marker.Comparison) Marker.parse("os_name == '\\N{LATIN SMALL LETTER E WITH ACUTE}'")).right());
        assertThrows(InvalidMarkerException.class, () -> Marker.parse("os_name == 'a\nb'"));
        assertThrows(InvalidMarkerException.class, () -> Marker.parse("os_name == '\\u12'"));
    }

    @Test
    void parse_limitsNestingInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(200) + "os_name == 'nt'" + ")".repeat(200);
        assertEquals("os_name == \"nt\"", Marker.parse(deep).toString());
        String tooDeep = "(".repeat(5000) + "os_name == 'nt'" + ")".repeat(5000);
        InvalidMarkerException e = assertThrows(InvalidMarkerException.class, () -> Marker.parse(tooDeep));
        assertEquals("Marker expression nested more than 200 parentheses deep", e.reason());
        assertEquals(200, e.errorIndex());
    }

    @Test
    void toString_keepsMeaningOfNestedGroups() {
        // packaging 26.4 prints "a or b and c" here, which reads back differently; Pinwheel keeps the parentheses.
        Marker m = Marker.parse("((os_name == 'a' or os_name == 'b')) and os_name == 'c'");
        assertEquals("(os_name == \"a\" or os_name == \"b\") and os_name == \"c\"", m.toString());
        assertEquals("os_name == \"a\"", Marker.parse("((( os_name == 'a' )))").toString());
    }

    @Test
    void value_withBothQuotesUsesPythonEscape() {
        Marker m = new Marker.Comparison(new Marker.Variable("os_name"), Marker.Operator.EQUAL, new Marker.Value("a\"b'c"));
        assertEquals("os_name == \"a\\x22b'c\"", m.toString());
        assertEquals(m, Marker.parse(m.toString()));
    }

    @Test
    void combinators() {
        Marker a = Marker.parse("os_name == 'a' or os_name == 'b'");
        Marker c = Marker.parse("os_name == 'c'");
        assertEquals("(os_name == \"a\" or os_name == \"b\") and os_name == \"c\"", a.and(c).toString());
        assertEquals("os_name == \"c\" or (os_name == \"a\" or os_name == \"b\")", c.or(a).toString());
        assertEquals(c, Marker.ALWAYS.and(c));
        assertEquals(Marker.ALWAYS, Marker.ALWAYS.or(c));
        assertEquals(Marker.ALWAYS, c.or(Marker.ALWAYS));
        assertEquals("", Marker.ALWAYS.toString());
        assertTrue(Marker.ALWAYS.evaluate(LINUX_312));
        // packaging's test_chaining_associativity_and_str
        Marker chained = Marker.parse("python_version >= \"3.6\"").and(Marker.parse("os_name == \"posix\""))
                .and(Marker.parse("platform_system == \"Linux\""));
        Marker parsed = Marker.parse("(python_version >= \"3.6\" and os_name == \"posix\") and platform_system == \"Linux\"");
        assertEquals(parsed, chained);
        assertEquals(parsed.toString(), chained.toString());
    }

    @Test
    void construction_validates() {
        assertThrows(IllegalArgumentException.class, () -> new Marker.Variable("not_a_variable"));
        assertThrows(IllegalArgumentException.class, () -> new Marker.Compound(List.of(Marker.parse("os_name == 'a'")), List.of()));
        assertEquals(Optional.empty(), Marker.tryParse("python_version"));
        assertEquals(Marker.Operator.NOT_IN, Marker.Operator.ofSymbol("not in"));
    }
}
