package dev.pinwheel.server;

import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.resolve.Target;
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
 * The machine a request resolves for: the resolver's {@link Target} (marker environment, supported tags in
 * preference order, the Python version that {@code Requires-Python} is checked against) and its canonical form for
 * the cache key. Built either from a Python version and a platform name (as the CLI's {@code --python-version} and
 * {@code --python-platform}, through {@link Target#of(String, PythonPlatform)}) or from an explicit environment
 * and tag list. Immutable and thread-safe.
 *
 * @param target    the resolver's target
 * @param canonical the target as ordered JSON-ready data, equal for equal targets however they were spelled
 */
record TargetSpec(Target target, Map<String, Object> canonical) {

    TargetSpec {
        Objects.requireNonNull(target, "target");
        canonical = Collections.unmodifiableMap(new LinkedHashMap<>(canonical));
    }

    /**
     * CPython {@code pythonVersion} ({@code 3.12} or {@code 3.12.4}; {@code 3.12} means {@code 3.12.0}, as uv
     * assumes) on {@code platform}.
     *
     * @throws dev.pinwheel.version.InvalidVersionException when {@code pythonVersion} is not of that form
     */
    static TargetSpec of(String pythonVersion, PythonPlatform platform) {
        Target target = Target.of(pythonVersion, platform);
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("implementation", "cpython");
        canonical.put("python", target.python().toString());
        canonical.put("os", platform.os().name().toLowerCase(Locale.ROOT));
        canonical.put("arch", platform.arch());
        canonical.put("os_version", platform.osMajor() + "." + platform.osMinor());
        return new TargetSpec(target, canonical);
    }

    /** A short description for comments, e.g. {@code CPython 3.12.0 on linux_glibc 2.28 x86_64}. */
    String describe() {
        if (canonical.containsKey("implementation")) {
            return "CPython " + canonical.get("python") + " on " + canonical.get("os") + " " + canonical.get("os_version")
                    + " " + canonical.get("arch");
        }
        return "Python " + target.python() + " with an explicit environment and " + target.tags().size() + " tags";
    }

    /** An explicit environment and tag list, taken as given. */
    static TargetSpec explicit(SortedMap<String, String> environment, List<Tag> tags, Version python) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("environment", new TreeMap<>(environment));
        canonical.put("tags", tags.stream().map(Tag::toString).collect(Collectors.toList()));
        return new TargetSpec(new Target(MarkerEnvironment.of(environment), TagSet.of(tags), python), canonical);
    }
}
