package dev.pinwheel.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code pinwheel compile}, named as {@code uv pip compile} names them where they overlap; shared
 * with {@code pinwheel explain}, which resolves the same way.
 */
final class CompileOptions {
    static final String PYPI = "https://pypi.org/simple";

    /** The inputs: set by the command from its positional parameters. */
    List<String> sources = new ArrayList<>();

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE",
            description = "Write the lock to FILE. Pins already in FILE are kept unless an input or --upgrade moves them.")
    String outputFile;

    @Option(names = {"-i", "--index-url"}, paramLabel = "URL",
            description = "The primary index (PEP 503/691 simple API; http(s) or file:). Default: " + PYPI)
    String indexUrl;

    @Option(names = "--extra-index-url", paramLabel = "URL", description = "Further indexes, after --index-url.")
    List<String> extraIndexUrls = new ArrayList<>();

    @Option(names = {"-f", "--find-links"}, paramLabel = "DIR|URL",
            description = "A directory of wheels and sdists, or a page of links to them (an http(s) URL or a local "
                    + "HTML file), to use as well.")
    List<String> findLinks = new ArrayList<>();

    @Option(names = "--no-index", description = "Ignore every index; use --find-links only.")
    boolean noIndex;

    @Option(names = "--index-strategy", paramLabel = "STRATEGY", defaultValue = "first-index",
            description = "first-index (default: a project comes from the first index that has it) or unsafe-best-match "
                    + "(every index; open to dependency confusion).")
    String indexStrategy;

    @Option(names = {"-p", "--python-version"}, paramLabel = "VERSION", defaultValue = "3.12",
            description = "The target CPython version (default 3.12).")
    String pythonVersion;

    @Option(names = "--python-platform", paramLabel = "PLATFORM", defaultValue = "x86_64-manylinux_2_28",
            description = "The target platform: x86_64-manylinux_2_28 (default), aarch64-apple-darwin, "
                    + "x86_64-pc-windows-msvc, linux, macos, windows, …")
    String pythonPlatform;

    @Option(names = "--resolution", paramLabel = "STRATEGY", defaultValue = "highest",
            description = "highest (default), lowest, or lowest-direct.")
    String resolution;

    @Option(names = "--prerelease", paramLabel = "POLICY", defaultValue = "if-necessary-or-explicit",
            description = "disallow, allow, if-necessary, explicit, or if-necessary-or-explicit (default).")
    String prerelease;

    @Option(names = "--only-binary", paramLabel = "PKGS",
            description = "Only wheels for these projects: comma-separated names, `:all:` or `:none:` (repeatable).")
    List<String> onlyBinary = new ArrayList<>();

    @Option(names = "--no-binary", paramLabel = "PKGS",
            description = "Only sdists for these projects: comma-separated names, `:all:` or `:none:` (repeatable).")
    List<String> noBinary = new ArrayList<>();

    @Option(names = "--generate-hashes", description = "Write --hash lines for every usable file of each pin "
            + "(always on for pylock).")
    boolean generateHashes;

    @Option(names = {"-U", "--upgrade"}, description = "Ignore the pins of the existing output file.")
    boolean upgrade;

    @Option(names = {"-P", "--upgrade-package"}, paramLabel = "PKG",
            description = "Free PKG from the existing output file's pin (repeatable).")
    List<String> upgradePackages = new ArrayList<>();

    @Option(names = {"-c", "--constraint"}, paramLabel = "FILE",
            description = "Constraints: narrow versions, never add a package (repeatable).")
    List<String> constraints = new ArrayList<>();

    @Option(names = "--override", paramLabel = "FILE",
            description = "Overrides: replace every requirement on these packages (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--extra", paramLabel = "NAME", description = "Include this optional-dependency group of pyproject.toml.")
    List<String> extras = new ArrayList<>();

    @Option(names = "--all-extras", description = "Include every optional-dependency group of pyproject.toml.")
    boolean allExtras;

    @Option(names = "--group", paramLabel = "NAME", description = "Include this PEP 735 dependency group of pyproject.toml.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--exclude-newer", paramLabel = "TIME",
            description = "Ignore files uploaded after TIME (RFC 3339, e.g. 2024-06-01T00:00:00Z, or a date).")
    String excludeNewer;

    @Option(names = "--offline", description = "Never use the network: only the cache and local indexes.")
    boolean offline;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "The HTTP cache directory.")
    String cacheDir;

    @Option(names = {"-n", "--no-cache"}, description = "Use no cache at all.")
    boolean noCache;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "requirements-txt, pylock or json. Default: from the -o name (pylock.toml, *.json), else requirements-txt.")
    String format;

    @Option(names = "--no-header", description = "Leave out the header comment.")
    boolean noHeader;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors; the lock goes only to -o.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show requests, cache hits and resolver statistics on standard error.")
    boolean verbose;
}
