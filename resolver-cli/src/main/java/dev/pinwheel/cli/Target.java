package dev.pinwheel.cli;

import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.tags.PythonPlatform;
import dev.pinwheel.tags.TagSet;
import dev.pinwheel.version.InvalidVersionException;

import java.util.Objects;

/**
 * The machine a lock is made for, as named on the command line: {@code --python-version} and
 * {@code --python-platform}, with the resolver's {@link dev.pinwheel.resolve.Target} they describe
 * ({@link dev.pinwheel.resolve.Target#of(String, PythonPlatform)}). Immutable and thread-safe.
 *
 * @param pythonVersion as given, {@code 3.12} or {@code 3.12.4}
 * @param platform      the platform
 * @param resolved      the marker environment, tags and Python version of the target
 */
record Target(String pythonVersion, PythonPlatform platform, dev.pinwheel.resolve.Target resolved) {

    Target {
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(resolved, "resolved");
    }

    /**
     * The target for a Python version and a platform name.
     *
     * @throws UsageException if either is not understood
     */
    static Target of(String pythonVersion, String platformName) {
        PythonPlatform platform = PythonPlatform.tryParse(platformName).orElseThrow(() -> new UsageException(
                "Invalid `--python-platform` `" + platformName + "`: expected a target such as `x86_64-manylinux_2_28`, "
                        + "`aarch64-apple-darwin`, `x86_64-pc-windows-msvc` or `linux`"));
        try {
            return new Target(pythonVersion, platform, dev.pinwheel.resolve.Target.of(pythonVersion, platform));
        } catch (InvalidVersionException e) {
            throw new UsageException("Invalid `--python-version` `" + pythonVersion
                    + "`: expected a CPython 3 version such as `3.12` or `3.12.4`", e);
        }
    }

    MarkerEnvironment environment() {
        return resolved.environment();
    }

    TagSet tags() {
        return resolved.tags();
    }
}
