package dev.pinwheel.resolve;

import dev.pinwheel.name.PackageName;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;

/**
 * A set of packages named by an option: none, all, or some by name (such as {@code --only-binary :all:} or
 * {@code --upgrade-package requests}). Immutable and thread-safe.
 *
 * <pre>{@code
 * PackageSelection.of(Set.of(PackageName.parse("numpy"))).contains(PackageName.parse("NumPy")); // true
 * }</pre>
 *
 * @param all   whether every package is selected
 * @param names the selected packages when not {@code all}
 */
public record PackageSelection(boolean all, SortedSet<PackageName> names) {

    /** No package. */
    public static final PackageSelection NONE = new PackageSelection(false, Collections.emptySortedSet());
    /** Every package. */
    public static final PackageSelection ALL = new PackageSelection(true, Collections.emptySortedSet());

    public PackageSelection {
        Objects.requireNonNull(names, "names");
        TreeSet<PackageName> copy = new TreeSet<>();
        copy.addAll(names);
        names = Collections.unmodifiableSortedSet(copy);
    }

    /** The packages named, or {@link #NONE} when {@code names} is empty. */
    public static PackageSelection of(Set<PackageName> names) {
        TreeSet<PackageName> copy = new TreeSet<>();
        copy.addAll(names);
        return new PackageSelection(false, copy);
    }

    /** Whether {@code name} is selected. */
    public boolean contains(PackageName name) {
        return all || names.contains(name);
    }
}
