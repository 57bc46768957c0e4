package dev.pinwheel.cli;


import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.lock.Pylock;
import dev.pinwheel.lock.RequirementsTxt;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.resolve.IndexUnavailableException;
import dev.pinwheel.resolve.Resolution;
import dev.pinwheel.resolve.ResolutionException;
import dev.pinwheel.resolve.ResolutionTimeoutException;
import dev.pinwheel.resolve.UnsatisfiableException;
import dev.pinwheel.version.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pinwheel compile}: resolves the inputs for the target and writes requirements.txt (pip-compile's
 * layout), pylock.toml or a JSON report, to standard output and to {@code -o}.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Resolve requirements into a pinned requirements.txt, pylock.toml or JSON report.")
final class CompileCommand implements Callable<Integer> {
    private final Context ctx;

    @Mixin
    CompileOptions options = new CompileOptions();

    @Parameters(paramLabel = "SRC_FILES", arity = "0..*",
            description = "Requirements files (requirements.in, requirements.txt), pyproject.toml files, or requirements "
                    + "given directly (`'attrs>=23'`). `-` reads a requirements file from standard input.")
    List<String> sources = new ArrayList<>();

    CompileCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        options.sources = sources;
        Compilation c = new Compilation(options, ctx);
        c.validateOptions();
        c.readInputs();
        Map<PackageName, Version> existing = CompileCommand.existingPins(options, ctx);
        Outcome outcome = resolve(c, ctx, existing);
        if (outcome.status() != ExitCode.OK) {
            return outcome.status();
        }
        Report report = c.report(outcome.resolution(), Compilation.command(ctx.args()));
        String format = c.format();
        boolean hashes = options.generateHashes;
        String text = switch (format) {
            case "pylock" -> Pylock.render(report.lock(), report.pylockHeader());
            case "json" -> JsonReportWriter.write(report);
            default -> RequirementsTxt.render(report.lock(), hashes, options.noHeader ? List.of() : report.requirementsHeader());
        };
        if (options.outputFile != null) {
            Path out = ctx.path(options.outputFile);
            try {
                if (out.getParent() != null) {
                    Files.createDirectories(out.getParent());
                }
                Files.writeString(out, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("Cannot write `" + options.outputFile + "`: " + e.getMessage(), e);
            }
        }
        if (!options.quiet) {
            ctx.out().print(text);
            ctx.out().flush();
        }
        return ExitCode.OK;
    }

    /** The pins of the existing output file, or none (with a warning when it cannot be read: it is overwritten). */
    static Map<PackageName, Version> existingPins(CompileOptions options, Context ctx) {
        if (options.outputFile == null) {
            return Map.of();
        }
        try {
            return ExistingLock.read(ctx.path(options.outputFile), Path.of(options.outputFile));
        } catch (UsageException e) {
            if (!options.quiet) {
                ctx.err().println("warning: " + e.getMessage() + "; its pins are not kept");
            }
            return Map.of();
        }
    }

    /** The result of resolving: a resolution, or a status after the error was printed. */
    record Outcome(int status, Resolution resolution) {
    }

    /** Opens the indexes and resolves; prints errors itself and returns their status. */
    static Outcome resolve(Compilation c, Context ctx, Map<PackageName, Version> existing) {
        PackageIndex index;
        try {
            index = c.openIndex();
        } catch (IndexException e) {
            ctx.err().println("error: " + e.getMessage());
            return new Outcome(ExitCode.INDEX, null);
        }
        try (index) {
            Resolution r = c.resolve(index, existing);
            if (!c.quiet()) {
                String line = String.format(Locale.ROOT, "Resolved %d package%s in %d ms", r.packages().size(),
                        r.packages().size() == 1 ? "" : "s", c.progress.elapsedMillis());
                if (c.verbose()) {
                    var s = r.statistics();
                    line += String.format(Locale.ROOT, " (%d project pages, %d metadata, %d of them fetched ahead, %d wasted; "
                            + "%d candidates, %d constraints, %d rounds, %d solver calls, %d conflicts; solving %d ms)",
                            s.projectsFetched(), s.metadataFetched(), s.speculativeFetches(), s.wastedFetches(), s.candidates(), s.constraints(), s.rounds(), s.solverCalls(), s.conflicts(), s.time().toMillis());
                }
                c.progress.done(line);
                if (c.verbose()) {
                    c.requestSummary().forEach(l -> ctx.err().println("  " + l + " for " + c.progress.projects() + " page and "
                            + c.progress.metadataCount() + " metadata lookups (a lookup answered from the cache sends none)"));
                }
            }
            return new Outcome(ExitCode.OK, r);
        } catch (UnsatisfiableException e) {
            c.progress.clear();
            ctx.err().println("error: No solution found for these requirements:");
            ctx.err().println(e.explanation().render().indent(2).stripTrailing());
            return new Outcome(ExitCode.NO_SOLUTION, null);
        } catch (IndexUnavailableException e) {
            c.progress.clear();
            ctx.err().println("error: " + e.getCause().getMessage());
            return new Outcome(ExitCode.INDEX, null);
        } catch (ResolutionTimeoutException e) {
            c.progress.clear();
            ctx.err().println("error: " + e.getMessage());
            return new Outcome(ExitCode.NO_SOLUTION, null);
        } catch (ResolutionException e) {
            c.progress.clear();
            ctx.err().println("error: " + e.getMessage());
            return new Outcome(ExitCode.NO_SOLUTION, null);
        } finally {
            ctx.err().flush();
        }
    }
}
