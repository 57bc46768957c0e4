package dev.pinwheel.resolve;

import java.util.Objects;

/**
 * No set of pins satisfies the request. The {@link #explanation()} names a minimal set of reasons and renders
 * them as a short derivation; the message is that rendering.
 */
public final class UnsatisfiableException extends ResolutionException {
    private static final long serialVersionUID = 1L;

    private final transient Explanation explanation;

    UnsatisfiableException(Explanation explanation) {
        super(Objects.requireNonNull(explanation, "explanation").render(), null);
        this.explanation = explanation;
    }

    /** Why there is no solution. */
    public Explanation explanation() {
        return explanation;
    }
}
