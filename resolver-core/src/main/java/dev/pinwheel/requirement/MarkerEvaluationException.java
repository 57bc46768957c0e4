package dev.pinwheel.requirement;

/**
 * Thrown when a marker cannot be evaluated in an environment: the marker names a variable the
 * {@link MarkerEnvironment} does not define (packaging's {@code UndefinedEnvironmentName}), or it
 * compares values with an operator that is undefined for them, such as {@code ~=} on a value that is
 * not a version (packaging's {@code UndefinedComparison}).
 *
 * <p>Unchecked: a well-formed environment and marker never raise it. Instances are immutable.
 */
public final class MarkerEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what could not be evaluated, one line */
    public MarkerEvaluationException(String message) {
        super(message);
    }
}
