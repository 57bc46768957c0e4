package dev.pinwheel.cli;

import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.tags.PythonPlatform;
import dev.pinwheel.tags.TagSet;
import dev.pinwheel.version.Version;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The machine a lock is made for: a CPython version and a platform, from {@code --python-version} and
 * {@code --python-platform}. Immutable and thread-safe.
 *
 * @param pythonVersion  as given, {@code 3.12} or {@code 3.12.4}
 * @param platform       the platform
 * @param environment    the PEP 508 marker environment of the target
 * @param tags           the wheel tags the target supports, best first
 * @param pythonFull     the full interpreter version used for {@code Requires-Python} ({@code 3.12} means {@code 3.12.0})
 */
record Target(String pythonVersion, PythonPlatform platform, MarkerEnvironment environment, TagSet tags, Version pythonFull) {

    Target {
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(pythonFull, "pythonFull");
    }

    /**
     * The target for a Python version and a platform name.
     *
     * @throws UsageException if either is not understood
     */
    static Target of(String pythonVersion, String platformName) {
        if (!pythonVersion.matches("3\\.\\d{1,2}(\\.\\d{1,3})?")) {
            throw new UsageException("Invalid `--python-version` `" + pythonVersion
                    + "`: expected a CPython 3 version such as `3.12` or `3.12.4`");
        }
        PythonPlatform platform = PythonPlatform.tryParse(platformName).orElseThrow(() -> new UsageException(
                "Invalid `--python-platform` `" + platformName + "`: expected a target such as `x86_64-manylinux_2_28`, "
                        + "`aarch64-apple-darwin`, `x86_64-pc-windows-msvc` or `linux`"));
        String[] parts = pythonVersion.split("\\.");
        int minor = Integer.parseInt(parts[1]);
        String full = parts.length == 2 ? pythonVersion + ".0" : pythonVersion;
        Map<String, String> vars = new TreeMap<>(MarkerEnvironment.builder().cpython(full).build().asMap());
        vars.putAll(platform.markerValues());
        MarkerEnvironment env = MarkerEnvironment.of(vars);
        TagSet tags = platform.cpython(3, minor).tagSet();
        return new Target(pythonVersion, platform, env, tags, Version.parse(full));
    }

    /** {@code major.minor}. */
    String minorVersion() {
        String[] parts = pythonVersion.split("\\.");
        return parts[0] + "." + parts[1];
    }

    /** A PEP 508 marker naming this target, for pylock's {@code environments}. */
    String environmentMarker() {
        Map<String, String> m = environment.asMap();
        return "python_version == \"" + minorVersion() + "\" and sys_platform == \"" + m.getOrDefault("sys_platform", "")
                + "\" and platform_machine == \"" + m.getOrDefault("platform_machine", "") + "\"";
    }
}
