package dev.pinwheel.requirement;

import dev.pinwheel.version.Version;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The values of the PEP 508 environment marker variables for one target interpreter and platform,
 * against which {@link Marker}s are evaluated.
 *
 * <p>Pinwheel never fills these from the host: the caller says which environment it resolves for.
 * A marker that names a variable the environment lacks fails with {@link MarkerEvaluationException}
 * (packaging's {@code UndefinedEnvironmentName}); {@code extra} is the exception and reads as the
 * empty string when unset, as in packaging's {@code "metadata"} context. The set-valued variables
 * {@code extras} and {@code dependency_groups} of PEP 751 lock files are set with
 * {@link Builder#extras(Set)} and {@link Builder#dependencyGroups(Set)}.
 *
 * <pre>{@code
 * MarkerEnvironment env = MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64);
 * env.get("python_version");   // Optional[3.12]
 * MarkerEnvironment custom = MarkerEnvironment.builder().pythonFullVersion("3.11.4").sysPlatform("win32").build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MarkerEnvironment {
    /** The name of the {@code python_version} variable. */
    public static final String PYTHON_VERSION = "python_version";
    /** The name of the {@code python_full_version} variable. */
    public static final String PYTHON_FULL_VERSION = "python_full_version";
    /** The name of the {@code os_name} variable. */
    public static final String OS_NAME = "os_name";
    /** The name of the {@code sys_platform} variable. */
    public static final String SYS_PLATFORM = "sys_platform";
    /** The name of the {@code platform_release} variable. */
    public static final String PLATFORM_RELEASE = "platform_release";
    /** The name of the {@code platform_system} variable. */
    public static final String PLATFORM_SYSTEM = "platform_system";
    /** The name of the {@code platform_version} variable. */
    public static final String PLATFORM_VERSION = "platform_version";
    /** The name of the {@code platform_machine} variable. */
    public static final String PLATFORM_MACHINE = "platform_machine";
    /** The name of the {@code platform_python_implementation} variable. */
    public static final String PLATFORM_PYTHON_IMPLEMENTATION = "platform_python_implementation";
    /** The name of the {@code implementation_name} variable. */
    public static final String IMPLEMENTATION_NAME = "implementation_name";
    /** The name of the {@code implementation_version} variable. */
    public static final String IMPLEMENTATION_VERSION = "implementation_version";
    /** The name of the {@code extra} variable. */
    public static final String EXTRA = "extra";
    /** The name of the set-valued {@code extras} variable (lock files). */
    public static final String EXTRAS = "extras";
    /** The name of the set-valued {@code dependency_groups} variable (lock files). */
    public static final String DEPENDENCY_GROUPS = "dependency_groups";

    /** Common target platforms for {@link #forPython(String, Platform)}. */
    public enum Platform {
        /** Linux on x86-64 (glibc or musl). */
        LINUX_X86_64("posix", "linux", "Linux", "x86_64"),
        /** Linux on 64-bit ARM. */
        LINUX_AARCH64("posix", "linux", "Linux", "aarch64"),
        /** macOS on Apple silicon. */
        MACOS_ARM64("posix", "darwin", "Darwin", "arm64"),
        /** macOS on Intel. */
        MACOS_X86_64("posix", "darwin", "Darwin", "x86_64"),
        /** Windows on x86-64. */
        WINDOWS_AMD64("nt", "win32", "Windows", "AMD64");

        final String osName;
        final String sysPlatform;
        final String platformSystem;
        final String platformMachine;

        Platform(String osName, String sysPlatform, String platformSystem, String platformMachine) {
            this.osName = osName;
            this.sysPlatform = sysPlatform;
            this.platformSystem = platformSystem;
            this.platformMachine = platformMachine;
        }
    }

    private final Map<String, String> values;
    private final Map<String, Set<String>> sets;
    /** The version variables' values parsed as PEP 440 versions, where they are (evaluation fast path). */
    private final Map<String, Version> versions;

    private MarkerEnvironment(Map<String, String> values, Map<String, Set<String>> sets) {
        this(values, sets, parseVersions(values));
    }

    private MarkerEnvironment(Map<String, String> values, Map<String, Set<String>> sets, Map<String, Version> versions) {
        this.values = values;
        this.sets = sets;
        this.versions = versions;
    }

    private static Map<String, Version> parseVersions(Map<String, String> values) {
        Map<String, Version> out = new HashMap<>();
        for (String key : List.of(PYTHON_VERSION, PYTHON_FULL_VERSION, IMPLEMENTATION_VERSION, PLATFORM_RELEASE)) {
            String value = values.get(key);
            if (value != null) {
                if (key.equals(PYTHON_FULL_VERSION)) {
                    value = MarkerEvaluator.repairPythonFullVersion(value);
                }
                Version.tryParse(value).ifPresent(v -> out.put(key, v));
            }
        }
        return out.isEmpty() ? Map.of() : Map.copyOf(out);
    }

    /** The value of a version variable as a version, as marker evaluation reads it. */
    Optional<Version> version(String key) {
        return Optional.ofNullable(versions.get(key));
    }

    /**
     * An environment holding exactly these variables (any names; a marker can only name the PEP 508
     * ones, but a quoted string on the left of a comparison makes the right-hand side a key too).
     */
    public static MarkerEnvironment of(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        Map<String, String> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, k)));
        return new MarkerEnvironment(Collections.unmodifiableMap(copy), Map.of());
    }

    /**
     * CPython {@code pythonFullVersion} (such as {@code 3.12.1}, or {@code 3.12} meaning {@code 3.12.0})
     * on a common platform. {@code platform_release} and {@code platform_version} are empty, as
     * packaging reports them when unknown.
     */
    public static MarkerEnvironment forPython(String pythonFullVersion, Platform platform) {
        return builder().cpython(pythonFullVersion).platform(platform).build();
    }

    /** A builder with no variables set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The value of a string variable, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of a set-valued variable ({@code extras}, {@code dependency_groups}), if set. */
    public Optional<Set<String>> getSet(String key) {
        return Optional.ofNullable(sets.get(key));
    }

    /** A copy with {@code extra} set to {@code extra} (the empty string means no extra). */
    public MarkerEnvironment withExtra(String extra) {
        Objects.requireNonNull(extra, "extra");
        if (extra.equals(values.get(EXTRA))) {
            return this;
        }
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(EXTRA, extra);
        return new MarkerEnvironment(Collections.unmodifiableMap(copy), sets, versions);
    }

    /** A builder that starts from this environment's variables. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        b.sets.putAll(sets);
        return b;
    }

    /** The string variables as an unmodifiable map, sorted by name. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarkerEnvironment && ((MarkerEnvironment) o).values.equals(values)
                && ((MarkerEnvironment) o).sets.equals(sets);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + sets.hashCode();
    }

    @Override
    public String toString() {
        return sets.isEmpty() ? values.toString() : values + " " + sets;
    }

    /** Builds a {@link MarkerEnvironment}. Not thread-safe; the result is. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, Set<String>> sets = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets any variable by name. */
        public Builder set(String key, String value) {
            values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the CPython variables for {@code fullVersion}: {@code python_full_version},
         * {@code python_version} (major.minor), {@code implementation_version},
         * {@code implementation_name} {@code cpython} and {@code platform_python_implementation}
         * {@code CPython}.
         */
        public Builder cpython(String fullVersion) {
            Objects.requireNonNull(fullVersion, "fullVersion");
            String[] parts = fullVersion.split("\\.", -1);
            if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new IllegalArgumentException("fullVersion needs major.minor: " + fullVersion);
            }
            String full = parts.length == 2 ? fullVersion + ".0" : fullVersion;
            int minorEnd = 0;
            while (minorEnd < parts[1].length() && Character.isDigit(parts[1].charAt(minorEnd))) {
                minorEnd++;
            }
            return pythonFullVersion(full)
                    .pythonVersion(parts[0] + "." + parts[1].substring(0, minorEnd))
                    .implementationName("cpython")
                    .implementationVersion(full)
                    .platformPythonImplementation("CPython");
        }

        /**
         * Sets {@code os_name}, {@code sys_platform}, {@code platform_system} and
         * {@code platform_machine} for {@code platform}; {@code platform_release} and
         * {@code platform_version} become empty unless already set.
         */
        public Builder platform(Platform platform) {
            Objects.requireNonNull(platform, "platform");
            values.putIfAbsent(PLATFORM_RELEASE, "");
            values.putIfAbsent(PLATFORM_VERSION, "");
            return osName(platform.osName).sysPlatform(platform.sysPlatform)
                    .platformSystem(platform.platformSystem).platformMachine(platform.platformMachine);
        }

        /** Sets {@code python_version}, such as {@code 3.12}. */
        public Builder pythonVersion(String value) {
            return set(PYTHON_VERSION, value);
        }

        /** Sets {@code python_full_version}, such as {@code 3.12.1}. */
        public Builder pythonFullVersion(String value) {
            return set(PYTHON_FULL_VERSION, value);
        }

        /** Sets {@code os_name}, such as {@code posix}. */
        public Builder osName(String value) {
            return set(OS_NAME, value);
        }

        /** Sets {@code sys_platform}, such as {@code linux}. */
        public Builder sysPlatform(String value) {
            return set(SYS_PLATFORM, value);
        }

        /** Sets {@code platform_release}, such as {@code 6.1.0}. */
        public Builder platformRelease(String value) {
            return set(PLATFORM_RELEASE, value);
        }

        /** Sets {@code platform_system}, such as {@code Linux}. */
        public Builder platformSystem(String value) {
            return set(PLATFORM_SYSTEM, value);
        }

        /** Sets {@code platform_version}, such as {@code #1 SMP}. */
        public Builder platformVersion(String value) {
            return set(PLATFORM_VERSION, value);
        }

        /** Sets {@code platform_machine}, such as {@code x86_64}. */
        public Builder platformMachine(String value) {
            return set(PLATFORM_MACHINE, value);
        }

        /** Sets {@code platform_python_implementation}, such as {@code CPython}. */
        public Builder platformPythonImplementation(String value) {
            return set(PLATFORM_PYTHON_IMPLEMENTATION, value);
        }

        /** Sets {@code implementation_name}, such as {@code cpython}. */
        public Builder implementationName(String value) {
            return set(IMPLEMENTATION_NAME, value);
        }

        /** Sets {@code implementation_version}, such as {@code 3.12.1}. */
        public Builder implementationVersion(String value) {
            return set(IMPLEMENTATION_VERSION, value);
        }

        /** Sets {@code extra} (the empty string means none). */
        public Builder extra(String value) {
            return set(EXTRA, value);
        }

        /** Sets the set-valued {@code extras} variable of lock files. */
        public Builder extras(Set<String> value) {
            sets.put(EXTRAS, Collections.unmodifiableSet(new TreeSet<>(value)));
            return this;
        }

        /** Sets the set-valued {@code dependency_groups} variable of lock files. */
        public Builder dependencyGroups(Set<String> value) {
            sets.put(DEPENDENCY_GROUPS, Collections.unmodifiableSet(new TreeSet<>(value)));
            return this;
        }

        /** The environment. */
        public MarkerEnvironment build() {
            return new MarkerEnvironment(Collections.unmodifiableMap(new TreeMap<>(values)),
                    sets.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sets)));
        }
    }
}
