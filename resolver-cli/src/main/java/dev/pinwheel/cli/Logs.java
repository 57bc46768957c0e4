package dev.pinwheel.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes the libraries' {@code System.Logger} output (java.util.logging by default) to standard error in the
 * command's own style: warnings always ({@code warning: …}), debug messages (retries, redirects, range requests,
 * cache problems) with {@code -v}, nothing but errors with {@code -q}. Replaces JUL's two-line default format.
 */
final class Logs {
    private Logs() {
    }

    static void configure(PrintWriter err, boolean verbose, boolean quiet) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Level level = quiet ? Level.SEVERE : verbose ? Level.FINE : Level.WARNING;
        // only Pinwheel's own debug messages: the JDK's (TLS, HTTP client internals) stay at warnings
        root.setLevel(quiet ? Level.SEVERE : Level.WARNING);
        Logger.getLogger("dev.pinwheel").setLevel(level);
        java.util.logging.Formatter format = new java.util.logging.SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (!isLoggable(r)) {
                    return;
                }
                String prefix = r.getLevel().intValue() >= Level.SEVERE.intValue() ? "error: "
                        : r.getLevel().intValue() >= Level.WARNING.intValue() ? "warning: " : "  debug: ";
                synchronized (err) {
                    err.println(prefix + format.formatMessage(r));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        handler.setLevel(level);
        root.addHandler(handler);
    }
}
