package dev.pinwheel.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the real {@code pinwheel} command in-process with captured streams. */
final class Cli {
    /** The repository root, where the README's commands run. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return run(ROOT, Map.of(), args);
    }

    static Result run(Path cwd, Map<String, String> env, String... args) {
        return run(cwd, env, false, args);
    }

    static Result run(Path cwd, Map<String, String> env, boolean terminal, String... args) {
        return run(cwd, env, terminal, "", args);
    }

    static Result runWithInput(Path cwd, String stdin, String... args) {
        return run(cwd, Map.of(), false, stdin, args);
    }

    private static Result run(Path cwd, Map<String, String> env, boolean terminal, String stdin, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context ctx = new Context(new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), k -> Optional.ofNullable(env.get(k)), terminal, cwd,
                List.of(args));
        int status = Pinwheel.run(ctx);
        return new Result(status, out.toString(), err.toString());
    }
}
