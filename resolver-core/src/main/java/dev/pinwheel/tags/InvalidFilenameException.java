package dev.pinwheel.tags;

import dev.pinwheel.text.InvalidInputException;

/**
 * Thrown when a distribution file name (a wheel, PEP 427, or a source distribution, PEP 625) cannot be
 * parsed. The message names the problem and shows the file name with a caret under the faulty part:
 *
 * <pre>{@code
 * Invalid wheel filename: the version `1.x` is not a valid PEP 440 version
 * foobar-1.x-py3-none-any.whl
 *        ^^^
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class InvalidFilenameException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    InvalidFilenameException(String reason, String input, int errorIndex, int errorLength) {
        super(reason, input, errorIndex, errorLength);
    }
}
