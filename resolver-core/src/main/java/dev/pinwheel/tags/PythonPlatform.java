package dev.pinwheel.tags;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target platform named as uv's {@code --python-platform} names it, for resolving on behalf of another
 * machine: the platform tags that machine supports and the PEP 508 marker values it implies.
 *
 * <table>
 * <caption>Accepted names</caption>
 * <tr><th>name</th><th>platform</th></tr>
 * <tr><td>{@code linux}, {@code x86_64-unknown-linux-gnu}</td><td>glibc 2.28 (manylinux_2_28), x86_64</td></tr>
 * <tr><td>{@code aarch64-unknown-linux-gnu}, {@code s390x-unknown-linux-gnu}, {@code powerpc64le-unknown-linux-gnu}</td>
 *     <td>glibc 2.28</td></tr>
 * <tr><td>{@code loongarch64-unknown-linux-gnu}</td><td>glibc 2.36</td></tr>
 * <tr><td>{@code riscv64-unknown-linux}, {@code riscv64-unknown-linux-gnu}</td><td>glibc 2.39</td></tr>
 * <tr><td>{@code x86_64-unknown-linux-musl}, {@code aarch64-unknown-linux-musl}</td><td>musl 1.2</td></tr>
 * <tr><td>{@code <arch>-manylinux_2_<N>}, {@code <arch>-manylinux2014}, {@code manylinux_2_<N>_<arch>},
 *     {@code manylinux2014_<arch>}</td><td>glibc 2.N (2014 = 2.17); uv lists N = 17, 28, 31..40, any N &ge; 17
 *     is accepted here</td></tr>
 * <tr><td>{@code macos}, {@code aarch64-apple-darwin}</td><td>macOS 13.0, arm64 (uv's default deployment target)</td></tr>
 * <tr><td>{@code x86_64-apple-darwin}</td><td>macOS 13.0, x86_64</td></tr>
 * <tr><td>{@code windows}, {@code x86_64-pc-windows-msvc}</td><td>win_amd64</td></tr>
 * <tr><td>{@code i686-pc-windows-msvc}</td><td>win32</td></tr>
 * <tr><td>{@code aarch64-pc-windows-msvc}</td><td>win_arm64</td></tr>
 * </table>
 *
 * <p>The marker values follow uv: {@code os_name}, {@code platform_machine}, {@code platform_system}, {@code
 * sys_platform}, and empty {@code platform_release} and {@code platform_version}. Note that uv reports {@code
 * platform_machine} {@code x86_64} (not CPython's {@code AMD64}) for {@code x86_64-pc-windows-msvc}. Unlike uv,
 * the macOS deployment target is never read from the environment; use {@link #macos(int, int, String)}.
 * The platform tags are ordered as pypa/packaging 26 orders them on such a machine ({@code linux_<arch>} first).
 *
 * <pre>{@code
 * PythonPlatform p = PythonPlatform.parse("aarch64-apple-darwin");
 * p.platformTags().get(0);               // "macosx_13_0_arm64"
 * p.markerValues().get("sys_platform");  // "darwin"
 * TagSet tags = p.cpython(3, 12).tagSet();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PythonPlatform {

    /** The operating system family of a platform. */
    public enum Os {
        /** Linux with glibc: manylinux tags. */
        LINUX_GLIBC,
        /** Linux with musl: musllinux tags. */
        LINUX_MUSL,
        /** macOS. */
        MACOS,
        /** Windows. */
        WINDOWS
    }

    private static final Pattern ARCH_MANYLINUX =
            Pattern.compile("([a-z0-9_]+?)-manylinux(?:_(\\d+)_(\\d+)|(2014))");
    private static final Pattern MANYLINUX_ARCH =
            Pattern.compile("manylinux(?:_(\\d+)_(\\d+)|(2014))_([a-z0-9_]+)");

    private final String name;
    private final Os os;
    private final String arch;
    private final int osMajor;
    private final int osMinor;
    private final List<String> platformTags;
    private final Map<String, String> markerValues;

    private PythonPlatform(String name, Os os, String arch, int osMajor, int osMinor) {
        this.name = name;
        this.os = os;
        this.arch = arch;
        this.osMajor = osMajor;
        this.osMinor = osMinor;
        switch (os) {
            case LINUX_GLIBC:
                this.platformTags = Platforms.linuxGlibc(osMajor, osMinor, arch);
                break;
            case LINUX_MUSL:
                this.platformTags = Platforms.linuxMusl(osMajor, osMinor, arch);
                break;
            case MACOS:
                this.platformTags = Platforms.macos(osMajor, osMinor, arch);
                break;
            default:
                this.platformTags = Platforms.windows(arch);
                break;
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("os_name", os == Os.WINDOWS ? "nt" : "posix");
        m.put("platform_machine", machine(os, arch));
        m.put("platform_release", "");
        m.put("platform_system", os == Os.WINDOWS ? "Windows" : os == Os.MACOS ? "Darwin" : "Linux");
        m.put("platform_version", "");
        m.put("sys_platform", os == Os.WINDOWS ? "win32" : os == Os.MACOS ? "darwin" : "linux");
        this.markerValues = java.util.Collections.unmodifiableMap(m);
    }

    private static String machine(Os os, String arch) {
        if (os == Os.WINDOWS) {
            switch (arch) {
                case "x86":
                    return "x86";
                case "arm64":
                    return "ARM64";
                default:
                    return "x86_64";
            }
        }
        return arch;
    }

    /**
     * Parses a platform name such as {@code x86_64-manylinux_2_28}, {@code aarch64-apple-darwin} or {@code
     * linux}. Letters are matched case-insensitively and surrounding whitespace is ignored.
     *
     * @throws InvalidPlatformException if the name is not one of the accepted forms
     */
    public static PythonPlatform parse(String platform) {
        Objects.requireNonNull(platform, "platform");
        String s = platform.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "windows":
            case "x86_64-pc-windows-msvc":
            case "x8664-pc-windows-msvc":
                return new PythonPlatform(s, Os.WINDOWS, "amd64", 0, 0);
            case "i686-pc-windows-msvc":
                return new PythonPlatform(s, Os.WINDOWS, "x86", 0, 0);
            case "aarch64-pc-windows-msvc":
            case "arm64-pc-windows-msvc":
                return new PythonPlatform(s, Os.WINDOWS, "arm64", 0, 0);
            case "linux":
            case "x86_64-unknown-linux-gnu":
            case "x8664-unknown-linux-gnu":
                return new PythonPlatform(s, Os.LINUX_GLIBC, "x86_64", 2, 28);
            case "aarch64-unknown-linux-gnu":
                return new PythonPlatform(s, Os.LINUX_GLIBC, "aarch64", 2, 28);
            case "s390x-unknown-linux-gnu":
                return new PythonPlatform(s, Os.LINUX_GLIBC, "s390x", 2, 28);
            case "powerpc64le-unknown-linux-gnu":
                return new PythonPlatform(s, Os.LINUX_GLIBC, "ppc64le", 2, 28);
            case "loongarch64-unknown-linux-gnu":
                return new PythonPlatform(s, Os.LINUX_GLIBC, "loongarch64", 2, 36);
            case "riscv64-unknown-linux":
            case "riscv64-unknown-linux-gnu":
                return new PythonPlatform(s, Os.LINUX_GLIBC, "riscv64", 2, 39);
            case "x86_64-unknown-linux-musl":
            case "x8664-unknown-linux-musl":
                return new PythonPlatform(s, Os.LINUX_MUSL, "x86_64", 1, 2);
            case "aarch64-unknown-linux-musl":
                return new PythonPlatform(s, Os.LINUX_MUSL, "aarch64", 1, 2);
            case "macos":
            case "aarch64-apple-darwin":
                return new PythonPlatform(s, Os.MACOS, "arm64", 13, 0);
            case "x86_64-apple-darwin":
            case "x8664-apple-darwin":
                return new PythonPlatform(s, Os.MACOS, "x86_64", 13, 0);
            default:
                break;
        }
        Matcher m = ARCH_MANYLINUX.matcher(s);
        if (m.matches()) {
            return manylinuxTriple(platform, s, m.group(1), m.group(2), m.group(3), m.group(4) != null);
        }
        m = MANYLINUX_ARCH.matcher(s);
        if (m.matches()) {
            return manylinuxTriple(platform, s, m.group(4), m.group(1), m.group(2), m.group(3) != null);
        }
        throw new InvalidPlatformException(
                "Unknown Python platform `" + platform + "`; expected a target such as `x86_64-manylinux_2_28`, "
                        + "`x86_64-unknown-linux-gnu`, `aarch64-apple-darwin`, `x86_64-pc-windows-msvc`, "
                        + "`linux`, `macos` or `windows`",
                platform, 0, platform.length());
    }

    private static PythonPlatform manylinuxTriple(String input, String s, String rawArch, String major,
            String minor, boolean is2014) {
        String arch = linuxArch(rawArch);
        if (arch == null) {
            int at = input.toLowerCase(Locale.ROOT).indexOf(rawArch);
            throw new InvalidPlatformException(
                    "Unsupported manylinux architecture `" + rawArch + "`; expected `x86_64`, `aarch64`, `s390x`, "
                            + "`ppc64le`, `loongarch64` or `riscv64`",
                    input, Math.max(0, at), rawArch.length());
        }
        int ma = is2014 ? 2 : parseSmall(major, input);
        int mi = is2014 ? 17 : parseSmall(minor, input);
        if (ma != 2 || mi < 17) {
            throw new InvalidPlatformException(
                    "Unsupported manylinux version `" + ma + "_" + mi + "`; targets start at `manylinux_2_17`",
                    input, 0, input.length());
        }
        return new PythonPlatform(s, Os.LINUX_GLIBC, arch, ma, mi);
    }

    private static int parseSmall(String digits, String input) {
        if (digits.length() > 4) {
            throw new InvalidPlatformException("Version number too large: `" + digits + "`", input,
                    input.indexOf(digits), digits.length());
        }
        return Integer.parseInt(digits);
    }

    private static String linuxArch(String raw) {
        switch (raw) {
            case "x86_64":
            case "x8664":
                return "x86_64";
            case "aarch64":
            case "arm64":
                return "aarch64";
            case "s390x":
                return "s390x";
            case "ppc64le":
            case "powerpc64le":
                return "ppc64le";
            case "loongarch64":
                return "loongarch64";
            case "riscv64":
                return "riscv64";
            default:
                return null;
        }
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    public static Optional<PythonPlatform> tryParse(String platform) {
        if (platform == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(platform));
        } catch (InvalidPlatformException e) {
            return Optional.empty();
        }
    }

    /**
     * A glibc Linux target: {@code linux_<arch>} and the manylinux tags down from {@code
     * manylinux_<glibcMajor>_<glibcMinor>}.
     */
    public static PythonPlatform manylinux(int glibcMajor, int glibcMinor, String arch) {
        String a = Platforms.normalize(arch);
        return new PythonPlatform(a + "-manylinux_" + glibcMajor + "_" + glibcMinor, Os.LINUX_GLIBC, a, glibcMajor,
                glibcMinor);
    }

    /** A musl Linux target: {@code linux_<arch>} and the musllinux tags down from the given musl. */
    public static PythonPlatform musllinux(int muslMajor, int muslMinor, String arch) {
        String a = Platforms.normalize(arch);
        return new PythonPlatform(a + "-musllinux_" + muslMajor + "_" + muslMinor, Os.LINUX_MUSL, a, muslMajor,
                muslMinor);
    }

    /** A macOS target with an explicit deployment target, e.g. {@code macos(14, 0, "arm64")}. */
    public static PythonPlatform macos(int major, int minor, String arch) {
        String a = arch.equals("aarch64") ? "arm64" : arch;
        return new PythonPlatform(a + "-apple-darwin" + major + "." + minor, Os.MACOS, a, major, minor);
    }

    /** The name as given (lower case), e.g. {@code x86_64-manylinux_2_28}. */
    public String name() {
        return name;
    }

    /** The operating system family. */
    public Os os() {
        return os;
    }

    /** The architecture as it appears in platform tags ({@code x86_64}, {@code arm64}, {@code amd64}, ...). */
    public String arch() {
        return arch;
    }

    /**
     * The OS or C library version the tags are computed for: glibc {@code (2, 28)}, musl {@code (1, 2)}, macOS
     * {@code (13, 0)}; {@code (0, 0)} on Windows.
     */
    public int osMajor() {
        return osMajor;
    }

    /** See {@link #osMajor()}. */
    public int osMinor() {
        return osMinor;
    }

    /** The platform tags this platform supports, most preferred first. */
    public List<String> platformTags() {
        return platformTags;
    }

    /**
     * The PEP 508 marker values this platform implies: {@code os_name}, {@code platform_machine}, {@code
     * platform_release}, {@code platform_system}, {@code platform_version}, {@code sys_platform}. Python-version
     * markers are not included; they come from the interpreter.
     */
    public Map<String, String> markerValues() {
        return markerValues;
    }

    /** A CPython {@code major.minor} target on this platform. */
    public PythonTarget cpython(int major, int minor) {
        return PythonTarget.cpython(major, minor, platformTags);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PythonPlatform)) {
            return false;
        }
        PythonPlatform p = (PythonPlatform) o;
        return os == p.os && arch.equals(p.arch) && osMajor == p.osMajor && osMinor == p.osMinor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(os, arch, osMajor, osMinor);
    }

    /** The name. */
    @Override
    public String toString() {
        return name;
    }
}
