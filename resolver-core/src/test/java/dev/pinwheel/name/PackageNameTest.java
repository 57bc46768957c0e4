package dev.pinwheel.name;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageNameTest {

    @ParameterizedTest
    @CsvSource({
        "foo, foo", "Foo, foo", "fOo, foo", "foo.bar, foo-bar", "Foo.Bar, foo-bar", "Foo.....Bar, foo-bar",
        "foo_bar, foo-bar", "foo___bar, foo-bar", "foo-bar, foo-bar", "foo----bar, foo-bar", "a--b, a-b",
        "1--1, 1-1", "A._-B, a-b", "Zope.Interface, zope-interface"
    })
    void normalized_collapsesSeparatorsAndLowercases(String name, String expected) {
        PackageName n = PackageName.parse(name);
        assertEquals(expected, n.normalized());
        assertEquals(name, n.original());
        assertEquals(name, n.toString());
        assertEquals(expected, PackageName.normalize(name));
    }

    @Test
    void equals_comparesNormalizedForms() {
        assertEquals(PackageName.parse("Foo.Bar"), PackageName.parse("foo_bar"));
        assertEquals(PackageName.parse("Foo.Bar").hashCode(), PackageName.parse("foo_bar").hashCode());
        assertNotEquals(PackageName.parse("foobar"), PackageName.parse("foo-bar"));
        assertEquals(0, PackageName.parse("A").compareTo(PackageName.parse("a")));
    }

    @Test
    void normalize_doesNotValidate() {
        // packaging's canonicalize_name without validation (test_canonicalize_name_invalid)
        assertEquals("-not-legal", PackageName.normalize("_not_legal"));
        assertEquals("hi\n", PackageName.normalize("hi\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_not_legal", "hi\n", "\nhi", "h\ni", "hi\r", "-foo", "foo-", "foo.", "fo o", "föo",
        "foo!"})
    void parse_rejectsInvalidNames(String name) {
        assertThrows(InvalidNameException.class, () -> PackageName.parse(name));
        assertTrue(PackageName.tryParse(name).isEmpty());
        assertFalse(PackageName.isValid(name));
    }

    @Test
    void parse_errorNamesTheCharacterAndPointsAtIt() {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> PackageName.parse("foo!bar"));
        assertEquals("A project name may only hold ASCII letters, digits, `.`, `_` and `-`, found `!`\n"
                + "foo!bar\n"
                + "   ^", e.getMessage());
        e = assertThrows(InvalidNameException.class, () -> PackageName.parse("h\ni"));
        assertEquals("A project name may only hold ASCII letters, digits, `.`, `_` and `-`, found U+000A\n"
                + "h\\ni\n"
                + " ^^", e.getMessage());
        e = assertThrows(InvalidNameException.class, () -> PackageName.parse(""));
        assertEquals("Expected a project name, found an empty string\n\n^", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"foo, true", "Foo, false", "foo-bar, true", "foo_bar, false", "foo--bar, false", "1-1, true"})
    void isNormalized(String name, boolean expected) {
        assertEquals(expected, PackageName.isNormalized(name));
    }

    @Test
    void parseRequirementName_acceptsTrailingUnderscoreAsPackagingDoes() {
        PackageName n = PackageName.parseRequirementName("1password_");
        assertEquals("1password-", n.normalized());
        assertEquals("1password_", n.original());
        assertEquals(PackageName.parse("requests"), PackageName.parseRequirementName("requests"));
        assertThrows(InvalidNameException.class, () -> PackageName.parseRequirementName("_a"));
        assertThrows(InvalidNameException.class, () -> PackageName.parseRequirementName("a-"));
        assertThrows(InvalidNameException.class, () -> PackageName.parseRequirementName("_"));
        assertThrows(InvalidNameException.class, () -> PackageName.parse("a_"));
    }
}
