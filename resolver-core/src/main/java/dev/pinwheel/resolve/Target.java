package dev.pinwheel.resolve;

import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.tags.TagSet;
import dev.pinwheel.version.Version;
import java.util.Objects;

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

    /** A copy checking {@code Requires-Python} against another version. */
    public Target withPython(Version value) {
        return new Target(environment, tags, value);
    }
}
