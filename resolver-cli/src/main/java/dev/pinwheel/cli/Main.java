package dev.pinwheel.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code pinwheel} process: runs {@link Pinwheel} on the real streams and exits with its status. The only
 * place that calls {@code System.exit}.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs {@code pinwheel} with {@code args} and exits with its status (0 resolved, 1 no solution, 2 bad usage or
     * input, 3 index failure).
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        boolean terminal = System.console() != null;
        Context ctx = new Context(System.in, out, err, k -> Optional.ofNullable(System.getenv(k)), terminal, Path.of(""), List.of(args));
        int status = Pinwheel.run(ctx);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
