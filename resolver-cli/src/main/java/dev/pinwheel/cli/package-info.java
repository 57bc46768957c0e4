/**
 * The {@code pinwheel} command: {@code pinwheel compile} locks requirements into a requirements.txt with
 * hashes, a PEP 751 {@code pylock.toml} or a JSON report.
 *
 * <p>Not yet written: this module is delivered by the command-line issue. It is the only code allowed to
 * write to standard output and to choose the process's exit code.
 */
package dev.pinwheel.cli;
