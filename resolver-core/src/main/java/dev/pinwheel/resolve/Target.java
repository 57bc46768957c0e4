package dev.pinwheel.resolve;

import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.tags.PythonPlatform;
import dev.pinwheel.tags.TagSet;
import dev.pinwheel.version.InvalidVersionException;
import dev.pinwheel.version.Version;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a resolution is for: the PEP 508 marker values, the supported wheel tags, and the Python
 * version that {@code Requires-Python} is checked against. Nothing is read from the host. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * MarkerEnvironment env = MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64);
 * TagSet tags = PythonTarget.cpython(3, 12, Platforms.manylinux("x86_64", 2, 28)).tagSet();
 * Target target = Target.of(env, tags);          // Requires-Python checked against 3.12.1
 * }</pre>
 *
 * @param environment the marker environment
 * @param tags        the supported wheel tags, most preferred first
 * @param python      the Python version for {@code Requires-Python} (uv's {@code --python-version})
 */
public record Target(MarkerEnvironment environment, TagSet tags, Version python) {
    private static final Pattern CPYTHON_VERSION = Pattern.compile("3\\.(\\d{1,2})(\\.\\d{1,3})?");

    public Target {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(python, "python");
    }

    /**
     * A target whose Python version is the environment's {@code python_full_version}.
     *
     * @throws IllegalArgumentException when the environment has no valid {@code python_full_version}
     */
    public static Target of(MarkerEnvironment environment, TagSet tags) {
        String full = environment.get(MarkerEnvironment.PYTHON_FULL_VERSION)
                .orElseThrow(() -> new IllegalArgumentException("environment has no `python_full_version`"));
        return new Target(environment, tags, Version.parse(full));
    }

    /**
     * CPython {@code pythonVersion} on {@code platform}, as uv's {@code --python-version} and {@code --python-platform}
     * describe a machine: the marker environment of that interpreter on that platform, the tags it supports (as
     * packaging's {@code sys_tags()} orders them), and {@code Requires-Python} checked against the full version.
     * A version without a micro part means micro 0 ({@code 3.12} is {@code 3.12.0}), as uv assumes.
     *
     * <pre>{@code
     * Target t = Target.of("3.12", PythonPlatform.parse("x86_64-manylinux_2_28"));
     * t.python();                                   // 3.12.0
     * t.environment().get("sys_platform");          // Optional[linux]
     * }</pre>
     *
     * @param pythonVersion a CPython 3 version, {@code 3.12} or {@code 3.12.4}
     * @param platform      the platform
     * @throws InvalidVersionException when {@code pythonVersion} is not of that form
     */
    public static Target of(String pythonVersion, PythonPlatform platform) {
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        Objects.requireNonNull(platform, "platform");
        Matcher m = CPYTHON_VERSION.matcher(pythonVersion);
        if (!m.matches()) {
            throw new InvalidVersionException("Expected a CPython 3 version such as `3.12` or `3.12.4`", pythonVersion,
                    0, Math.max(1, pythonVersion.length()));
        }
        String full = m.group(2) == null ? pythonVersion + ".0" : pythonVersion;
        Map<String, String> vars = new TreeMap<>(MarkerEnvironment.builder().cpython(full).build().asMap());
        vars.putAll(platform.markerValues());
        TagSet tags = platform.cpython(3, Integer.parseInt(m.group(1))).tagSet();
        return new Target(MarkerEnvironment.of(vars), tags, Version.parse(full));
    }

    /** A copy checking {@code Requires-Python} against another version. */
    public Target withPython(Version value) {
        return new Target(environment, tags, value);
    }
}
