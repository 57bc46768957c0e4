package dev.pinwheel.requirement;

import dev.pinwheel.version.Specifier;

import java.util.Optional;

/** Version comparisons of marker values, as packaging 26's {@code _eval_op} does them. Stateless. */
final class VersionMarkerOps {
    private VersionMarkerOps() {
    }

    /**
     * {@code Specifier(op + rhs).contains(lhs, prereleases=True)}, or empty when {@code op + rhs} is not
     * a valid specifier (the caller then compares strings). Under {@code ===} the strings are compared
     * as given, ignoring case; otherwise a {@code lhs} that is not a version matches nothing.
     */
    static Optional<Boolean> compare(String op, String lhs, String rhs) {
        Optional<Specifier> spec = Specifier.tryParse(op + rhs);
        return spec.map(s -> s.contains(lhs));
    }
}
