package dev.pinwheel.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Platform tag lists for explicit targets, most preferred first, computed as pypa/packaging 26 computes them
 * for the running machine ({@code _linux_platforms}, {@code _manylinux.platform_tags}, {@code
 * _musllinux.platform_tags}, {@code mac_platforms}, {@code ios_platforms}, {@code android_platforms}), but from
 * arguments instead of from the host.
 *
 * <pre>{@code
 * Platforms.linuxGlibc(2, 17, "aarch64");
 *   // [linux_aarch64, manylinux_2_17_aarch64, manylinux2014_aarch64]
 * Platforms.macos(14, 0, "arm64");
 *   // [macosx_14_0_arm64, macosx_14_0_universal2, macosx_13_0_arm64, ..., macosx_10_4_universal2]
 * Platforms.windows("amd64");
 *   // [win_amd64]
 * }</pre>
 *
 * <p>This class holds only static functions; it is thread-safe.
 */
public final class Platforms {

    /** Architectures for which packaging yields manylinux tags without looking at the ELF header. */
    private static final Set<String> MANYLINUX_ARCHS =
            Set.of("x86_64", "aarch64", "ppc64", "ppc64le", "s390x", "loongarch64", "riscv64");

    /** packaging's guess for the last minor version of a glibc major version that is not the current one. */
    private static final int LAST_GLIBC_MINOR = 50;

    private Platforms() {
    }

    /**
     * The platforms of a glibc Linux machine, as packaging 26's {@code _linux_platforms}: {@code linux_<arch>}
     * first (packaging 26.3 moved it ahead of manylinux), then the manylinux tags of {@link #manylinux}.
     * A 32-bit ARM interpreter on {@code armv8l} also accepts {@code armv7l}.
     *
     * @param arch the machine architecture as in {@code sysconfig.get_platform()}: {@code x86_64}, {@code
     *             aarch64}, {@code i686}, {@code armv7l}, {@code armv8l}, {@code ppc64le}, {@code s390x}, ...
     */
    public static List<String> linuxGlibc(int glibcMajor, int glibcMinor, String arch) {
        List<String> archs = linuxArchs(arch);
        List<String> out = new ArrayList<>();
        for (String a : archs) {
            out.add("linux_" + a);
        }
        out.addAll(manylinux(glibcMajor, glibcMinor, archs));
        return List.copyOf(out);
    }

    /**
     * The platforms of a musl Linux machine: {@code linux_<arch>} first, then the musllinux tags of
     * {@link #musllinux}. (On musl packaging finds no glibc, so no manylinux tags.)
     */
    public static List<String> linuxMusl(int muslMajor, int muslMinor, String arch) {
        List<String> archs = linuxArchs(arch);
        List<String> out = new ArrayList<>();
        for (String a : archs) {
            out.add("linux_" + a);
        }
        out.addAll(musllinux(muslMajor, muslMinor, archs));
        return List.copyOf(out);
    }

    /**
     * The platform of a generic Linux machine without a known C library: only {@code linux_<arch>} (and
     * {@code linux_armv7l} after {@code linux_armv8l}).
     */
    public static List<String> linux(String arch) {
        List<String> out = new ArrayList<>();
        for (String a : linuxArchs(arch)) {
            out.add("linux_" + a);
        }
        return List.copyOf(out);
    }

    /**
     * The architecture a Linux interpreter reports, as packaging's {@code _linux_platforms}: a 32-bit
     * interpreter on a 64-bit kernel runs {@code i686} code on {@code x86_64} and {@code armv8l} code on
     * {@code aarch64}; anything else is unchanged. {@code machine} may be given as {@code sysconfig} writes it
     * ({@code linux-x86_64}).
     */
    public static String interpreterArch(String machine, boolean is32Bit) {
        String a = normalize(machine);
        if (a.startsWith("linux_")) {
            a = a.substring("linux_".length());
        }
        if (is32Bit && a.equals("x86_64")) {
            return "i686";
        }
        if (is32Bit && a.equals("aarch64")) {
            return "armv8l";
        }
        return a;
    }

    /**
     * The Linux architectures an interpreter on {@code arch} loads, as packaging: {@code armv8l} also loads
     * {@code armv7l}.
     */
    static List<String> linuxArchs(String arch) {
        String a = normalize(Objects.requireNonNull(arch, "arch"));
        return a.equals("armv8l") ? List.of("armv8l", "armv7l") : List.of(a);
    }

    /**
     * The PEP 600 manylinux tags a machine with the given glibc accepts, newest first, for one architecture:
     * {@code manylinux_<major>_<minor>_<arch>} from the given glibc down to 2.17 (down to 2.5 on {@code
     * x86_64} and {@code i686}), each legacy alias ({@code manylinux2014} = 2.17, {@code manylinux2010} = 2.12,
     * {@code manylinux1} = 2.5) right after its PEP 600 name. Architectures that packaging does not consider
     * manylinux-capable get no tags. As packaging on a real machine, {@code i686} and {@code armv7l} are
     * assumed to run the matching 32-bit ABI (packaging checks the interpreter's ELF header there).
     */
    public static List<String> manylinux(int glibcMajor, int glibcMinor, String arch) {
        return manylinux(glibcMajor, glibcMinor, List.of(normalize(arch)));
    }

    private static List<String> manylinux(int glibcMajor, int glibcMinor, List<String> archs) {
        return manylinux(glibcMajor, glibcMinor, archs, (arch, version) -> true);
    }

    /**
     * As {@link #manylinux(int, int, String)} for several architectures, keeping only the glibc versions
     * {@code compatible} accepts (packaging's {@code _is_compatible}, which a {@code _manylinux} module can
     * override on a real machine).
     */
    static List<String> manylinux(int glibcMajor, int glibcMinor, List<String> archs,
            java.util.function.BiPredicate<String, int[]> compatible) {
        if (glibcMajor < 0 || glibcMinor < 0) {
            throw new IllegalArgumentException("glibc version < 0: " + glibcMajor + "." + glibcMinor);
        }
        boolean abiOk = archs.contains("armv7l") || archs.contains("i686")
                || archs.stream().anyMatch(MANYLINUX_ARCHS::contains);
        List<String> out = new ArrayList<>();
        if (!abiOk) {
            return out;
        }
        // The oldest glibc: 2.17 everywhere, 2.5 on x86.
        int tooOldMinor = archs.contains("x86_64") || archs.contains("i686") ? 4 : 16;
        int tooOldMajor = 2;
        for (String arch : archs) {
            for (int major = glibcMajor; major > 1; major--) {
                int maxMinor = major == glibcMajor ? glibcMinor : LAST_GLIBC_MINOR;
                int minMinor = major == tooOldMajor ? tooOldMinor : -1;
                for (int minor = maxMinor; minor > minMinor; minor--) {
                    if (!compatible.test(arch, new int[] {major, minor})) {
                        continue;
                    }
                    out.add("manylinux_" + major + "_" + minor + "_" + arch);
                    String legacy = legacyManylinux(major, minor);
                    if (legacy != null) {
                        out.add(legacy + "_" + arch);
                    }
                }
            }
        }
        return out;
    }

    private static String legacyManylinux(int major, int minor) {
        if (major != 2) {
            return null;
        }
        switch (minor) {
            case 17:
                return "manylinux2014";
            case 12:
                return "manylinux2010";
            case 5:
                return "manylinux1";
            default:
                return null;
        }
    }

    /**
     * The PEP 656 musllinux tags a machine with the given musl accepts, newest first: {@code
     * musllinux_<major>_<minor>_<arch>} for every minor from the given one down to 0.
     */
    public static List<String> musllinux(int muslMajor, int muslMinor, String arch) {
        return musllinux(muslMajor, muslMinor, List.of(normalize(arch)));
    }

    private static List<String> musllinux(int muslMajor, int muslMinor, List<String> archs) {
        if (muslMajor < 0 || muslMinor < 0) {
            throw new IllegalArgumentException("musl version < 0: " + muslMajor + "." + muslMinor);
        }
        List<String> out = new ArrayList<>();
        for (String arch : archs) {
            for (int minor = muslMinor; minor >= 0; minor--) {
                out.add("musllinux_" + muslMajor + "_" + minor + "_" + arch);
            }
        }
        return out;
    }

    /**
     * The macOS platform tags, as packaging's {@code mac_platforms(version, arch)}: before macOS 11 every
     * {@code 10.x} from the given one down to {@code 10.0}; from macOS 11 on every major version down to 11
     * (minor 0), then {@code 10.16} down to {@code 10.4} (all binary formats on {@code x86_64}, only
     * {@code universal2} on {@code arm64}). For each version the {@linkplain #macBinaryFormats binary formats}
     * are listed in preference order.
     *
     * @param arch the CPU architecture: {@code arm64}, {@code x86_64}, {@code i386}, {@code ppc}, {@code ppc64}
     *             or {@code intel}
     */
    public static List<String> macos(int major, int minor, String arch) {
        Objects.requireNonNull(arch, "arch");
        List<String> out = new ArrayList<>();
        if (major == 10) {
            for (int m = minor; m >= 0; m--) {
                for (String format : macBinaryFormats(10, m, arch)) {
                    out.add("macosx_10_" + m + "_" + format);
                }
            }
        }
        if (major >= 11) {
            for (int ma = major; ma > 10; ma--) {
                for (String format : macBinaryFormats(ma, 0, arch)) {
                    out.add("macosx_" + ma + "_0_" + format);
                }
            }
            for (int m = 16; m > 3; m--) {
                if (arch.equals("x86_64")) {
                    for (String format : macBinaryFormats(10, m, arch)) {
                        out.add("macosx_10_" + m + "_" + format);
                    }
                } else {
                    out.add("macosx_10_" + m + "_universal2");
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The binary formats a macOS {@code major.minor} on {@code cpuArch} can load, most specific first, as
     * packaging's {@code _mac_binary_formats}: e.g. {@code x86_64, intel, fat64, fat3, universal2, universal}.
     * Empty when the architecture did not exist on that version.
     */
    public static List<String> macBinaryFormats(int major, int minor, String cpuArch) {
        List<String> formats = new ArrayList<>();
        formats.add(cpuArch);
        boolean before104 = major < 10 || (major == 10 && minor < 4);
        switch (cpuArch) {
            case "x86_64":
                if (before104) {
                    return List.of();
                }
                formats.addAll(List.of("intel", "fat64", "fat3"));
                break;
            case "i386":
                if (before104) {
                    return List.of();
                }
                formats.addAll(List.of("intel", "fat3", "fat"));
                break;
            case "ppc64":
                if (major > 10 || (major == 10 && minor > 5) || before104) {
                    return List.of();
                }
                formats.add("fat64");
                break;
            case "ppc":
                if (major > 10 || (major == 10 && minor > 6)) {
                    return List.of();
                }
                formats.addAll(List.of("fat3", "fat"));
                break;
            default:
                break;
        }
        if (cpuArch.equals("arm64") || cpuArch.equals("x86_64")) {
            formats.add("universal2");
        }
        if (Set.of("x86_64", "i386", "ppc64", "ppc", "intel").contains(cpuArch)) {
            formats.add("universal");
        }
        return List.copyOf(formats);
    }

    /**
     * The architecture a macOS interpreter reports, as packaging's {@code _mac_arch}: a 32-bit interpreter on
     * a 64-bit machine reports {@code i386} (or {@code ppc} on PowerPC).
     */
    public static String macArch(String machine, boolean is32Bit) {
        if (!is32Bit) {
            return machine;
        }
        return machine.startsWith("ppc") ? "ppc" : "i386";
    }

    /**
     * The single Windows platform tag for an architecture: {@code win_amd64} ({@code amd64}, {@code x86_64}),
     * {@code win32} ({@code x86}, {@code i386}, {@code i686}, {@code win32}) or {@code win_arm64} ({@code arm64},
     * {@code aarch64}).
     *
     * @throws IllegalArgumentException for any other architecture
     */
    public static List<String> windows(String arch) {
        switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
            case "win_amd64":
                return List.of("win_amd64");
            case "x86":
            case "i386":
            case "i686":
            case "win32":
                return List.of("win32");
            case "arm64":
            case "aarch64":
            case "win_arm64":
                return List.of("win_arm64");
            default:
                throw new IllegalArgumentException("Unknown Windows architecture: " + arch);
        }
    }

    /**
     * The iOS platform tags, as packaging's {@code ios_platforms(version, multiarch)}: {@code
     * ios_<major>_<minor>_<multiarch>} from the given version down to 12.0, trying minors up to 9 for earlier
     * majors. Empty before iOS 12.
     *
     * @param multiarch e.g. {@code arm64_iphoneos} or {@code arm64_iphonesimulator}
     */
    public static List<String> ios(int major, int minor, String multiarch) {
        String m = multiarch.replace('-', '_');
        List<String> out = new ArrayList<>();
        if (major < 12) {
            return out;
        }
        out.add("ios_" + major + "_" + minor + "_" + m);
        for (int mi = minor - 1; mi >= 0; mi--) {
            out.add("ios_" + major + "_" + mi + "_" + m);
        }
        for (int ma = major - 1; ma > 11; ma--) {
            for (int mi = 9; mi >= 0; mi--) {
                out.add("ios_" + ma + "_" + mi + "_" + m);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The Android platform tags, as packaging's {@code android_platforms(api_level, abi)}: {@code
     * android_<level>_<abi>} from the given API level down to 16.
     *
     * @param abi e.g. {@code arm64_v8a} or {@code x86_64}
     */
    public static List<String> android(int apiLevel, String abi) {
        String a = normalize(abi);
        List<String> out = new ArrayList<>();
        for (int level = apiLevel; level >= 16; level--) {
            out.add("android_" + level + "_" + a);
        }
        return List.copyOf(out);
    }

    /** packaging's {@code _normalize_string}: {@code .}, {@code -} and space become {@code _}. */
    static String normalize(String s) {
        return s.replace('.', '_').replace('-', '_').replace(' ', '_');
    }
}
