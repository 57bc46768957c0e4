package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WheelFilenameTest {

    @Test
    void parse_readsEveryPart() {
        WheelFilename w = WheelFilename.parse("Foo.Bar-1.0rc1-7b-py2.py3-none-any.whl");
        assertEquals(PackageName.parse("foo-bar"), w.name());
        assertEquals("Foo.Bar", w.name().original());
        assertEquals(Version.parse("1.0rc1"), w.version());
        assertEquals(Optional.of(new BuildTag(7, "b")), w.buildTag());
        assertEquals(Set.of(Tag.parse("py2-none-any"), Tag.parse("py3-none-any")), w.tags());
        assertEquals("py2.py3-none-any", w.tagText());
        assertEquals("Foo.Bar-1.0rc1-7b-py2.py3-none-any.whl", w.filename());
        assertEquals(w.filename(), w.toString());
    }

    @Test
    void parse_errorsNameTheFileAndThePart() {
        assertEquals("Invalid wheel filename: `1.x` is not a valid version\nfoobar-1.x-py3-none-any.whl\n       ^^^",
                assertThrows(InvalidFilenameException.class, () -> WheelFilename.parse("foobar-1.x-py3-none-any.whl"))
                        .getMessage());
        assertEquals("Invalid wheel filename: the build tag `abc` must start with a digit\n"
                + "foo-1.0-abc-py3-none-any.whl\n        ^^^",
                assertThrows(InvalidFilenameException.class, () -> WheelFilename.parse("foo-1.0-abc-py3-none-any.whl"))
                        .getMessage());
        assertEquals("Invalid wheel filename: the project name `foo__bar` contains `__`\n"
                + "foo__bar-1.0-py3-none-any.whl\n   ^^",
                assertThrows(InvalidFilenameException.class,
                        () -> WheelFilename.parse("foo__bar-1.0-py3-none-any.whl")).getMessage());
        assertEquals("Invalid wheel filename: the interpreter component `py3.` has an empty alternative\n"
                + "foo-1.0-py3.-none-any.whl\n            ^",
                assertThrows(InvalidFilenameException.class, () -> WheelFilename.parse("foo-1.0-py3.-none-any.whl"))
                        .getMessage());
        assertEquals("Invalid wheel filename: expected 5 or 6 `-`-separated parts (name, version, optional build "
                + "tag, python tag, abi tag, platform tag), found 2\nfoo-1.0.whl\n^^^^^^^",
                assertThrows(InvalidFilenameException.class, () -> WheelFilename.parse("foo-1.0.whl")).getMessage());
        assertEquals("Invalid wheel filename: the extension must be `.whl`\nfoo-1.0-py3-none-any.wheel\n"
                + "                    ^^^^^^",
                assertThrows(InvalidFilenameException.class, () -> WheelFilename.parse("foo-1.0-py3-none-any.wheel"))
                        .getMessage());
        InvalidFilenameException e =
                assertThrows(InvalidFilenameException.class, () -> WheelFilename.parse("foo-1.0-py3-none-any.whl.x"));
        assertEquals("foo-1.0-py3-none-any.whl.x", e.input());
    }

    @Test
    void parse_requireSortedTags() {
        assertEquals("Invalid wheel filename: the interpreter component `py3.py2` is not in sorted order as PEP 425 "
                + "asks\nfoo-1.0-py3.py2-none-any.whl\n        ^^^^^^^",
                assertThrows(InvalidFilenameException.class,
                        () -> WheelFilename.parse("foo-1.0-py3.py2-none-any.whl", true)).getMessage());
        assertEquals(2, WheelFilename.parse("foo-1.0-py3.py2-none-any.whl").tags().size());
    }

    @Test
    void of_composesLikePackaging() {
        WheelFilename w = WheelFilename.of(PackageName.parse("Foo.Bar"), Version.parse("1.0.0"),
                Optional.of(new BuildTag(2, "x")), List.of(Tag.parse("py3-none-any"), Tag.parse("py2-none-any")));
        assertEquals("foo_bar-1.0.0-2x-py2.py3-none-any.whl", w.filename());
        assertEquals(w, WheelFilename.parse(w.filename()));
        assertEquals("foo-1.0-cp312-abi3-win_amd64.whl", WheelFilename.of(PackageName.parse("foo"),
                Version.parse("1.0"), Optional.empty(), Set.of(Tag.parse("cp312-abi3-win_amd64"))).filename());
    }

    @Test
    void equality_ignoresSpellingButNotBuildOrTags() {
        assertEquals(WheelFilename.parse("Foo-1.0-py3-none-any.whl"), WheelFilename.parse("foo-1.0.0-py3-none-any.whl"));
        assertNotEquals(WheelFilename.parse("foo-1.0-1-py3-none-any.whl"), WheelFilename.parse("foo-1.0-py3-none-any.whl"));
        assertNotEquals(WheelFilename.parse("foo-1.0-py2-none-any.whl"), WheelFilename.parse("foo-1.0-py3-none-any.whl"));
    }

    @Test
    void buildTag_ordersNumericallyThenBySuffix() {
        assertTrue(BuildTag.parse("2").compareTo(BuildTag.parse("10")) < 0);
        assertTrue(BuildTag.parse("10").compareTo(BuildTag.parse("10a")) < 0);
        assertTrue(BuildTag.parse("10a").compareTo(BuildTag.parse("10b")) < 0);
        assertEquals(new BuildTag(1000, ""), BuildTag.parse("1000"));
        assertEquals(new BuildTag(7, "x"), BuildTag.parse("007x"));
        assertThrows(IllegalArgumentException.class, () -> BuildTag.parse("x1"));
        assertThrows(IllegalArgumentException.class, () -> BuildTag.parse("99999999999999999999"));
        assertFalse(BuildTag.tryParse("").isPresent());
    }

    @Test
    void distributionFilename_dispatchesByExtension() {
        assertTrue(DistributionFilename.parse("foo-1.0-py3-none-any.whl") instanceof WheelFilename);
        assertTrue(DistributionFilename.parse("foo-1.0.tar.gz") instanceof SdistFilename);
        assertTrue(DistributionFilename.parse("foo-1.0.zip") instanceof SdistFilename);
        assertEquals("Unsupported distribution file extension `.egg`; expected `.whl`, `.tar.gz` or `.zip`\n"
                + "foo-1.0-py2.7.egg\n             ^^^^",
                assertThrows(InvalidFilenameException.class, () -> DistributionFilename.parse("foo-1.0-py2.7.egg"))
                        .getMessage());
        assertEquals("Unsupported distribution file extension `.exe`; expected `.whl`, `.tar.gz` or `.zip`\n"
                + "foo-1.0.win32.exe\n             ^^^^",
                assertThrows(InvalidFilenameException.class, () -> DistributionFilename.parse("foo-1.0.win32.exe"))
                        .getMessage());
        assertEquals("Unsupported distribution file extension `.tar.bz2`; expected `.whl`, `.tar.gz` or `.zip`\n"
                + "foo-1.0.tar.bz2\n       ^^^^^^^^",
                assertThrows(InvalidFilenameException.class, () -> DistributionFilename.parse("foo-1.0.tar.bz2"))
                        .getMessage());
        assertEquals("Missing distribution file extension; expected `.whl`, `.tar.gz` or `.zip`\nREADME\n      ^",
                assertThrows(InvalidFilenameException.class, () -> DistributionFilename.parse("README"))
                        .getMessage());
        assertEquals(Optional.empty(), DistributionFilename.tryParse("foo-1.0.msi"));
    }
}
