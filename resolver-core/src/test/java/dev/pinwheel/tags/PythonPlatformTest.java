package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonPlatformTest {

    @ParameterizedTest
    @CsvSource({
        "linux, LINUX_GLIBC, x86_64, 2, 28",
        "x86_64-unknown-linux-gnu, LINUX_GLIBC, x86_64, 2, 28",
        "aarch64-unknown-linux-gnu, LINUX_GLIBC, aarch64, 2, 28",
        "x86_64-manylinux_2_17, LINUX_GLIBC, x86_64, 2, 17",
        "x86_64-manylinux2014, LINUX_GLIBC, x86_64, 2, 17",
        "manylinux_2_31_aarch64, LINUX_GLIBC, aarch64, 2, 31",
        "powerpc64le-unknown-linux-gnu, LINUX_GLIBC, ppc64le, 2, 28",
        "loongarch64-unknown-linux-gnu, LINUX_GLIBC, loongarch64, 2, 36",
        "riscv64-unknown-linux, LINUX_GLIBC, riscv64, 2, 39",
        "x86_64-unknown-linux-musl, LINUX_MUSL, x86_64, 1, 2",
        "macos, MACOS, arm64, 13, 0",
        "aarch64-apple-darwin, MACOS, arm64, 13, 0",
        "x86_64-apple-darwin, MACOS, x86_64, 13, 0",
        "windows, WINDOWS, amd64, 0, 0",
        "i686-pc-windows-msvc, WINDOWS, x86, 0, 0",
        "aarch64-pc-windows-msvc, WINDOWS, arm64, 0, 0",
        "' X86_64-Manylinux_2_28 ', LINUX_GLIBC, x86_64, 2, 28",
    })
    void parse_mapsUvTargets(String name, PythonPlatform.Os os, String arch, int major, int minor) {
        PythonPlatform p = PythonPlatform.parse(name);
        assertEquals(os, p.os());
        assertEquals(arch, p.arch());
        assertEquals(major, p.osMajor());
        assertEquals(minor, p.osMinor());
    }

    @Test
    void platformTags_followPackagingOrder() {
        assertEquals(Platforms.linuxGlibc(2, 28, "x86_64"), PythonPlatform.parse("linux").platformTags());
        assertEquals(List.of("win_amd64"), PythonPlatform.parse("windows").platformTags());
        assertEquals("macosx_13_0_x86_64", PythonPlatform.parse("x86_64-apple-darwin").platformTags().get(0));
        assertEquals(Platforms.linuxMusl(1, 2, "aarch64"),
                PythonPlatform.parse("aarch64-unknown-linux-musl").platformTags());
        assertEquals(PythonPlatform.parse("x86_64-unknown-linux-gnu"), PythonPlatform.parse("x86_64-manylinux_2_28"));
    }

    @Test
    void markerValues_followUv() {
        assertEquals(Map.of("os_name", "posix", "platform_machine", "x86_64", "platform_release", "",
                "platform_system", "Linux", "platform_version", "", "sys_platform", "linux"),
                PythonPlatform.parse("x86_64-manylinux_2_28").markerValues());
        assertEquals(Map.of("os_name", "posix", "platform_machine", "arm64", "platform_release", "",
                "platform_system", "Darwin", "platform_version", "", "sys_platform", "darwin"),
                PythonPlatform.parse("macos").markerValues());
        assertEquals(Map.of("os_name", "nt", "platform_machine", "x86_64", "platform_release", "",
                "platform_system", "Windows", "platform_version", "", "sys_platform", "win32"),
                PythonPlatform.parse("x86_64-pc-windows-msvc").markerValues());
        assertEquals("x86", PythonPlatform.parse("i686-pc-windows-msvc").markerValues().get("platform_machine"));
        assertEquals("ARM64", PythonPlatform.parse("aarch64-pc-windows-msvc").markerValues().get("platform_machine"));
    }

    @Test
    void parse_rejectsUnknownTargetsWithAList() {
        InvalidPlatformException e =
                assertThrows(InvalidPlatformException.class, () -> PythonPlatform.parse("x86_64-unknown-freebsd"));
        assertEquals("Unknown Python platform `x86_64-unknown-freebsd`; expected a target such as "
                + "`x86_64-manylinux_2_28`, `x86_64-unknown-linux-gnu`, `aarch64-apple-darwin`, "
                + "`x86_64-pc-windows-msvc`, `linux`, `macos` or `windows`\n"
                + "x86_64-unknown-freebsd\n^^^^^^^^^^^^^^^^^^^^^^", e.getMessage());
        assertEquals("Unsupported manylinux architecture `mips`; expected `x86_64`, `aarch64`, `s390x`, `ppc64le`, "
                + "`loongarch64` or `riscv64`\nmips-manylinux_2_28\n^^^^",
                assertThrows(InvalidPlatformException.class, () -> PythonPlatform.parse("mips-manylinux_2_28"))
                        .getMessage());
        assertThrows(InvalidPlatformException.class, () -> PythonPlatform.parse("x86_64-manylinux_2_12"));
        assertEquals(Optional.empty(), PythonPlatform.tryParse("beos"));
    }

    @Test
    void factories_buildExplicitTargets() {
        assertEquals("macosx_14_0_arm64", PythonPlatform.macos(14, 0, "aarch64").platformTags().get(0));
        assertEquals("manylinux_2_35_aarch64", PythonPlatform.manylinux(2, 35, "aarch64").platformTags().get(1));
        assertEquals("musllinux_1_1_x86_64", PythonPlatform.musllinux(1, 1, "x86_64").platformTags().get(1));
        assertEquals("cp312-cp312-win_amd64",
                PythonPlatform.parse("windows").cpython(3, 12).supportedTags().get(0).toString());
    }
}
