package dev.pinwheel.metadata;

import dev.pinwheel.text.InvalidInputException;

/** A {@code License-Expression} that is not a valid SPDX license expression (PEP 639). */
public final class InvalidLicenseExpressionException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    InvalidLicenseExpressionException(String reason, String input, int errorIndex, int errorLength) {
        super(reason, input, errorIndex, errorLength);
    }
}
