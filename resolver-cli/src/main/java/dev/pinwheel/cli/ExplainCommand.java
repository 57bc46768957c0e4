package dev.pinwheel.cli;

import dev.pinwheel.lock.Lock;
import dev.pinwheel.lock.LockedDependency;
import dev.pinwheel.lock.LockedPackage;

import dev.pinwheel.name.PackageName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * {@code pinwheel explain PKG SRC_FILES…}: resolves like {@code compile} and prints why {@code PKG} is in the
 * resolution, as the chains of requirements from the inputs down to it (the {@code # via} lines, followed).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show why a package is in the resolution: every chain of requirements from the inputs to it.")
final class ExplainCommand implements java.util.concurrent.Callable<Integer> {
    private static final int MAX_CHAINS = 20;
    private final Context ctx;

    @Parameters(index = "0", paramLabel = "PKG", description = "The package to explain.")
    String packageName;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "SRC_FILES",
            description = "The inputs, as for `pinwheel compile`.")
    List<String> sources = new ArrayList<>();

    @Mixin
    CompileOptions options = new CompileOptions();

    ExplainCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        PackageName target = PackageName.tryParse(packageName)
                .orElseThrow(() -> new UsageException("Invalid package name `" + packageName + "`"));
        options.sources = sources;
        Compilation c = new Compilation(options, ctx);
        c.validateOptions();
        c.readInputs();
        Map<PackageName, dev.pinwheel.version.Version> existing =
                CompileCommand.existingPins(options, ctx);
        CompileCommand.Outcome outcome = CompileCommand.resolve(c, ctx, existing);
        if (outcome.status() != ExitCode.OK) {
            return outcome.status();
        }
        Lock lock = c.report(outcome.resolution(), Compilation.command(ctx.args())).lock();
        ctx.out().print(explain(lock, target));
        ctx.out().flush();
        return lock.packages().stream().anyMatch(p -> p.name().equals(target)) ? ExitCode.OK : ExitCode.USAGE;
    }

    /** The chains from inputs to {@code name}, one per line, as text. */
    static String explain(Lock lock, PackageName name) {
        Map<String, LockedPackage> byName = new java.util.HashMap<>();
        lock.packages().forEach(p -> byName.put(p.name().normalized(), p));
        LockedPackage p = byName.get(name.normalized());
        if (p == null) {
            return name.normalized() + " is not in the resolution\n";
        }
        StringBuilder out = new StringBuilder(pin(p)).append(" is in the resolution because:\n");
        List<List<LockedDependency>> chains = new ArrayList<>();
        walk(lock, name.normalized(), new ArrayDeque<>(), new ArrayList<>(), chains);
        for (List<LockedDependency> chain : chains) {
            for (int i = 0; i < chain.size(); i++) {
                LockedDependency e = chain.get(i);
                out.append(i == 0 ? "  " + e.from() : "    " + pin(byName.get(e.from())))
                        .append(" requires ").append(e.requirement()).append('\n');
            }
        }
        if (chains.size() == MAX_CHAINS) {
            out.append("  (only the first ").append(MAX_CHAINS).append(" chains are shown)\n");
        }
        return out.toString();
    }

    private static String pin(LockedPackage p) {
        return p.name().normalized() + "==" + p.version();
    }

    /** Depth-first from {@code to} back to the inputs; {@code path} holds the nodes on the way, to stop cycles. */
    private static void walk(Lock lock, String to, Deque<String> path, List<LockedDependency> suffix, List<List<LockedDependency>> out) {
        if (out.size() >= MAX_CHAINS) {
            return;
        }
        path.push(to);
        for (LockedDependency e : lock.dependencies()) {
            if (!e.to().normalized().equals(to) || path.contains(e.from())) {
                continue;
            }
            List<LockedDependency> chain = new ArrayList<>();
            chain.add(e);
            chain.addAll(suffix);
            boolean isPackage = lock.packages().stream().anyMatch(p -> p.name().normalized().equals(e.from()));
            if (!isPackage) {
                out.add(chain);
            } else {
                walk(lock, e.from(), path, chain, out);
            }
            if (out.size() >= MAX_CHAINS) {
                break;
            }
        }
        path.pop();
    }
}
