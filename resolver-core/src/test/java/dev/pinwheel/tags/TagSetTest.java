package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TagSetTest {

    private static final TagSet LINUX = PythonTarget.cpython(3, 12, Platforms.linuxGlibc(2, 28, "x86_64")).tagSet();
    private static final TagSet WINDOWS = PythonTarget.cpython(3, 12, Platforms.windows("amd64")).tagSet();

    @Test
    void rank_followsTheSupportedOrder() {
        assertEquals(OptionalInt.of(0), LINUX.rank(Tag.parse("cp312-cp312-linux_x86_64")));
        assertEquals(OptionalInt.of(1), LINUX.rank(Tag.parse("cp312-cp312-manylinux_2_28_x86_64")));
        assertEquals(OptionalInt.of(29), WINDOWS.rank(Tag.parse("py3-none-any")));
        assertEquals(OptionalInt.empty(), LINUX.rank(Tag.parse("cp313-cp313-manylinux_2_28_x86_64")));
        assertEquals(OptionalInt.empty(), LINUX.rank(Tag.parse("cp312-cp312-manylinux_2_29_x86_64")));
        assertEquals(OptionalInt.empty(), WINDOWS.rank(Tag.parse("cp312-cp312-win32")));
    }

    @Test
    void bestRank_takesTheBestOfAFilesTags() {
        WheelFilename numpy =
                WheelFilename.parse("numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        assertEquals(OptionalInt.of(12), LINUX.bestRank(numpy.tags()));
        assertTrue(numpy.isCompatible(LINUX));
        assertFalse(numpy.isCompatible(WINDOWS));
        assertEquals(OptionalInt.empty(), WINDOWS.bestRank(numpy.tags()));
    }

    @Test
    void best_picksTheMostSpecificCompatibleWheel() {
        List<WheelFilename> wheels = List.of(
                WheelFilename.parse("pkg-1.0-py3-none-any.whl"),
                WheelFilename.parse("pkg-1.0-cp312-cp312-win_amd64.whl"),
                WheelFilename.parse("pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
                WheelFilename.parse("pkg-1.0-cp38-abi3-manylinux_2_28_x86_64.whl"),
                WheelFilename.parse("pkg-1.0-cp313-cp313-manylinux_2_28_x86_64.whl"));
        assertEquals(Optional.of(wheels.get(2)), LINUX.best(wheels, WheelFilename::tags));
        assertEquals(Optional.of(wheels.get(1)), WINDOWS.best(wheels, WheelFilename::tags));
        assertEquals(List.of(wheels.get(2), wheels.get(3), wheels.get(0)),
                LINUX.selectCompatible(wheels, WheelFilename::tags));
        assertEquals(Optional.empty(), LINUX.best(List.of(wheels.get(4)), WheelFilename::tags));
    }

    @Test
    void bestWheel_breaksRankTiesByHighestBuildTag() {
        WheelFilename plain = WheelFilename.parse("foo-1.0-py3-none-any.whl");
        WheelFilename b2 = WheelFilename.parse("foo-1.0-2-py3-none-any.whl");
        WheelFilename b10 = WheelFilename.parse("foo-1.0-10-py3-none-any.whl");
        WheelFilename b10a = WheelFilename.parse("foo-1.0-10a-py3-none-any.whl");
        WheelFilename specific = WheelFilename.parse("foo-1.0-cp312-abi3-win_amd64.whl");
        WheelFilename linux = WheelFilename.parse("foo-1.0-99-cp312-abi3-manylinux_2_17_x86_64.whl");
        assertEquals(Optional.of(b10a), WINDOWS.bestWheel(List.of(plain, b2, b10a, b10)));
        assertEquals(Optional.of(b10), WINDOWS.bestWheel(List.of(plain, b10, b2)));
        assertEquals(Optional.of(b2), WINDOWS.bestWheel(List.of(b2, plain)));
        assertEquals(Optional.of(specific), WINDOWS.bestWheel(List.of(b10, specific, linux)));
        assertEquals(Optional.empty(), WINDOWS.bestWheel(List.of(linux)));
    }

    @Test
    void of_keepsTheFirstRankOfDuplicates() {
        Tag a = Tag.parse("py3-none-any");
        Tag b = Tag.parse("py2-none-any");
        TagSet s = TagSet.of(List.of(a, b, a));
        assertEquals(List.of(a, b), s.tags());
        assertEquals(OptionalInt.of(0), s.rank(a));
        assertEquals(OptionalInt.of(1), s.rank(b));
    }

    @Test
    void freeThreaded_prefersAbi3tAndRejectsAbi3() {
        TagSet ft = PythonTarget.cpythonFreeThreaded(3, 13, Platforms.windows("amd64")).tagSet();
        assertEquals(Tag.parse("cp313-cp313t-win_amd64"), ft.tags().get(0));
        assertEquals(OptionalInt.of(1), ft.rank(Tag.parse("cp313-abi3t-win_amd64")));
        assertEquals(OptionalInt.empty(), ft.rank(Tag.parse("cp313-abi3-win_amd64")));
        assertEquals(OptionalInt.empty(), ft.rank(Tag.parse("cp313-cp313-win_amd64")));
        assertTrue(ft.contains(Tag.parse("py3-none-any")));
    }
}
