package dev.pinwheel.tags;

import dev.pinwheel.text.InvalidInputException;

/**
 * Thrown when a compatibility tag (PEP 425) cannot be parsed: it does not have exactly three
 * {@code -}-separated components, a component (or a member of a compressed tag set) is empty, the
 * interpreter is not a Python identifier, or the compressed tag set is not sorted when sorting is required.
 *
 * <p>Instances are immutable.
 */
public final class InvalidTagException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    InvalidTagException(String reason, String input, int errorIndex, int errorLength) {
        super(reason, input, errorIndex, errorLength);
    }
}
