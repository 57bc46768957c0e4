package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PythonTargetTest {

    private static List<String> strings(List<Tag> tags) {
        return tags.stream().map(Tag::toString).toList();
    }

    @Test
    void cpython_defaultAbiHasPymallocBefore38() {
        assertEquals(List.of("cp37m"), PythonTarget.cpython(3, 7, List.of("any")).abis());
        assertEquals(List.of("cp38"), PythonTarget.cpython(3, 8, List.of("any")).abis());
    }

    @Test
    void cpython_anyPlatformListMatchesPackagingOrder() {
        assertEquals(List.of("cp311-cp311-any", "cp311-abi3-any", "cp311-none-any", "cp310-abi3-any",
                "cp39-abi3-any", "cp38-abi3-any", "cp37-abi3-any", "cp36-abi3-any", "cp35-abi3-any", "cp34-abi3-any",
                "cp33-abi3-any", "cp32-abi3-any", "py311-none-any", "py3-none-any", "py310-none-any",
                "py39-none-any", "py38-none-any", "py37-none-any", "py36-none-any", "py35-none-any", "py34-none-any",
                "py33-none-any", "py32-none-any", "py31-none-any", "py30-none-any"),
                strings(PythonTarget.cpython(3, 11, List.of("any")).supportedTags()));
    }

    @Test
    void pypy_usesGenericTagsAndPp3() {
        PythonTarget pypy = PythonTarget.pypy(3, 10, "pypy310_pp73", List.of("manylinux_2_17_x86_64"));
        assertEquals(List.of("pp310-pypy310_pp73-manylinux_2_17_x86_64", "pp310-none-manylinux_2_17_x86_64",
                "py310-none-manylinux_2_17_x86_64", "py3-none-manylinux_2_17_x86_64"),
                strings(pypy.supportedTags()).subList(0, 4));
        assertTrue(strings(pypy.supportedTags()).contains("pp3-none-any"));
        assertFalse(strings(pypy.supportedTags()).contains("pp310-none-any"));
        assertEquals(Optional.of("pypy310_pp73"), pypy.primaryAbi());
    }

    @Test
    void graalpy_hasNoInterpreterAnyTag() {
        PythonTarget g = PythonTarget.graalpy(3, 11, "graalpy242_311_native", List.of("linux_x86_64"));
        List<String> tags = strings(g.supportedTags());
        assertEquals("graalpy311-graalpy242_311_native-linux_x86_64", tags.get(0));
        assertEquals("graalpy311-none-linux_x86_64", tags.get(1));
        assertEquals("py311-none-any", tags.get(tags.size() - 13));
    }

    @Test
    void cpythonAbis_debugBuildsAlsoLoadReleaseAbi() {
        assertEquals(List.of("cp313td", "cp313t"), PythonTarget.cpythonAbis(3, 13, true, false, false, true));
        assertEquals(List.of("cp27mu"), PythonTarget.cpythonAbis(2, 7, false, true, true, false));
        assertEquals(List.of("cp312"), PythonTarget.cpythonAbis(3, 12, false, true, true, true));
    }

    @Test
    void abiFromExtSuffix_readsEachImplementationsSuffix() {
        assertEquals(Optional.of("cp312"), PythonTarget.abiFromExtSuffix(".cpython-312-x86_64-linux-gnu.so"));
        assertEquals(Optional.of("cp313t"), PythonTarget.abiFromExtSuffix(".cpython-313t-darwin.so"));
        assertEquals(Optional.of("cp310"), PythonTarget.abiFromExtSuffix(".cp310-win_amd64.pyd"));
        assertEquals(Optional.of("pypy38_pp73"), PythonTarget.abiFromExtSuffix(".pypy38-pp73-x86_64-linux-gnu.so"));
        assertEquals(Optional.of("graalpy_38_native"),
                PythonTarget.abiFromExtSuffix(".graalpy-38-native-x86_64-darwin.dylib"));
        assertEquals(Optional.empty(), PythonTarget.abiFromExtSuffix(".pyd"));
        assertThrows(IllegalArgumentException.class, () -> PythonTarget.abiFromExtSuffix("so"));
    }

    @Test
    void freeThreaded_requires313() {
        assertThrows(IllegalArgumentException.class, () -> PythonTarget.cpythonFreeThreaded(3, 12, List.of("any")));
        assertTrue(PythonTarget.cpythonFreeThreaded(3, 14, List.of("any")).isFreeThreaded());
        assertFalse(PythonTarget.cpython(3, 14, List.of("any")).isFreeThreaded());
    }

    @Test
    void with_copiesAndValidates() {
        PythonTarget t = PythonTarget.cpython(3, 12, List.of("any"));
        assertEquals(List.of("cp312d", "cp312"), t.withAbis(List.of("cp312d", "cp312")).abis());
        assertEquals(List.of("win_amd64"), t.withPlatforms(List.of("WIN_AMD64")).platforms());
        assertEquals(t, PythonTarget.cpython(3, 12, List.of("any")));
        assertThrows(InvalidTagException.class, () -> t.withPlatforms(List.of("linux-x86_64")));
    }
}
