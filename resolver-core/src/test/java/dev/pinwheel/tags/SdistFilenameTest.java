package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Version;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SdistFilenameTest {

    @Test
    void parse_splitsAtTheLastDash() {
        SdistFilename s = SdistFilename.parse("zope.interface-6.4.tar.gz");
        assertEquals(PackageName.parse("zope-interface"), s.name());
        assertEquals(Version.parse("6.4"), s.version());
        assertEquals(SdistFilename.Format.TAR_GZ, s.format());
        assertFalse(s.isPep625());
        SdistFilename legacy = SdistFilename.parse("python-dateutil-2.9.0.zip");
        assertEquals(PackageName.parse("python-dateutil"), legacy.name());
        assertEquals(SdistFilename.Format.ZIP, legacy.format());
    }

    @Test
    void parse_withProject_resolvesDashedVersions() {
        // Without the project, the last dash wins: project `foo-1.0`, version 1.
        SdistFilename naive = SdistFilename.parse("foo-1.0-1.tar.gz");
        assertEquals(PackageName.parse("foo-1.0"), naive.name());
        SdistFilename known = SdistFilename.parse("foo-1.0-1.tar.gz", PackageName.parse("foo"));
        assertEquals(PackageName.parse("foo"), known.name());
        assertEquals(Version.parse("1.0.post1"), known.version());
        assertEquals(Version.parse("2.0"),
                SdistFilename.parse("Foo_Bar-2.0.tar.bz2", PackageName.parse("foo-bar")).version());
        assertEquals(SdistFilename.Format.TGZ, SdistFilename.parse("foo-1.0.TGZ", PackageName.parse("foo")).format());
        assertEquals("Invalid sdist filename: expected the project name `foo` followed by `-` and a version\n"
                + "bar-1.0.tar.gz\n^^^^^^^",
                assertThrows(InvalidFilenameException.class,
                        () -> SdistFilename.parse("bar-1.0.tar.gz", PackageName.parse("foo"))).getMessage());
        // pip finds `foo-bar` as the name part only if it normalizes to the project
        assertThrows(InvalidFilenameException.class,
                () -> SdistFilename.parse("foo-bar-1.0.tar.gz", PackageName.parse("foo")));
    }

    @Test
    void parse_errorsNameTheFileAndThePart() {
        assertEquals("Invalid sdist filename: expected `{name}-{version}.tar.gz`, found no `-`\nfoo1.0.tar.gz\n^^^^^^",
                assertThrows(InvalidFilenameException.class, () -> SdistFilename.parse("foo1.0.tar.gz")).getMessage());
        assertEquals("Invalid sdist filename: `1.x` is not a valid version\nfoo-1.x.tar.gz\n    ^^^",
                assertThrows(InvalidFilenameException.class, () -> SdistFilename.parse("foo-1.x.tar.gz")).getMessage());
        assertEquals("Invalid sdist filename: the project name is empty\n-1.0.zip\n^",
                assertThrows(InvalidFilenameException.class, () -> SdistFilename.parse("-1.0.zip")).getMessage());
        assertEquals("Invalid sdist filename: the extension must be `.tar.gz` or `.zip`\nfoo-1.0.tar.bz2\n"
                + "           ^^^^",
                assertThrows(InvalidFilenameException.class, () -> SdistFilename.parse("foo-1.0.tar.bz2")).getMessage());
        assertEquals(Optional.empty(), SdistFilename.tryParse("foo-1.0.egg"));
    }

    @Test
    void of_composesPep625() {
        SdistFilename s = SdistFilename.of(PackageName.parse("Zope.Interface"), Version.parse("6.04"));
        assertEquals("zope_interface-6.4.tar.gz", s.filename());
        assertTrue(s.isPep625());
        assertEquals(s, SdistFilename.parse(s.filename()));
        assertTrue(SdistFilename.parse("zope_interface-6.4.tar.gz").isPep625());
        assertFalse(SdistFilename.parse("zope_interface-6.04.tar.gz").isPep625());
    }

    @Test
    void equality_isNameVersionFormat() {
        assertEquals(SdistFilename.parse("Foo-1.0.tar.gz"), SdistFilename.parse("foo-1.0.0.tar.gz"));
        assertNotEquals(SdistFilename.parse("foo-1.0.tar.gz"), SdistFilename.parse("foo-1.0.zip"));
    }
}
