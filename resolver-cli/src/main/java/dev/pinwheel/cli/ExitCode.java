package dev.pinwheel.cli;

/** The exit statuses of {@code pinwheel}, as the README documents them. */
final class ExitCode {
    /** Resolved; the lock was written. */
    static final int OK = 0;
    /** No solution: the explanation is on standard error. */
    static final int NO_SOLUTION = 1;
    /** Bad usage or bad input: the message names the file, line and problem. */
    static final int USAGE = 2;
    /** An index could not be reached or served bad data. */
    static final int INDEX = 3;
    /** A bug in Pinwheel (sysexits' {@code EX_SOFTWARE}): the stack trace is printed for the report. */
    static final int INTERNAL = 70;

    private ExitCode() {
    }
}
