package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagTest {

    @Test
    void constructor_lowerCasesComponents() {
        Tag t = new Tag("CP312", "None", "Win_AMD64");
        assertEquals(new Tag("cp312", "none", "win_amd64"), t);
        assertEquals("cp312-none-win_amd64", t.toString());
    }

    @Test
    void constructor_rejectsSeparatorsInComponents() {
        InvalidTagException e = assertThrows(InvalidTagException.class, () -> new Tag("py2.py3", "none", "any"));
        assertEquals("The interpreter component of a tag may not contain `.`\npy2.py3\n   ^", e.getMessage());
        assertThrows(InvalidTagException.class, () -> new Tag("py3", "", "any"));
        assertThrows(InvalidTagException.class, () -> new Tag("py3", "none", "linux-x86_64"));
    }

    @Test
    void parseAll_expandsCompressedSetsInWrittenOrder() {
        Set<Tag> tags = Tag.parseAll("py2.py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64");
        assertEquals(List.of(
                new Tag("py2", "none", "manylinux_2_17_x86_64"), new Tag("py2", "none", "manylinux2014_x86_64"),
                new Tag("py3", "none", "manylinux_2_17_x86_64"), new Tag("py3", "none", "manylinux2014_x86_64")),
                List.copyOf(tags));
    }

    @Test
    void parseAll_collapsesDuplicates() {
        assertEquals(Set.of(new Tag("py3", "none", "any")), Tag.parseAll("py3.py3-none-any"));
    }

    @Test
    void parseAll_errorMessagesPointAtTheProblem() {
        assertEquals("The abi component of the tag is empty\npy3--any\n    ^",
                assertThrows(InvalidTagException.class, () -> Tag.parseAll("py3--any")).getMessage());
        assertEquals("The platform component `any.` has an empty alternative\npy3-none-any.\n             ^",
                assertThrows(InvalidTagException.class, () -> Tag.parseAll("py3-none-any.")).getMessage());
        assertEquals("A tag must have exactly three `-`-separated components (interpreter, abi, platform), found 2"
                        + "\npy3-none\n^^^^^^^^",
                assertThrows(InvalidTagException.class, () -> Tag.parseAll("py3-none")).getMessage());
        assertEquals("The interpreter `2` is not a Python identifier\npy3.2-none-any\n    ^",
                assertThrows(InvalidTagException.class, () -> Tag.parseAll("py3.2-none-any")).getMessage());
    }

    @Test
    void parseAll_validatesOrderOnlyWhenAsked() {
        assertEquals(2, Tag.parseAll("py3.py2-none-any").size());
        InvalidTagException e =
                assertThrows(InvalidTagException.class, () -> Tag.parseAll("py3.py2-none-any", true));
        assertEquals("The interpreter component `py3.py2` is not in sorted order as PEP 425 asks\n"
                + "py3.py2-none-any\n^^^^^^^", e.getMessage());
        assertEquals(2, Tag.parseAll("py2.py3-none-any", true).size());
    }

    @Test
    void parseAll_acceptsIdentifierInterpreters() {
        assertEquals(Set.of(new Tag("_custom", "none", "any")), Tag.parseAll("_custom-none-any"));
        assertThrows(InvalidTagException.class, () -> Tag.parseAll("py+3-none-any"));
        assertThrows(InvalidTagException.class, () -> Tag.parseAll("py3 -none-any"));
    }

    @Test
    void parse_requiresExactlyOneTag() {
        assertEquals(new Tag("cp312", "abi3", "win_amd64"), Tag.parse("cp312-abi3-win_amd64"));
        assertEquals("Expected a single tag, found a compressed tag set of 2 tags\npy2.py3-none-any\n"
                + "^^^^^^^^^^^^^^^^", assertThrows(InvalidTagException.class, () -> Tag.parse("py2.py3-none-any"))
                .getMessage());
        assertEquals(Optional.empty(), Tag.tryParse("py3-none"));
        assertEquals(Optional.of(new Tag("py3", "none", "any")), Tag.tryParse("PY3-NONE-ANY"));
    }

    @Test
    void compress_sortsAndJoinsEachComponent() {
        assertEquals("py2.py3-none-any", Tag.compress(Tag.parseAll("py3.py2-none-any")));
        assertEquals("cp312-cp312-manylinux2014_x86_64.manylinux_2_17_x86_64",
                Tag.compress(Tag.parseAll("cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64")));
        assertThrows(IllegalArgumentException.class, () -> Tag.compress(Set.of()));
    }

    @Test
    void compareTo_isComponentWise() {
        assertTrue(Tag.parse("cp311-abi3-any").compareTo(Tag.parse("cp312-abi3-any")) < 0);
        assertTrue(Tag.parse("cp312-abi3-any").compareTo(Tag.parse("cp312-cp312-any")) < 0);
        assertEquals(0, Tag.parse("py3-none-any").compareTo(new Tag("PY3", "NONE", "ANY")));
    }
}
