package dev.pinwheel.lock;

import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.resolve.Target;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A lock: the pins of one resolution for one target, each with its usable files and hashes, the dependency
 * edges, and where an installer finds the files. What {@link RequirementsTxt} and {@link Pylock} render. Built
 * from a resolution by {@link LockBuilder}. Immutable and thread-safe.
 *
 * @param target       the target the lock is for
 * @param packages     the pins, sorted by normalized name
 * @param dependencies every dependency edge, sorted by {@code from}, then {@code to}, then requirement
 * @param sources      the index options
 */
public record Lock(Target target, List<LockedPackage> packages, List<LockedDependency> dependencies, LockSources sources) {

    public Lock {
        Objects.requireNonNull(target, "target");
        packages = packages.stream().sorted(Comparator.comparing(p -> p.name().normalized())).toList();
        dependencies = dependencies.stream().sorted(Comparator.comparing(LockedDependency::from)
                .thenComparing(e -> e.to().normalized()).thenComparing(LockedDependency::requirement)).toList();
        Objects.requireNonNull(sources, "sources");
    }

    /** The target's {@code major.minor} Python version, e.g. {@code 3.12}. */
    public String pythonMinorVersion() {
        return target.environment().get(MarkerEnvironment.PYTHON_VERSION)
                .orElseGet(() -> target.python().release(0) + "." + target.python().release(1));
    }

    /**
     * A PEP 508 marker naming the target, for pylock's {@code environments}:
     * {@code python_version == "3.12" and sys_platform == "linux" and platform_machine == "x86_64"}.
     */
    public String environmentMarker() {
        return "python_version == \"" + pythonMinorVersion() + "\" and sys_platform == \""
                + target.environment().get("sys_platform").orElse("") + "\" and platform_machine == \""
                + target.environment().get("platform_machine").orElse("") + "\"";
    }
}
