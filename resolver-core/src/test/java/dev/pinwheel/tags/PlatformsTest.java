package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformsTest {

    @Test
    void manylinux_listsLegacyAliasesAfterTheirPep600Names() {
        List<String> tags = Platforms.manylinux(2, 17, "x86_64");
        assertEquals("manylinux_2_17_x86_64", tags.get(0));
        assertEquals("manylinux2014_x86_64", tags.get(1));
        assertEquals("manylinux2010_x86_64", tags.get(tags.indexOf("manylinux_2_12_x86_64") + 1));
        assertEquals("manylinux1_x86_64", tags.get(tags.size() - 1));
        assertEquals("manylinux_2_5_x86_64", tags.get(tags.size() - 2));
        assertEquals(13 + 3, tags.size()); // 2.17 .. 2.5 plus three aliases
    }

    @Test
    void manylinux_stopsAt217OutsideX86() {
        assertEquals(List.of("manylinux_2_18_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64"),
                Platforms.manylinux(2, 18, "aarch64"));
        assertEquals(List.of(), Platforms.manylinux(2, 16, "aarch64"));
        assertEquals(List.of(), Platforms.manylinux(2, 28, "mips"));
        assertEquals("manylinux_2_5_i686", Platforms.manylinux(2, 5, "i686").get(0));
    }

    @Test
    void manylinux_glibc3_continuesInto2x50() {
        // packaging's own test_linux_platforms_manylinux_glibc3 (assumes glibc 2 ended at 2.50)
        List<String> expected = new ArrayList<>(List.of(
                "manylinux_3_2_aarch64", "manylinux_3_1_aarch64", "manylinux_3_0_aarch64"));
        for (int i = 50; i > 16; i--) {
            expected.add("manylinux_2_" + i + "_aarch64");
        }
        expected.add("manylinux2014_aarch64");
        assertEquals(expected, Platforms.manylinux(3, 2, "aarch64"));
    }

    @Test
    void linuxGlibc_putsLinuxFirstAndExpandsArmv8l() {
        assertEquals(List.of("linux_armv8l", "linux_armv7l", "manylinux_2_17_armv8l", "manylinux2014_armv8l",
                "manylinux_2_17_armv7l", "manylinux2014_armv7l"), Platforms.linuxGlibc(2, 17, "armv8l"));
        assertEquals(List.of("linux_riscv64"), Platforms.linuxGlibc(2, 16, "riscv64"));
    }

    @Test
    void musllinux_countsDownToMinorZero() {
        assertEquals(List.of("linux_x86_64", "musllinux_1_2_x86_64", "musllinux_1_1_x86_64", "musllinux_1_0_x86_64"),
                Platforms.linuxMusl(1, 2, "x86_64"));
    }

    @Test
    void macos_matchesPackagingsOwnExamples() {
        assertEquals(List.of("macosx_10_5_x86_64", "macosx_10_5_intel", "macosx_10_5_fat64", "macosx_10_5_fat3",
                "macosx_10_5_universal2", "macosx_10_5_universal", "macosx_10_4_x86_64", "macosx_10_4_intel",
                "macosx_10_4_fat64", "macosx_10_4_fat3", "macosx_10_4_universal2", "macosx_10_4_universal"),
                Platforms.macos(10, 5, "x86_64"));
        assertEquals(14 * 6, Platforms.macos(10, 17, "x86_64").size());
        assertEquals(List.of(), Platforms.macos(10, 0, "x86_64"));
        List<String> arm = Platforms.macos(11, 0, "arm64");
        assertEquals(List.of("macosx_11_0_arm64", "macosx_11_0_universal2", "macosx_10_16_universal2"),
                arm.subList(0, 3));
        assertTrue(Platforms.macos(14, 2, "x86_64").get(0).equals("macosx_14_0_x86_64"));
    }

    @Test
    void windows_mapsArchitectures() {
        assertEquals(List.of("win_amd64"), Platforms.windows("AMD64"));
        assertEquals(List.of("win32"), Platforms.windows("x86"));
        assertEquals(List.of("win_arm64"), Platforms.windows("ARM64"));
        assertThrows(IllegalArgumentException.class, () -> Platforms.windows("mips"));
    }

    @Test
    void iosAndAndroid_countDown() {
        List<String> ios = Platforms.ios(13, 2, "arm64-iphoneos");
        assertEquals(List.of("ios_13_2_arm64_iphoneos", "ios_13_1_arm64_iphoneos", "ios_13_0_arm64_iphoneos",
                "ios_12_9_arm64_iphoneos"), ios.subList(0, 4));
        assertEquals(3 + 10, ios.size());
        assertEquals(List.of(), Platforms.ios(11, 0, "arm64_iphoneos"));
        assertEquals(List.of("android_18_arm64_v8a", "android_17_arm64_v8a", "android_16_arm64_v8a"),
                Platforms.android(18, "arm64-v8a"));
    }
}
