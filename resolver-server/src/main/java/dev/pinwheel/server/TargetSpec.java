package dev.pinwheel.server;

import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.tags.PythonPlatform;
import dev.pinwheel.tags.Tag;
import dev.pinwheel.tags.TagSet;
import dev.pinwheel.version.Version;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The machine a request resolves for: its marker environment, its supported tags in preference order, and the
 * Python version that {@code Requires-Python} is checked against. Built either from a Python version and a
 * platform name (as the CLI's {@code --python-version} and {@code --python-platform}) or from an explicit
 * environment and tag list. Immutable and thread-safe.
 *
 * @param environment the PEP 508 marker values
 * @param tags        the supported tags, most preferred first
 * @param python      the interpreter version ({@code python_full_version})
 * @param canonical   the target as ordered JSON-ready data, equal for equal targets however they were spelled
 */
record TargetSpec(MarkerEnvironment environment, TagSet tags, Version python, Map<String, Object> canonical) {

    TargetSpec {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(python, "python");
        canonical = Collections.unmodifiableMap(new LinkedHashMap<>(canonical));
    }

    /**
     * CPython {@code pythonVersion} ({@code 3.12} or {@code 3.12.4}; {@code 3.12} means {@code 3.12.0}, as uv
     * assumes) on {@code platform}.
     */
    static TargetSpec of(int major, int minor, String fullVersion, PythonPlatform platform) {
        Map<String, String> vars = new TreeMap<>(MarkerEnvironment.builder().cpython(fullVersion).build().asMap());
        vars.putAll(platform.markerValues());
        MarkerEnvironment env = MarkerEnvironment.of(vars);
        String full = env.get(MarkerEnvironment.PYTHON_FULL_VERSION).orElseThrow();
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("implementation", "cpython");
        canonical.put("python", full);
        canonical.put("os", platform.os().name().toLowerCase(Locale.ROOT));
        canonical.put("arch", platform.arch());
        canonical.put("os_version", platform.osMajor() + "." + platform.osMinor());
        return new TargetSpec(env, platform.cpython(major, minor).tagSet(), Version.parse(full), canonical);
    }

    /** A short description for comments, e.g. {@code CPython 3.12.0 on linux_glibc 2.28 x86_64}. */
    String describe() {
        if (canonical.containsKey("implementation")) {
            return "CPython " + canonical.get("python") + " on " + canonical.get("os") + " " + canonical.get("os_version")
                    + " " + canonical.get("arch");
        }
        return "Python " + python + " with an explicit environment and " + tags.size() + " tags";
    }

    /** An explicit environment and tag list, taken as given. */
    static TargetSpec explicit(SortedMap<String, String> environment, List<Tag> tags, Version python) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("environment", new TreeMap<>(environment));
        canonical.put("tags", tags.stream().map(Tag::toString).collect(Collectors.toList()));
        return new TargetSpec(MarkerEnvironment.of(environment), TagSet.of(tags), python, canonical);
    }
}
