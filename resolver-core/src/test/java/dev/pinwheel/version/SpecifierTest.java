package dev.pinwheel.version;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpecifierTest {

    private static Version v(String s) {
        return Version.parse(s);
    }

    private static String error(String input) {
        return assertThrows(InvalidSpecifierException.class, () -> SpecifierSet.parse(input)).getMessage();
    }

    private static List<String> filter(String set, PrereleasePolicy policy, String... versions) {
        return SpecifierSet.parse(set).filter(Stream.of(versions).map(Version::parse), policy).stream()
                .map(Version::toString).collect(Collectors.toList());
    }

    @Test
    void exclusiveBounds_withHugePreAndPostNumbers() {
        // Found by SpecifierProperties: the boundary arithmetic once went through a long-only accessor.
        Specifier gt = Specifier.parse(">1.0a99999999999999999999.post99999999999999999999");
        assertTrue(gt.contains(Version.parse("1.1")));
        assertFalse(gt.contains(Version.parse("1.0a99999999999999999999.post99999999999999999999")));
        Specifier lt = Specifier.parse("<1.0rc99999999999999999999");
        assertTrue(lt.contains(Version.parse("1.0rc99999999999999999998")));
        assertFalse(lt.contains(Version.parse("1.0")));
        assertEquals("1.0rc99999999999999999999.post5",
                Version.parse("1.0rc99999999999999999999").withPost(5).toString());
    }

    @Test
    void parse_errorMessages() {
        assertEquals("Expected a comparison operator such as `==` or `>=` before the version, found `2`\n2.0\n^",
                error("2.0"));
        assertEquals("Expected a comparison operator (`==`, `!=`, `<=`, `>=`, `<`, `>`, `~=` or `===`), found `=>`\n"
                + "=>2.0\n^^", error("=>2.0"));
        assertEquals("Expected a version after `==`, found end of input\n==\n  ^", error("=="));
        assertEquals("A local version label is only allowed after `==` and `!=`, not after `~=`\n~=1.0+5\n     ^^",
                error("~=1.0+5"));
        assertEquals("A `.*` wildcard is only allowed after `==` and `!=`, not after `>=`\n>=1.0.*\n     ^^",
                error(">=1.0.*"));
        assertEquals("A `.*` wildcard may only follow a release such as `1.2`, found `2.0a1`\n==2.0a1.*\n  ^^^^^^^",
                error("==2.0a1.*"));
        assertEquals("`~=` needs a version with at least two release numbers, such as `~=1.0`\n~=1\n  ^", error("~=1"));
        assertEquals("Expected a comparison operator (`==`, `!=`, `<=`, `>=`, `<`, `>`, `~=` or `===`), found `f`\n"
                + ">=1.0,<2,foo\n         ^", error(">=1.0,<2,foo"));
        assertEquals("Expected the end of the specifier, found whitespace in the version\n>= 1.0 .0\n      ^",
                error(">= 1.0 .0"));
    }

    @Test
    void parse_acceptsWhitespaceAndEmptyParts() {
        assertEquals("<2,>=1.0", SpecifierSet.parse(" >= 1.0 ,, < 2 ").toString());
        assertEquals(SpecifierSet.ANY, SpecifierSet.parse(" , "));
        assertTrue(SpecifierSet.parse("").isEmpty());
        assertEquals("===", Specifier.parse("===").toString()); // packaging accepts an empty arbitrary version
    }

    @Test
    void toString_sortsAndDeduplicatesLikePackaging() {
        assertEquals("!=1.0.1,>=1.0.0", SpecifierSet.parse(">=1.0.0,!=1.0.1").toString());
        assertEquals(">=1.0", SpecifierSet.parse(">=1.0,>=1.0.0").toString());
        assertEquals(SpecifierSet.parse(">=1.0,<2"), SpecifierSet.parse("<2.0,>=1"));
        assertEquals(SpecifierSet.parse(">=1.0,<2").hashCode(), SpecifierSet.parse("<2.0,>=1").hashCode());
        assertNotEquals(Specifier.parse("~=1.0"), Specifier.parse("~=1.0.0"));
        assertEquals(List.of(">=1", "<2"), SpecifierSet.parse(">=1,<2").specifiers().stream()
                .map(Specifier::toString).collect(Collectors.toList()));
    }

    @Test
    void exclusiveOrderedComparisons() {
        assertFalse(Specifier.parse("<1.0").contains(v("1.0rc1")));
        assertTrue(Specifier.parse("<1.0rc2").contains(v("1.0rc1")));
        assertFalse(Specifier.parse(">1.0").contains(v("1.0.post1")));
        assertFalse(Specifier.parse(">1.0").contains(v("1.0+local")));
        assertTrue(Specifier.parse(">1.0.post1").contains(v("1.0.post2")));
        assertTrue(Specifier.parse(">1.0a1").contains(v("1.0.post0")));
        assertFalse(Specifier.parse(">1.0.dev1").contains(v("1.0.dev1+local")));
        assertTrue(Specifier.parse("<=1.0").contains(v("1.0+local")));
    }

    @Test
    void equalityIgnoresLocalUnlessTheSpecifierHasOne() {
        assertTrue(Specifier.parse("==1.0").contains(v("1.0+abc")));
        assertFalse(Specifier.parse("==1.0+abc").contains(v("1.0")));
        assertTrue(Specifier.parse("==1.0+abc").contains(v("1.0.0+abc")));
        assertFalse(Specifier.parse("!=1.0").contains(v("1.0+abc")));
    }

    @Test
    void compatibleAndWildcard() {
        Specifier s = Specifier.parse("~=1.4.2");
        assertTrue(s.contains(v("1.4.9")));
        assertFalse(s.contains(v("1.5.0.dev0")));
        assertFalse(s.contains(v("1.4.1")));
        assertTrue(Specifier.parse("==1.4.*").contains(v("1.4rc1")));
        assertTrue(Specifier.parse("==1.4.*").contains(v("1.4.0.0.7")));
        assertFalse(Specifier.parse("==1.4.*").contains(v("1.5")));
        assertTrue(Specifier.parse("!=1.4.*").contains(v("1.5.dev0")));
    }

    @Test
    void arbitraryEqualityComparesStrings() {
        Specifier s = Specifier.parse("===1.0");
        assertTrue(s.contains("1.0"));
        assertFalse(s.contains("1.0.0"));
        assertFalse(s.contains(v("1.0.0")));
        assertTrue(Specifier.parse("===FooBar").contains("foobar"));
    }

    @Test
    void contains_aLonePrereleaseMatches() {
        SpecifierSet s = SpecifierSet.parse(">=1.0");
        assertTrue(s.contains(v("2.0b1")));
        assertFalse(s.contains(v("2.0b1"), false));
        assertTrue(s.contains(v("2.0b1"), true));
        assertTrue(SpecifierSet.ANY.contains(v("1.0a1")));
    }

    @Test
    void filter_policies() {
        String[] candidates = {"0.9", "1.0", "2.0b1"};
        assertEquals(List.of("1.0"), filter(">=1.0", PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT, candidates));
        assertEquals(List.of("2.0b1"), filter(">=1.5", PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT, candidates));
        assertEquals(List.of("1.0", "2.0b1"), filter(">=1.0b1", PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT,
                candidates));
        assertEquals(List.of("1.0"), filter(">=1.0b1", PrereleasePolicy.IF_NECESSARY, candidates));
        assertEquals(List.of("1.0", "2.0b1"), filter(">=1.0b1", PrereleasePolicy.EXPLICIT, candidates));
        assertEquals(List.of(), filter(">=1.5", PrereleasePolicy.EXPLICIT, candidates));
        assertEquals(List.of(), filter(">=1.5", PrereleasePolicy.DISALLOW, candidates));
        assertEquals(List.of("1.0", "2.0b1"), filter(">=1.0", PrereleasePolicy.ALLOW, candidates));
        assertTrue(SpecifierSet.parse(">=1.0b1").namesPrerelease());
        assertFalse(SpecifierSet.parse("!=1.0b1").namesPrerelease());
    }

    @Test
    void and_concatenates() {
        SpecifierSet s = SpecifierSet.parse(">2.0").and(SpecifierSet.parse("<5.0"));
        assertEquals("<5.0,>2.0", s.toString());
        assertEquals(2, s.size());
        assertEquals(s, SpecifierSet.ANY.and(s));
        assertEquals(SpecifierSet.of(Specifier.parse("<5.0"), Specifier.parse(">2.0")), s);
    }

    @Test
    void matchIndexesFindsThePositionsOfMatchingVersionsInAnAscendingList() {
        List<Version> vs = Stream.of("1.0", "1.1", "1.2", "1.3", "1.3.post1", "2.0b1", "2.0", "2.0+local")
                .map(Version::parse).toList();
        assertArrayEquals(new int[] {1, 2, 6, 7}, SpecifierSet.parse(">=1.1,!=1.3.*,!=2.0b1").matchIndexes(vs));
        assertArrayEquals(new int[] {5, 6, 7}, SpecifierSet.parse(">1.3").matchIndexes(vs)); // not 1.3.post1
        assertArrayEquals(new int[] {6, 7}, SpecifierSet.parse("==2.0").matchIndexes(vs));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, SpecifierSet.parse("~=1.0").matchIndexes(vs));
        assertArrayEquals(new int[] {}, SpecifierSet.parse(">=3").matchIndexes(vs));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, SpecifierSet.ANY.matchIndexes(vs));
        assertArrayEquals(new int[] {}, SpecifierSet.ANY.matchIndexes(List.of()));
    }
}
