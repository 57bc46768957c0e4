package dev.pinwheel.lock;

import dev.pinwheel.name.PackageName;

import java.util.Objects;

/**
 * A dependency edge of a lock: {@code from} (a pin's normalized name, or an input label such as
 * {@code -r requirements.in}) requires {@code to} with {@code requirement} (its text, marker included).
 * Immutable and thread-safe.
 *
 * @param from        the requiring pin's normalized name, or an input label
 * @param to          the required project
 * @param requirement the requirement's text
 */
public record LockedDependency(String from, PackageName to, String requirement) {
    public LockedDependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(requirement, "requirement");
    }
}
