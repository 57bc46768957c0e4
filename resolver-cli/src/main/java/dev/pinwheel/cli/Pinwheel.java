package dev.pinwheel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code pinwheel} command and its sub-commands, run in-process: {@link #run(Context)} returns the exit
 * status instead of exiting, so tests run the real command with captured streams.
 */
@Command(name = "pinwheel", mixinStandardHelpOptions = true, version = "pinwheel 0.1.0",
        description = "Lock Python requirements into requirements.txt with hashes, pylock.toml or JSON.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:resolved",
            "1:no solution (the explanation is on standard error)",
            "2:bad usage or input",
            "3:an index could not be reached or served bad data",
            "70:internal error (a bug: please report it)"})
public final class Pinwheel implements Runnable {
    private static final java.util.Set<String> SUBCOMMANDS = java.util.Set.of("compile", "explain", "serve");

    private final Context context;

    private Pinwheel(Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command: expected `compile`, `explain` or `serve`");
    }

    /** Runs the command line in {@code context} and returns the exit status. */
    static int run(Context context) {
        CommandLine cl = new CommandLine(new Pinwheel(context));
        // a command's model is built by reading its annotations reflectively, which costs a fresh JVM tens of
        // milliseconds: when the first argument names a sub-command, only that one is built (its usage and its
        // errors never mention the others)
        String first = context.args().isEmpty() ? "" : context.args().get(0);
        boolean one = SUBCOMMANDS.contains(first);
        if (!one || first.equals("compile")) {
            cl.addSubcommand("compile", new CompileCommand(context));
        }
        if (!one || first.equals("explain")) {
            cl.addSubcommand("explain", new ExplainCommand(context));
        }
        if (!one || first.equals("serve")) {
            cl.addSubcommand("serve", new ServeCommand(context));
        }
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = context.err();
            err.println("error: " + ex.getMessage());
            CommandLine sub = ex.getCommandLine();
            err.println("Try `" + sub.getCommandSpec().qualifiedName() + " --help` for the options.");
            err.flush();
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = context.err();
            if (ex instanceof UsageException) {
                err.println("error: " + ex.getMessage());
                err.flush();
                return ExitCode.USAGE;
            }
            if (ex instanceof Compilation.InputHashMismatchException) {
                err.println("error: " + ex.getMessage());
                err.flush();
                return ExitCode.INDEX;
            }
            err.println("error: internal error, please report it: " + ex);
            for (StackTraceElement e : ex.getStackTrace()) {
                err.println("    at " + e);
            }
            err.flush();
            return ExitCode.INTERNAL;
        });
        int status = cl.execute(context.args().toArray(new String[0]));
        context.out().flush();
        context.err().flush();
        return status;
    }
}
