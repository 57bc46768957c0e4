package dev.pinwheel.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.SpecifierSet;
import dev.pinwheel.version.Version;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementTest {
    private static final MarkerEnvironment LINUX_312 =
            MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64);

    @Test
    void parse_readsAllParts() {
        Requirement r = Requirement.parse("Requests [Socks, security] >= 2.31 , <3 ; python_version >= '3.8'");
        assertEquals("Requests", r.name().original());
        assertEquals("requests", r.name().normalized());
        assertEquals(List.of("security", "socks"), List.copyOf(r.extras()));
        assertEquals(SpecifierSet.parse(">=2.31,<3"), r.specifier());
        assertEquals(Optional.empty(), r.url());
        assertEquals(Optional.of(Marker.parse("python_version >= \"3.8\"")), r.marker());
        assertEquals("Requests[security,socks]<3,>=2.31; python_version >= \"3.8\"", r.toString());
    }

    @Test
    void parse_url() {
        Requirement r = Requirement.parse("pip @ https://github.com/pypa/pip/archive/1.3.1.zip ; os_name == 'nt'");
        assertEquals(Optional.of("https://github.com/pypa/pip/archive/1.3.1.zip"), r.url());
        assertEquals(SpecifierSet.ANY, r.specifier());
        assertEquals("pip @ https://github.com/pypa/pip/archive/1.3.1.zip ; os_name == \"nt\"", r.toString());
    }

    @Test
    void parse_normalisesExtrasPep685() {
        Requirement r = Requirement.parse("fishtank[cRazy_BUnches,all---blue]");
        assertEquals(List.of("all-blue", "crazy-bunches"), List.copyOf(r.extras()));
        assertEquals(Requirement.parse("fishtank[all_blue,crazy.bunches]"), r);
    }

    @Test
    void parse_trailingUnderscoreInNameIsAcceptedAsPackagingDoes() {
        Requirement r = Requirement.parse("a_>=1");
        assertEquals("a-", r.name().normalized());
        assertEquals("a_", r.name().original());
    }

    @Test
    void parse_emptyExtrasAndSpecifier() {
        assertEquals(Set.of(), Requirement.parse("name[]").extras());
        assertEquals(SpecifierSet.ANY, Requirement.parse("name()").specifier());
    }

    @Test
    void parse_parenthesisedSpecifierWithArbitraryEquality() {
        Requirement r = Requirement.parse("name (=== arbitrarystring)");
        assertFalse(r.specifier().contains(Version.parse("1.0")));
        assertEquals("name===arbitrarystring", r.toString());
    }

    /** packaging's span [start, end] (caret under end) becomes errorIndex start and the covered length. */
    private static void assertError(String input, String reason, int start, int end) {
        InvalidRequirementException e = assertThrows(InvalidRequirementException.class, () -> Requirement.parse(input));
        assertEquals(reason, e.reason());
        assertEquals(input, e.input());
        assertEquals(start, e.errorIndex());
        assertEquals(Math.min(end - start + 1, input.length() - start), e.errorLength());
    }

    @Test
    void parse_errorsAsPackaging() {
        assertError("", "Expected package name at the start of dependency specifier", 0, 0);
        assertError("==0.0", "Expected package name at the start of dependency specifier", 0, 0);
        assertError("name[bar baz]", "Expected comma between extra names", 9, 9);
        assertError("name[bar, baz,]", "Expected extra name after comma", 14, 14);
        assertError("name (>= 1.0",
                "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier", 5, 12);
        assertError("black (>=20.*) ; extra == 'format'",
                ".* suffix can only be used with `==` or `!=` operators", 7, 12);
        assertError("name[bar, baz >= 1.0", "Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", 4, 14);
        assertError("name[bar, baz", "Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", 4, 13);
        assertError("name @ https://example.com/; extra == 'example'",
                "Expected semicolon (after URL and whitespace) or end", 7, 29);
        assertError("name; (extra == 'example'",
                "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression", 6, 25);
        assertError("name @ ", "Expected URL after @", 7, 7);
        assertError("name; invalid_name", "Expected a marker variable or quoted string", 6, 6);
        assertError("name; '3.7' <= invalid_name", "Expected a marker variable or quoted string", 15, 15);
        String opExpected = "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in";
        assertError("name; '3.7' notin python_version", opExpected, 12, 12);
        assertError("name; '3.6'inpython_version", opExpected, 11, 11);
        assertError("name; '3.7' not python_version", "Expected 'in' after 'not'", 16, 16);
        assertError("name; '3.7' ~ python_version", opExpected, 12, 12);
        String afterSpecifier = "Expected comma (within version specifier), semicolon (after version specifier) or end";
        assertError("name==1.0.org1", afterSpecifier, 4, 9);
        assertError("name==", "Expected semicolon (after name with no version specifier) or end", 4, 4);
        assertError("name 1.0", "Expected semicolon (after name with no version specifier) or end", 5, 5);
        assertError("name >= 1.0 #", afterSpecifier, 5, 12);
        assertError("name >= 1.0 <= 2.0", afterSpecifier, 5, 12);
        assertError("name; python_version >= '3' AND os_name == 'nt'", "Expected end of dependency specifier", 28, 28);
    }

    @Test
    void parse_messageShowsInputAndCarets() {
        InvalidRequirementException e =
                assertThrows(InvalidRequirementException.class, () -> Requirement.parse("name >= 1.0 #"));
        assertEquals("Expected comma (within version specifier), semicolon (after version specifier) or end\n"
                + "name >= 1.0 #\n"
                + "     ^^^^^^^^", e.getMessage());
    }

    @Test
    void parse_invalidSpecifierInsideIsAnInvalidRequirement() {
        InvalidRequirementException e =
                assertThrows(InvalidRequirementException.class, () -> Requirement.parse("demo===x,y"));
        assertEquals(4, e.errorIndex());
    }

    @Test
    void tryParse_emptyOnInvalid() {
        assertEquals(Optional.empty(), Requirement.tryParse("foo!"));
        assertEquals(Optional.empty(), Requirement.tryParse(null));
        assertTrue(Requirement.tryParse("foo").isPresent());
    }

    @Test
    void withers_copy() {
        Requirement r = Requirement.parse("foo>=1");
        assertEquals("foo>=1; os_name == \"nt\"", r.withMarker(Marker.parse("os_name == 'nt'")).toString());
        assertEquals("foo>=1", r.withMarker(Marker.parse("os_name == 'nt'")).withMarker(Marker.ALWAYS).toString());
        assertEquals("foo<2", r.withSpecifier(SpecifierSet.parse("<2")).toString());
        assertEquals("foo[a-b,c]>=1", r.withExtras(List.of("C", "a_b")).toString());
        assertThrows(IllegalArgumentException.class, () -> r.withExtras(List.of("bad name")));
        Requirement url = Requirement.parse("foo @ file:///x");
        assertThrows(IllegalArgumentException.class, () -> url.withSpecifier(SpecifierSet.parse("<2")));
        assertEquals("foo", Requirement.of(PackageName.parse("foo")).toString());
    }

    @Test
    void appliesTo_evaluatesMarkerWithExtras() {
        Requirement r = Requirement.parse("pysocks; extra == 'Socks' and python_version >= '3.8'");
        assertFalse(r.appliesTo(LINUX_312));
        assertTrue(r.appliesTo(LINUX_312, Set.of("socks")));
        assertTrue(r.appliesTo(LINUX_312, Set.of("security", "SOCKS")));
        assertFalse(r.appliesTo(LINUX_312, Set.of("security")));
        assertTrue(Requirement.parse("plain").appliesTo(LINUX_312));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "name[bar]>=3; python_version == \"2.7\"|",
        "name@ http://foo.com|name @ http://foo.com",
        "name@ http://foo.com ; extra == \"feature\"|name @ http://foo.com ; extra == \"feature\"",
        "name>=3,<2|name<2,>=3",
        "name (==4)|name==4",
        "name; os_name=='a' and os_name=='b' or os_name=='c'|name; os_name == \"a\" and os_name == \"b\" or os_name == \"c\"",
    })
    void toString_normalisedAsPackaging(String input, String expected) {
        assertEquals(expected == null ? input : expected, Requirement.parse(input).toString());
    }
}
