package dev.pinwheel.resolve;

/**
 * A resolution did not produce pins: no solution exists ({@link UnsatisfiableException}), the conflict budget
 * ran out ({@link ResolutionTimeoutException}), or the index failed ({@link IndexUnavailableException}).
 */
public abstract sealed class ResolutionException extends Exception
        permits UnsatisfiableException, ResolutionTimeoutException, IndexUnavailableException {
    private static final long serialVersionUID = 1L;

    ResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
