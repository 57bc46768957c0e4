package dev.pinwheel.tags;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Python interpreter on a machine, described explicitly: the implementation, the Python version, the
 * ABIs it loads and the platforms it runs on. From it, {@link #supportedTags()} gives the ordered list of
 * compatibility tags exactly as pypa/packaging 26's {@code sys_tags()} would yield when run by that
 * interpreter on that machine.
 *
 * <pre>{@code
 * PythonTarget t = PythonTarget.cpython(3, 12, Platforms.linuxGlibc(2, 28, "x86_64"));
 * t.supportedTags().get(0);                  // cp312-cp312-linux_x86_64
 * PythonTarget ft = PythonTarget.cpythonFreeThreaded(3, 13, Platforms.windows("amd64"));
 * ft.abis();                                  // [cp313t]
 * }</pre>
 *
 * <p>Nothing is read from the host. Instances are immutable and thread-safe.
 */
public final class PythonTarget {

    /** The Python implementation, which decides the tag-generation rules. */
    public enum Implementation {
        /** CPython: {@code cp} interpreter tags, {@code abi3}/{@code abi3t} stable ABI tags. */
        CPYTHON("cp"),
        /** PyPy: generic tags with a {@code pp} interpreter, plus {@code pp3-none-any}. */
        PYPY("pp"),
        /** GraalPy: generic tags with a {@code graalpy} interpreter. */
        GRAALPY("graalpy"),
        /** Any other implementation: generic tags with the interpreter tag given explicitly. */
        GENERIC("");

        private final String shortName;

        Implementation(String shortName) {
            this.shortName = shortName;
        }

        /** The interpreter tag prefix ({@code cp}, {@code pp}, {@code graalpy}), empty for {@link #GENERIC}. */
        public String shortName() {
            return shortName;
        }
    }

    private final Implementation implementation;
    private final int major;
    private final int minor;
    private final String interpreter;
    private final List<String> abis;
    private final List<String> platforms;

    private PythonTarget(Implementation implementation, int major, int minor, String interpreter,
            List<String> abis, List<String> platforms) {
        this.implementation = implementation;
        this.major = major;
        this.minor = minor;
        this.interpreter = interpreter;
        this.abis = List.copyOf(abis);
        this.platforms = List.copyOf(platforms);
    }

    /**
     * A CPython interpreter with its default ABI: {@code cp<XY>} from 3.8 on, {@code cp<XY>m} (pymalloc)
     * before, as packaging's {@code _cpython_abis} for a release (non-debug) build.
     *
     * @param platforms the platform tags, most preferred first (see {@link Platforms})
     */
    public static PythonTarget cpython(int major, int minor, List<String> platforms) {
        checkVersion(major, minor);
        String nodot = "" + major + minor;
        String abi = (major < 3 || (major == 3 && minor < 8)) ? "cp" + nodot + "m" : "cp" + nodot;
        return new PythonTarget(Implementation.CPYTHON, major, minor, "cp" + nodot, List.of(abi),
                checkPlatforms(platforms));
    }

    /**
     * A free-threaded CPython (PEP 703, 3.13 and later): ABI {@code cp<XY>t}. Such an interpreter cannot
     * load {@code abi3} wheels; packaging 26 offers {@code abi3t} tags instead.
     *
     * @throws IllegalArgumentException before Python 3.13
     */
    public static PythonTarget cpythonFreeThreaded(int major, int minor, List<String> platforms) {
        checkVersion(major, minor);
        if (major < 3 || (major == 3 && minor < 13)) {
            throw new IllegalArgumentException("free-threaded CPython needs 3.13 or later: " + major + "." + minor);
        }
        String nodot = "" + major + minor;
        return new PythonTarget(Implementation.CPYTHON, major, minor, "cp" + nodot, List.of("cp" + nodot + "t"),
                checkPlatforms(platforms));
    }

    /**
     * A PyPy interpreter implementing Python {@code major.minor}; the interpreter tag is {@code pp<XY>}.
     *
     * @param abi the PyPy ABI from its extension suffix, e.g. {@code pypy310_pp73}
     */
    public static PythonTarget pypy(int major, int minor, String abi, List<String> platforms) {
        checkVersion(major, minor);
        return new PythonTarget(Implementation.PYPY, major, minor, "pp" + major + minor,
                List.of(abiTag(abi)), checkPlatforms(platforms));
    }

    /**
     * A GraalPy interpreter implementing Python {@code major.minor}; the interpreter tag is {@code
     * graalpy<XY>}.
     *
     * @param abi the GraalPy ABI from its extension suffix, e.g. {@code graalpy242_311_native}
     */
    public static PythonTarget graalpy(int major, int minor, String abi, List<String> platforms) {
        checkVersion(major, minor);
        return new PythonTarget(Implementation.GRAALPY, major, minor, "graalpy" + major + minor,
                List.of(abiTag(abi)), checkPlatforms(platforms));
    }

    /**
     * Any other implementation, with its interpreter tag and ABIs given explicitly (packaging's {@code
     * generic_tags}); {@code none} is added to the ABIs if missing.
     */
    public static PythonTarget generic(String interpreter, int major, int minor, List<String> abis,
            List<String> platforms) {
        checkVersion(major, minor);
        String interp = new Tag(interpreter, "none", "any").interpreter();
        List<String> checked = new ArrayList<>();
        for (String abi : abis) {
            checked.add(abiTag(abi));
        }
        return new PythonTarget(Implementation.GENERIC, major, minor, interp, checked, checkPlatforms(platforms));
    }

    /** A copy with other ABIs (most preferred first), for debug builds ({@code cp312d}) and the like. */
    public PythonTarget withAbis(List<String> newAbis) {
        List<String> checked = new ArrayList<>();
        for (String abi : newAbis) {
            checked.add(abiTag(abi));
        }
        return new PythonTarget(implementation, major, minor, interpreter, checked, platforms);
    }

    /** A copy with other platforms (most preferred first). */
    public PythonTarget withPlatforms(List<String> newPlatforms) {
        return new PythonTarget(implementation, major, minor, interpreter, abis, checkPlatforms(newPlatforms));
    }

    private static void checkVersion(int major, int minor) {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("Python version < 0: " + major + "." + minor);
        }
    }

    private static String abiTag(String abi) {
        return new Tag("py3", Platforms.normalize(Objects.requireNonNull(abi, "abi")), "any").abi();
    }

    private static List<String> checkPlatforms(List<String> platforms) {
        List<String> out = new ArrayList<>(platforms.size());
        for (String p : platforms) {
            out.add(new Tag("py3", "none", Objects.requireNonNull(p, "platform")).platform());
        }
        return out;
    }

    /** The implementation. */
    public Implementation implementation() {
        return implementation;
    }

    /** The Python major version, e.g. 3. */
    public int major() {
        return major;
    }

    /** The Python minor version, e.g. 12. */
    public int minor() {
        return minor;
    }

    /** The most specific interpreter tag: {@code cp312}, {@code pp310}, {@code graalpy311}. */
    public String interpreter() {
        return interpreter;
    }

    /** The ABIs, most preferred first. */
    public List<String> abis() {
        return abis;
    }

    /** The platform tags, most preferred first. */
    public List<String> platforms() {
        return platforms;
    }

    /** Whether this is a free-threaded CPython ({@code t} in the first ABI's flags). */
    public boolean isFreeThreaded() {
        if (implementation != Implementation.CPYTHON || abis.isEmpty()) {
            return false;
        }
        String abi = abis.get(0);
        if (!abi.startsWith("cp")) {
            return false;
        }
        int i = 2;
        while (i < abi.length() && Character.isDigit(abi.charAt(i))) {
            i++;
        }
        return i > 2 && abi.indexOf('t', i) >= 0;
    }

    /**
     * The supported tags, most preferred first, without duplicates, as packaging 26's {@code sys_tags()}:
     * for CPython {@code cpython_tags} then {@code compatible_tags(interpreter="cpXY")}; for PyPy {@code
     * generic_tags} then {@code compatible_tags(interpreter="pp3")}; otherwise {@code generic_tags} then
     * {@code compatible_tags()}.
     */
    public List<Tag> supportedTags() {
        Set<Tag> out = new LinkedHashSet<>(interpreterTags());
        out.addAll(compatibleTags());
        return List.copyOf(out);
    }

    /**
     * The implementation-specific part of {@link #supportedTags()}: packaging's {@code cpython_tags} for
     * CPython ({@code cpXY-<abi>-<platform>}, then {@code abi3} or, free-threaded, {@code abi3t}, then {@code
     * none}, then the stable ABI of every older 3.x down to 3.2), or {@code generic_tags} otherwise (each ABI
     * plus {@code none}, for every platform).
     */
    public List<Tag> interpreterTags() {
        Set<Tag> out = new LinkedHashSet<>();
        if (implementation == Implementation.CPYTHON) {
            cpythonTags(out);
        } else {
            genericTags(out);
        }
        return List.copyOf(out);
    }

    /**
     * The version-compatible part of {@link #supportedTags()}: packaging's {@code compatible_tags}, i.e.
     * {@code py<XY>}, {@code py<X>}, {@code py<X(Y-1)>} ... {@code py<X0>} with ABI {@code none} on every
     * platform, then {@code cpXY-none-any} (CPython) or {@code pp<X>-none-any} (PyPy), then the same
     * {@code py*} interpreters with {@code none-any}.
     */
    public List<Tag> compatibleTags() {
        Set<Tag> out = new LinkedHashSet<>();
        String compatibleInterpreter;
        if (implementation == Implementation.CPYTHON) {
            compatibleInterpreter = interpreter;
        } else {
            compatibleInterpreter = implementation == Implementation.PYPY ? "pp" + major : null;
        }
        compatibleTags(out, compatibleInterpreter);
        return List.copyOf(out);
    }

    /**
     * The ABIs of a CPython build with the given configuration, most preferred first, as packaging's {@code
     * _cpython_abis}: {@code cp<XY>} plus the flags {@code t} (free-threaded, 3.13+), {@code d} (debug),
     * {@code m} (pymalloc, before 3.8) and {@code u} (wide unicode, before 3.3); a debug build from 3.8 on
     * also loads the non-debug ABI.
     *
     * <pre>{@code
     * PythonTarget.cpythonAbis(3, 8, true, false, false, false);   // [cp38d, cp38]
     * PythonTarget.cpythonAbis(3, 7, false, true, false, false);   // [cp37m]
     * }</pre>
     */
    public static List<String> cpythonAbis(int major, int minor, boolean debug, boolean pymalloc,
            boolean wideUnicode, boolean freeThreaded) {
        checkVersion(major, minor);
        boolean atLeast38 = major > 3 || (major == 3 && minor >= 8);
        String version = "cp" + major + minor;
        String threading = freeThreaded && (major > 3 || (major == 3 && minor >= 13)) ? "t" : "";
        String d = debug ? "d" : "";
        String m = !atLeast38 && pymalloc ? "m" : "";
        String u = (major < 3 || (major == 3 && minor < 3)) && wideUnicode ? "u" : "";
        if (atLeast38 && debug) {
            return List.of(version + threading + d + m + u, version + threading);
        }
        return List.of(version + threading + d + m + u);
    }

    /**
     * The ABI tag encoded in an interpreter's {@code EXT_SUFFIX}, as packaging's {@code _generic_abi}:
     * {@code .cpython-312-x86_64-linux-gnu.so} gives {@code cp312}, {@code .cp312-win_amd64.pyd} gives {@code
     * cp312}, {@code .pypy310-pp73-x86_64-linux-gnu.so} gives {@code pypy310_pp73}, {@code
     * .graalpy-38-native-x86_64-darwin.dylib} gives {@code graalpy_38_native}. A bare {@code .pyd} (CPython 3.7
     * and earlier on Windows) carries no ABI and gives empty: use {@link #cpythonAbis} then.
     *
     * @throws IllegalArgumentException if the suffix does not start with {@code .}, or is a {@code cpython}
     *                                  suffix without a version
     */
    public static Optional<String> abiFromExtSuffix(String extSuffix) {
        if (extSuffix == null || !extSuffix.startsWith(".")) {
            throw new IllegalArgumentException("Invalid EXT_SUFFIX: " + extSuffix);
        }
        String[] parts = extSuffix.split("\\.", -1);
        if (parts.length < 3) {
            return Optional.empty();
        }
        String soabi = parts[1];
        String abi;
        if (soabi.startsWith("cpython")) {
            String[] cp = soabi.split("-", -1);
            if (cp.length < 2 || cp[1].isEmpty()) {
                throw new IllegalArgumentException("Invalid EXT_SUFFIX: " + extSuffix);
            }
            abi = "cp" + cp[1];
        } else if (soabi.startsWith("cp")) {
            abi = soabi.split("-", -1)[0];
        } else if (soabi.startsWith("pypy")) {
            abi = firstDashParts(soabi, 2);
        } else if (soabi.startsWith("graalpy")) {
            abi = firstDashParts(soabi, 3);
        } else if (!soabi.isEmpty()) {
            abi = soabi;
        } else {
            return Optional.empty();
        }
        return Optional.of(Platforms.normalize(abi));
    }

    private static String firstDashParts(String s, int n) {
        String[] parts = s.split("-", -1);
        return String.join("-", java.util.Arrays.asList(parts).subList(0, Math.min(n, parts.length)));
    }

    /**
     * The interpreter tag prefix for an implementation name ({@code sys.implementation.name}), as packaging's
     * {@code interpreter_name}: {@code cpython} = {@code cp}, {@code pypy} = {@code pp}, {@code ironpython} =
     * {@code ip}, {@code jython} = {@code jy}, {@code python} = {@code py}; any other name is itself, lower-cased.
     */
    public static String interpreterShortName(String implementationName) {
        String n = implementationName.toLowerCase(Locale.ROOT);
        switch (n) {
            case "python":
                return "py";
            case "cpython":
                return "cp";
            case "pypy":
                return "pp";
            case "ironpython":
                return "ip";
            case "jython":
                return "jy";
            default:
                return n;
        }
    }

    /** The {@link #supportedTags()} as a ranked {@link TagSet}. */
    public TagSet tagSet() {
        return TagSet.of(supportedTags());
    }

    private void cpythonTags(Set<Tag> out) {
        boolean threading = isFreeThreaded();
        List<String> specific = new ArrayList<>(abis);
        specific.remove("abi3");
        specific.remove("none");
        if (threading) {
            specific.remove("abi3t");
        }
        for (String abi : specific) {
            for (String p : platforms) {
                out.add(new Tag(interpreter, abi, p));
            }
        }
        boolean stable = major > 3 || (major == 3 && minor >= 2);
        boolean useAbi3 = stable && !threading;
        boolean useAbi3t = stable && threading;
        if (useAbi3) {
            for (String p : platforms) {
                out.add(new Tag(interpreter, "abi3", p));
            }
        }
        if (useAbi3t) {
            for (String p : platforms) {
                out.add(new Tag(interpreter, "abi3t", p));
            }
        }
        for (String p : platforms) {
            out.add(new Tag(interpreter, "none", p));
        }
        if (useAbi3 || useAbi3t) {
            for (int m = minor - 1; m > 1; m--) {
                String older = "cp" + major + m;
                for (String p : platforms) {
                    if (useAbi3) {
                        out.add(new Tag(older, "abi3", p));
                    }
                    if (useAbi3t) {
                        out.add(new Tag(older, "abi3t", p));
                    }
                }
            }
        }
    }

    private void genericTags(Set<Tag> out) {
        List<String> all = new ArrayList<>(abis);
        if (!all.contains("none")) {
            all.add("none");
        }
        for (String abi : all) {
            for (String p : platforms) {
                out.add(new Tag(interpreter, abi, p));
            }
        }
    }

    private void compatibleTags(Set<Tag> out, String compatibleInterpreter) {
        List<String> versions = new ArrayList<>();
        versions.add("py" + major + minor);
        versions.add("py" + major);
        for (int m = minor - 1; m >= 0; m--) {
            versions.add("py" + major + m);
        }
        for (String v : versions) {
            for (String p : platforms) {
                out.add(new Tag(v, "none", p));
            }
        }
        if (compatibleInterpreter != null) {
            out.add(new Tag(compatibleInterpreter, "none", "any"));
        }
        for (String v : versions) {
            out.add(new Tag(v, "none", "any"));
        }
    }

    /** The ABI-less description, e.g. {@code cpython 3.12 [cp312] on [linux_x86_64, ...]}. */
    @Override
    public String toString() {
        return implementation.name().toLowerCase(Locale.ROOT) + " " + major + "." + minor + " " + abis + " on "
                + platforms;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PythonTarget)) {
            return false;
        }
        PythonTarget t = (PythonTarget) o;
        return implementation == t.implementation && major == t.major && minor == t.minor
                && interpreter.equals(t.interpreter) && abis.equals(t.abis) && platforms.equals(t.platforms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(implementation, major, minor, interpreter, abis, platforms);
    }

    /** The first ABI, the one the most specific tag carries; empty when there is none. */
    public Optional<String> primaryAbi() {
        return abis.isEmpty() ? Optional.empty() : Optional.of(abis.get(0));
    }
}
