package dev.pinwheel.requirement;

import dev.pinwheel.text.InvalidInputException;

/**
 * Thrown when a string is not a valid PEP 508 environment marker. The message gives the reason, the
 * input and a caret line under the offending span, with the same reasons as packaging's
 * {@code InvalidMarker} ({@code Expected a marker variable or quoted string}, ...).
 *
 * <p>Instances are immutable.
 */
public final class InvalidMarkerException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason      what is wrong, one line
     * @param input       the marker string that was parsed
     * @param errorIndex  where the problem starts
     * @param errorLength how many characters are at fault
     */
    public InvalidMarkerException(String reason, String input, int errorIndex, int errorLength) {
        super(reason, input, errorIndex, errorLength);
    }
}
