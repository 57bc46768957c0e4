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
        stopIdleSelectorThreads();
        System.exit(status);
    }

    /**
     * Ends the JDK HTTP client's selector threads, which wait in {@code epoll_wait}: the JVM's exit waits up to
     * 300 ms for every thread that is in native code, so an idle selector thread adds 0.3 s to every run that
     * opened an index (JDK 17's {@code HttpClient} has no {@code close()}). Interrupting a selector thread makes
     * its loop end; the work is done by now, and nothing else runs in this process.
     */
    private static void stopIdleSelectorThreads() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isDaemon() && t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                t.interrupt();
                try {
                    t.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
