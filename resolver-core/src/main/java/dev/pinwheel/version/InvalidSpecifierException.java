package dev.pinwheel.version;

import dev.pinwheel.text.InvalidInputException;

/**
 * A string that is not a valid PEP 440 version specifier or specifier set. The message names the problem,
 * repeats the input and draws a caret under the offending part.
 */
public final class InvalidSpecifierException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** See {@link InvalidInputException#InvalidInputException(String, String, int, int)}. */
    public InvalidSpecifierException(String reason, String input, int errorIndex, int errorLength) {
        super(reason, input, errorIndex, errorLength);
    }
}
