package dev.pinwheel.tags;

import dev.pinwheel.text.InvalidInputException;

/**
 * Thrown when a target platform name (for example a {@code --python-platform} value such as
 * {@code x86_64-manylinux_2_28}) is not recognized.
 *
 * <p>Instances are immutable.
 */
public final class InvalidPlatformException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    InvalidPlatformException(String reason, String input, int errorIndex, int errorLength) {
        super(reason, input, errorIndex, errorLength);
    }
}
