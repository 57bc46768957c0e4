package dev.pinwheel.cli;

import java.util.Objects;

/**
 * Bad usage or bad input: the command exits with status 2 and prints the message, never a stack trace.
 * The message already names the file and line and shows a caret where one helps.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }

    UsageException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }
}
