package dev.pinwheel.resolve;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import java.util.Objects;
import java.util.Optional;

/**
 * An edge of a {@link Resolution}'s dependency graph: who required a package, and with which requirement
 * (its marker included), for {@code # via} comments and graphs. Immutable and thread-safe.
 *
 * @param from        the dependent package, or empty for a root requirement
 * @param fromExtra   the extra of the dependent through which the requirement applies, if any
 * @param to          the package required
 * @param requirement the requirement as written (after overrides), marker included
 */
public record ResolvedDependency(Optional<PackageName> from, Optional<String> fromExtra, PackageName to,
                                 Requirement requirement) {

    public ResolvedDependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromExtra, "fromExtra");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(requirement, "requirement");
    }
}
