package dev.pinwheel.cli;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.IndexStrategy;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.local.LocalDirectoryIndex;
import dev.pinwheel.index.simple.SimpleIndex;
import dev.pinwheel.index.union.UnionIndex;
import dev.pinwheel.lock.Lock;
import dev.pinwheel.lock.LockBuilder;
import dev.pinwheel.lock.LockSources;
import dev.pinwheel.lock.LockedFile;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.resolve.PackageSelection;
import dev.pinwheel.resolve.Resolution;
import dev.pinwheel.resolve.ResolutionException;
import dev.pinwheel.resolve.ResolutionRequest;
import dev.pinwheel.resolve.ResolutionStatistics;
import dev.pinwheel.resolve.ResolutionStrategy;
import dev.pinwheel.resolve.ResolvedPackage;
import dev.pinwheel.resolve.Resolver;
import dev.pinwheel.resolve.ResolverOptions;
import dev.pinwheel.text.InvalidInputException;
import dev.pinwheel.version.PrereleasePolicy;
import dev.pinwheel.version.Version;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run of {@code compile} (or {@code explain}): reads the inputs, opens the indexes, resolves, and turns the
 * {@link Resolution} into a {@link Report} for the writers.
 */
final class Compilation {
    private final CompileOptions o;
    private final Context ctx;
    final Inputs inputs = new Inputs();
    Target target;
    Progress progress;
    private final Map<String, String> indexUrlById = new HashMap<>();
    private final List<SimpleIndex> simpleIndexes = new ArrayList<>();
    /**
     * Requests in flight at once, by default. Measured on the arena's loopback index (Python's http.server, whose
     * listen backlog is 5 and which closes every connection): 16 requests at once overflow the backlog and
     * stall connections for the 1 s SYN retry (unsat case 3.4 s); 4 to 6 take 1.2 to 1.6 s.
     */
    static final int DEFAULT_CONCURRENCY = 6;

    Compilation(CompileOptions options, Context context) {
        this.o = options;
        this.ctx = context;
    }

    // --------------------------------------------------------------------------------------------- inputs

    /** Reads every input named on the command line. */
    void readInputs() {
        RequirementsFileReader reader = new RequirementsFileReader(inputs, ctx.getenv(), ctx.cwd());
        for (String src : o.sources) {
            if (src.equals("-")) {
                String text;
                try {
                    text = new String(ctx.in().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UsageException("Cannot read standard input: " + e.getMessage(), e);
                }
                inputs.files.add("-");
                reader.parse(Path.of("-"), text, false);
                continue;
            }
            Path p = ctx.path(src);
            if (Files.isRegularFile(p) || looksLikeFile(src)) {
                inputs.files.add(src);
                if (p.getFileName() != null && p.getFileName().toString().endsWith(".toml")) {
                    PyprojectReader.read(p, Path.of(src), inputs, o.extras, o.allExtras, o.groups);
                } else {
                    reader.read(Path.of(src), false);
                }
            } else {
                try {
                    inputs.requirements.add(new InputRequirement(Requirement.parse(src), "command line", "command line", List.of()));
                } catch (InvalidInputException e) {
                    throw new UsageException("`" + src + "` is neither a file nor a requirement: "
                            + RequirementsFileReader.caret(e), e);
                }
            }
        }
        if (!o.sources.stream().anyMatch(s -> s.endsWith(".toml")) && (!o.extras.isEmpty() || o.allExtras || !o.groups.isEmpty())) {
            throw new UsageException("`--extra`, `--all-extras` and `--group` need a `pyproject.toml` input");
        }
        for (String c : o.constraints) {
            reader.read(Path.of(c), true);
        }
        Inputs ov = new Inputs();
        RequirementsFileReader overrideReader = new RequirementsFileReader(ov, ctx.getenv(), ctx.cwd());
        for (String f : o.overrides) {
            overrideReader.read(Path.of(f), false);
        }
        for (InputRequirement r : ov.requirements) {
            inputs.overrides.add(r);
        }
        inputs.requirements.forEach(r -> checkDirectUrl(r, false));
        inputs.overrides.forEach(r -> checkDirectUrl(r, false));
        inputs.constraints.forEach(r -> checkDirectUrl(r, true));
        if (inputs.requirements.isEmpty()) {
            throw new UsageException(o.sources.isEmpty()
                    ? "No requirements: name a requirements file, a pyproject.toml, or requirements (`pinwheel compile requirements.in`)"
                    : "No requirements found in " + String.join(", ", o.sources));
        }
        target = Target.of(o.pythonVersion, o.pythonPlatform);
    }

    /**
     * A direct URL requirement must name a wheel or sdist by {@code http}, {@code https} or {@code file} URL (the
     * resolver reads such files; version-control URLs and directories would need a build); a constraint cannot
     * name a URL.
     */
    private static void checkDirectUrl(InputRequirement r, boolean constraint) {
        if (r.requirement().url().isEmpty()) {
            return;
        }
        String url = r.requirement().url().get();
        if (constraint) {
            throw new UsageException(r.location() + ": `" + r.requirement() + "`: a constraint cannot name a URL; "
                    + "put the `name @ url` requirement among the requirements");
        }
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        String path = url.replaceFirst("[#?].*$", "");
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        boolean archive = last.endsWith(".whl") || last.endsWith(".tar.gz") || last.endsWith(".zip") || last.endsWith(".tgz");
        if (!Set.of("http", "https", "file").contains(scheme) || !archive) {
            throw new UsageException(r.location() + ": `" + r.requirement() + "`: a direct URL must name a wheel or "
                    + "source distribution file by an http, https or file URL; version-control URLs and directories "
                    + "are not supported");
        }
    }

    private static boolean looksLikeFile(String s) {
        return s.endsWith(".in") || s.endsWith(".txt") || s.endsWith(".toml") || s.contains("/") && !s.contains("@") && !s.contains(";");
    }

    // --------------------------------------------------------------------------------------------- indexes

    /** Opens the union of the indexes from the options and the requirements files. */
    PackageIndex openIndex() throws IndexException {
        Logs.configure(ctx.err(), o.verbose, o.quiet);
        IndexOptions options = IndexOptions.defaults().withOffline(o.offline).withMaxParallelRequests(concurrency());
        Optional<String> timeout = ctx.getenv().apply("PINWHEEL_HTTP_TIMEOUT").filter(t -> !t.isBlank());
        if (timeout.isPresent()) {
            try {
                options = options.withTimeout(java.time.Duration.ofMillis(Math.round(Double.parseDouble(timeout.get()) * 1000)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("Invalid `PINWHEEL_HTTP_TIMEOUT` `" + timeout.get() + "`: expected seconds, such as `30`", e);
            }
        }
        if (!o.noCache) {
            options = options.withCacheDir(cacheDir());
        }
        boolean noIndex = o.noIndex || inputs.noIndex;
        List<PackageIndex> indexes = new ArrayList<>();
        if (!noIndex) {
            List<String> extra = new ArrayList<>(inputs.extraIndexUrls);
            extra.addAll(o.extraIndexUrls);
            for (String u : extra) {
                indexes.add(simple(u, options));
            }
            indexes.add(simple(primaryIndexUrl(), options));
        }
        for (String f : findLinks()) {
            // pip's --find-links: a directory of files, or a page (http, https or a local HTML file) of links to them
            if (f.startsWith("http://") || f.startsWith("https://")) {
                indexes.add(flat(URI.create(f), options));
                continue;
            }
            if (f.contains("://") && !f.startsWith("file:")) {
                throw new UsageException("`--find-links " + f + "`: expected a directory, a file: URL or an http(s) URL of a page of links");
            }
            Path path = f.startsWith("file:") ? Path.of(URI.create(absoluteFileUrl(ctx, f))) : ctx.path(f);
            if (Files.isDirectory(path)) {
                indexes.add(LocalDirectoryIndex.open(path, f));
            } else if (Files.isRegularFile(path)) {
                indexes.add(flat(path.toAbsolutePath().normalize().toUri(), options));
            } else {
                throw new UsageException("`--find-links " + f + "`: no such directory or file");
            }
        }
        if (indexes.isEmpty()) {
            throw new UsageException("No index: `--no-index` was given without `--find-links`");
        }
        IndexStrategy strategy;
        try {
            strategy = IndexStrategy.fromCliName(o.indexStrategy);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        PackageIndex index = indexes.size() == 1 ? indexes.get(0) : UnionIndex.of(indexes, strategy);
        progress = new Progress(ctx.err(), ctx.terminal() && !o.quiet, o.verbose);
        return new ObservedIndex(index, progress);
    }

    /** Requests in flight at once: {@code PINWHEEL_CONCURRENCY}, else {@link #DEFAULT_CONCURRENCY}. */
    int concurrency() {
        Optional<String> v = ctx.getenv().apply("PINWHEEL_CONCURRENCY").filter(t -> !t.isBlank());
        if (v.isEmpty()) {
            return DEFAULT_CONCURRENCY;
        }
        try {
            int n = Integer.parseInt(v.get().strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new UsageException("Invalid `PINWHEEL_CONCURRENCY` `" + v.get() + "`: expected a positive number of requests");
    }

    boolean quiet() {
        return o.quiet;
    }

    boolean verbose() {
        return o.verbose;
    }

    /**
     * For {@code -v}: the HTTP requests each simple index sent (revalidations included), beside the lookups made;
     * lookups answered from the cache sent none.
     */
    List<String> requestSummary() {
        List<String> lines = new ArrayList<>();
        for (SimpleIndex i : simpleIndexes) {
            lines.add(String.format(java.util.Locale.ROOT, "%s: %d HTTP requests sent", i.id(), i.requestCount()));
        }
        return lines;
    }

    String primaryIndexUrl() {
        return o.indexUrl != null ? o.indexUrl : inputs.indexUrl.orElse(LockSources.PYPI);
    }

    List<String> findLinks() {
        List<String> all = new ArrayList<>(inputs.findLinks);
        all.addAll(o.findLinks);
        return all;
    }

    private Path cacheDir() {
        return cacheDir(ctx, o.cacheDir);
    }

    /** {@code --cache-dir} if given, else {@code $XDG_CACHE_HOME/pinwheel} or {@code ~/.cache/pinwheel}. */
    static Path cacheDir(Context ctx, String option) {
        if (option != null) {
            return ctx.path(option);
        }
        Optional<String> xdg = ctx.getenv().apply("XDG_CACHE_HOME").filter(s -> !s.isBlank());
        Path base = xdg.map(Path::of).orElseGet(() -> Path.of(ctx.getenv().apply("HOME").orElse("."), ".cache"));
        return base.resolve("pinwheel");
    }

    /** A page of links ({@code --find-links URL}); like a directory of files, it is not an index a lock names. */
    private PackageIndex flat(URI url, IndexOptions options) throws IndexException {
        SimpleIndex index = SimpleIndex.builder(url).options(options).flat().build();
        simpleIndexes.add(index);
        return index;
    }

    private PackageIndex simple(String url, IndexOptions options) throws IndexException {
        SimpleIndex index = SimpleIndex.create(indexUri(ctx, url), options);
        indexUrlById.put(index.id(), url);
        simpleIndexes.add(index);
        return index;
    }

    /**
     * The URI of a simple index given as an http(s) URL, a {@code file:} URL (relative ones against the working
     * directory) or a directory holding a static simple index.
     *
     * @throws UsageException when it is none of these
     */
    static URI indexUri(Context ctx, String url) {
        String u = url;
        if (u.startsWith("file:")) {
            u = absoluteFileUrl(ctx, u);
        } else if (!u.contains("://")) {
            Path p = ctx.path(u);
            if (!Files.isDirectory(p)) {
                throw new UsageException("Index `" + url + "` is neither a URL nor a directory");
            }
            u = p.toAbsolutePath().normalize().toUri().toString();
        }
        try {
            return URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid index URL `" + url + "`: " + e.getMessage(), e);
        }
    }

    /** {@code file:relative/dir} becomes an absolute {@code file:} URL against the working directory. */
    private static String absoluteFileUrl(Context ctx, String u) {
        String rest = u.substring("file:".length());
        if (rest.startsWith("/")) {
            return u;
        }
        String s = ctx.path(rest).toAbsolutePath().normalize().toUri().toString();
        return rest.endsWith("/") && !s.endsWith("/") ? s + "/" : s;
    }

    // --------------------------------------------------------------------------------------------- resolving

    /** Resolves the inputs over {@code index}, keeping the pins of {@code existing} as preferences. */
    Resolution resolve(PackageIndex index, Map<PackageName, Version> existing) throws ResolutionException {
        List<String> onlyBinary = new ArrayList<>(inputs.onlyBinary);
        onlyBinary.addAll(o.onlyBinary);
        List<String> noBinary = new ArrayList<>(inputs.noBinary);
        noBinary.addAll(o.noBinary);
        ResolverOptions options = ResolverOptions.defaults()
                .withParallelism(concurrency())
                .withOnlyBinary(selection("--only-binary", onlyBinary))
                .withNoBinary(selection("--no-binary", noBinary))
                .withStrategy(strategy(o.resolution))
                .withPrereleases(inputs.pre && o.prerelease.equals("if-necessary-or-explicit") ? PrereleasePolicy.ALLOW
                        : prerelease(o.prerelease));
        ResolutionRequest request = ResolutionRequest.of(inputs.requirements.stream().map(InputRequirement::requirement).toList(),
                target.resolved())
                .withConstraints(inputs.constraints.stream().map(InputRequirement::requirement).toList())
                .withOverrides(inputs.overrides.stream().map(InputRequirement::requirement).toList());
        if (!o.upgrade && !existing.isEmpty()) {
            request = request.withPreferences(existing);
            if (!o.upgradePackages.isEmpty()) {
                Set<PackageName> names = new TreeSet<>();
                for (String p : o.upgradePackages) {
                    names.add(PackageName.tryParse(p.split("[<>=!~ ;\\[]", 2)[0].strip())
                            .orElseThrow(() -> new UsageException("Invalid `--upgrade-package` `" + p + "`: expected a project name")));
                }
                request = request.withUpgrade(PackageSelection.of(names));
            }
        }
        if (o.excludeNewer != null) {
            request = request.withExcludeNewer(parseTime(o.excludeNewer));
        }
        Resolver resolver = Resolver.create(index, options);
        return resolver.resolve(request, progress.listener());
    }

    /** pip's format for {@code --only-binary} and {@code --no-binary}: names, {@code :all:} and {@code :none:}, in order. */
    static PackageSelection selection(String option, List<String> values) {
        boolean all = false;
        Set<PackageName> names = new TreeSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String v = part.strip();
                if (v.equals(":all:")) {
                    all = true;
                    names.clear();
                } else if (v.equals(":none:")) {
                    all = false;
                    names.clear();
                } else if (!v.isEmpty()) {
                    names.add(PackageName.tryParse(v).orElseThrow(() -> new UsageException("Invalid `" + option + "` value `" + v
                            + "`: expected project names separated by commas, `:all:` or `:none:`")));
                }
            }
        }
        return all ? PackageSelection.ALL : names.isEmpty() ? PackageSelection.NONE : PackageSelection.of(names);
    }

    private static ResolutionStrategy strategy(String s) {
        return switch (s) {
            case "highest" -> ResolutionStrategy.HIGHEST;
            case "lowest" -> ResolutionStrategy.LOWEST;
            case "lowest-direct" -> ResolutionStrategy.LOWEST_DIRECT;
            default -> throw new UsageException("Invalid `--resolution` `" + s + "`: expected `highest`, `lowest` or `lowest-direct`");
        };
    }

    private static PrereleasePolicy prerelease(String s) {
        return switch (s) {
            case "disallow" -> PrereleasePolicy.DISALLOW;
            case "allow" -> PrereleasePolicy.ALLOW;
            case "if-necessary" -> PrereleasePolicy.IF_NECESSARY;
            case "explicit" -> PrereleasePolicy.EXPLICIT;
            case "if-necessary-or-explicit" -> PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT;
            default -> throw new UsageException("Invalid `--prerelease` `" + s
                    + "`: expected `disallow`, `allow`, `if-necessary`, `explicit` or `if-necessary-or-explicit`");
        };
    }

    static Instant parseTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UsageException("Invalid `--exclude-newer` `" + s
                        + "`: expected an RFC 3339 time such as `2024-06-01T00:00:00Z`, or a date such as `2024-06-01`", e2);
            }
        }
    }

    /** Checks the options that need no index, before any I/O. */
    void validateOptions() {
        strategy(o.resolution);
        prerelease(o.prerelease);
        if (o.excludeNewer != null) {
            parseTime(o.excludeNewer);
        }
        try {
            IndexStrategy.fromCliName(o.indexStrategy);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        format();
        selection("--only-binary", o.onlyBinary);
        selection("--no-binary", o.noBinary);
        if (o.quiet && o.verbose) {
            throw new UsageException("`--quiet` and `--verbose` cannot be used together");
        }
    }

    /** The output format, from {@code --format} or the output file's name. */
    String format() {
        if (o.format != null) {
            return switch (o.format) {
                case "requirements-txt", "requirements.txt" -> "requirements-txt";
                case "pylock", "pylock.toml" -> "pylock";
                case "json" -> "json";
                default -> throw new UsageException("Invalid `--format` `" + o.format + "`: expected `requirements-txt`, `pylock` or `json`");
            };
        }
        if (o.outputFile != null) {
            String n = Path.of(o.outputFile).getFileName().toString();
            // PEP 751 names locks `pylock.toml` or `pylock.<name>.toml`; any other `.toml` is taken as one too
            if (n.endsWith(".toml")) {
                return "pylock";
            }
            if (n.endsWith(".json")) {
                return "json";
            }
        }
        return "requirements-txt";
    }

    // --------------------------------------------------------------------------------------------- the lock

    /** The report (and its lock) the writers print, from {@code resolution}. */
    Report report(Resolution resolution, String command) {
        Map<Requirement, List<String>> rootLabels = new HashMap<>();
        for (InputRequirement r : inputs.requirements) {
            rootLabels.computeIfAbsent(r.requirement(), k -> new ArrayList<>()).add(r.via());
        }
        Map<String, List<String>> constraintLabels = new HashMap<>();
        for (InputRequirement r : inputs.constraints) {
            constraintLabels.computeIfAbsent(r.requirement().name().normalized(), k -> new ArrayList<>()).add(r.via());
        }
        boolean noIndex = o.noIndex || inputs.noIndex;
        List<String> extra = new ArrayList<>();
        if (!noIndex) {
            extra.addAll(inputs.extraIndexUrls);
            extra.addAll(o.extraIndexUrls);
        }
        LockSources sources = new LockSources(noIndex, noIndex ? Optional.empty() : Optional.of(primaryIndexUrl()), extra,
                findLinks());
        Lock lock = LockBuilder.of(resolution, target.resolved(), r -> rootLabels.getOrDefault(r, List.of("command line")))
                .constraintLabels(n -> constraintLabels.getOrDefault(n.normalized(), List.of()))
                .files(this::allowedByInputHashes)
                .file(f -> LockedFile.of(f).withSize(size(f)))
                .indexUrls(id -> Optional.ofNullable(indexUrlById.get(id)))
                .sources(sources)
                .build();
        ResolutionStatistics s = resolution.statistics();
        Map<String, Long> stats = new LinkedHashMap<>();
        stats.put("packages", (long) resolution.packages().size());
        stats.put("projects-fetched", (long) s.projectsFetched());
        stats.put("metadata-fetched", (long) s.metadataFetched());
        stats.put("candidates", (long) s.candidates());
        stats.put("constraints", (long) s.constraints());
        stats.put("rounds", (long) s.rounds());
        stats.put("solver-calls", (long) s.solverCalls());
        stats.put("conflicts", s.conflicts());
        stats.put("time-ms", s.time().toMillis());
        return new Report(command, target, inputs.files, lock, stats);
    }

    /**
     * The files of {@code p} whose hash an input's {@code --hash} options allow (all of them when no input gives
     * hashes for {@code p}), as pip's hash-checking mode would.
     *
     * @throws InputHashMismatchException when inputs give hashes and no file matches any of them
     */
    private List<DistributionFile> allowedByInputHashes(ResolvedPackage p) {
        List<InputRequirement> withHashes = new ArrayList<>();
        for (InputRequirement r : inputs.requirements) {
            if (!r.hashes().isEmpty() && r.requirement().name().equals(p.name())) {
                withHashes.add(r);
            }
        }
        if (withHashes.isEmpty()) {
            return p.files();
        }
        List<DistributionFile> allowed = new ArrayList<>();
        for (DistributionFile f : p.files()) {
            boolean ok = true;
            for (InputRequirement r : withHashes) {
                boolean any = false;
                for (String h : r.hashes()) {
                    int colon = h.indexOf(':');
                    String digest = f.hashes().get(h.substring(0, colon));
                    any |= digest != null && digest.equals(h.substring(colon + 1));
                }
                ok &= any;
            }
            if (ok) {
                allowed.add(f);
            }
        }
        if (allowed.isEmpty()) {
            InputRequirement r = withHashes.get(0);
            throw new InputHashMismatchException("Hash mismatch: no file of `" + p.name().normalized() + "==" + p.version()
                    + "` has a hash given at " + r.location() + " (" + String.join(", ", r.hashes()) + "); the index offers "
                    + p.files().stream().map(f -> f.name() + " " + f.sha256().map(x -> "sha256:" + x).orElse("(no hash)")).toList());
        }
        return allowed;
    }

    /** The hashes given in an input match none of the files the index serves for the chosen version. */
    static final class InputHashMismatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputHashMismatchException(String message) {
            super(message);
        }
    }

    /** The size the index gave, or for a local file its size on disk. */
    private static java.util.OptionalLong size(DistributionFile f) {
        if (f.size().isPresent() || !"file".equalsIgnoreCase(f.url().getScheme())) {
            return f.size();
        }
        try {
            return java.util.OptionalLong.of(Files.size(Path.of(f.url())));
        } catch (IOException | IllegalArgumentException e) {
            return f.size(); // the size is optional in every output; the file may be read again by the installer
        }
    }

    /** The command shown in headers: the arguments, without those that do not change the result. */
    static String command(List<String> args) {
        StringBuilder sb = new StringBuilder("pinwheel");
        Set<String> dropWithValue = Set.of("--cache-dir", "--upgrade-package", "-P");
        Set<String> drop = Set.of("--no-cache", "-n", "-q", "--quiet", "-v", "--verbose", "--upgrade", "-U", "--offline");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (drop.contains(a)) {
                continue;
            }
            if (dropWithValue.contains(name)) {
                if (!a.contains("=")) {
                    i++;
                }
                continue;
            }
            sb.append(' ').append(shellQuote(a));
        }
        return sb.toString();
    }

    private static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./\\-\\[\\]]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
