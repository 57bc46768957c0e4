package dev.pinwheel.name;

import dev.pinwheel.text.InvalidInputException;

/** A project name or extra name that is not valid under the PyPA name rules. */
public final class InvalidNameException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** See {@link InvalidInputException#InvalidInputException(String, String, int, int)}. */
    public InvalidNameException(String reason, String input, int errorIndex, int errorLength) {
        super(reason, input, errorIndex, errorLength);
    }
}
