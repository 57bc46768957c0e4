package dev.pinwheel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a command may use from its process: the streams, the environment variables, whether standard error is a
 * terminal (for progress), the working directory and the raw arguments (for the header of a lock). Tests pass
 * their own; {@link Main} passes the real ones.
 *
 * @param in       standard input (read for the input file `-`)
 * @param out      standard output
 * @param err      standard error
 * @param getenv   environment variable lookup
 * @param terminal true when standard error is a terminal: progress is shown
 * @param cwd      the directory relative paths are read from
 * @param args     the arguments after {@code pinwheel}
 */
record Context(java.io.InputStream in, PrintWriter out, PrintWriter err, Function<String, Optional<String>> getenv, boolean terminal, Path cwd,
               List<String> args) {
    Context {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(getenv, "getenv");
        Objects.requireNonNull(cwd, "cwd");
        args = List.copyOf(args);
    }

    /** {@code p} against the working directory, unless absolute; kept as given for display. */
    Path path(String p) {
        Path given = Path.of(p);
        return cwd.resolve(given);
    }
}
