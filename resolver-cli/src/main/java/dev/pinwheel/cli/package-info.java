/**
 * The {@code pinwheel} command: {@code pinwheel compile} locks requirements into a requirements.txt with
 * hashes (pip-compile's layout), a PEP 751 {@code pylock.toml} or a JSON report; {@code pinwheel explain} shows
 * why a package is in a resolution.
 *
 * <p>Inputs are pip requirements files ({@link dev.pinwheel.cli.RequirementsFileReader}), {@code pyproject.toml}
 * ({@link dev.pinwheel.cli.PyprojectReader}) and requirements given on the command line; options follow
 * {@code uv pip compile}. {@link dev.pinwheel.cli.Main} is the process entry point and the only code allowed to
 * end the process; {@link dev.pinwheel.cli.Pinwheel#run} runs the same command in-process for tests. Exit
 * statuses: 0 resolved, 1 no solution, 2 bad usage or input, 3 an index could not be reached or served bad data.
 */
package dev.pinwheel.cli;
