package dev.pinwheel.resolve;

import dev.pinwheel.index.DirectDistribution;
import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.internal.sat.OptimisationProblem;
import dev.pinwheel.internal.sat.Outcome;
import dev.pinwheel.internal.sat.Tier;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.requirement.MarkerEvaluationException;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.tags.SdistFilename;
import dev.pinwheel.tags.WheelFilename;
import dev.pinwheel.version.Specifier;
import dev.pinwheel.version.SpecifierSet;
import dev.pinwheel.version.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.IntStream;

/** The state of one {@link Resolver#resolve} call: the index pages and metadata read, and the SAT problem. */
final class Session {

    private final PackageIndex index;
    private final ResolverOptions options;
    private final ResolutionRequest request;
    private final MarkerEnvironment env;
    private final OptimisationProblem<Reason> problem;
    private final ResolutionListener listener;
    private int round;

    private static final String NO_COMPATIBLE_WHEEL = "has no wheel compatible with the target";
    private final Map<String, Optional<SpecifierSet>> requiresPythonVerdicts = new java.util.concurrent.ConcurrentHashMap<>();
    /** Wheel tag text to the rank of its best tag on the target (see {@link #wheelRank}). */
    private final Map<String, Integer> wheelRanks = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every project seen, by name. */
    private final Map<PackageName, Project> projects = new HashMap<>();
    /** Candidate id to candidate. */
    private final List<Cand> candidates = new ArrayList<>();
    private final Map<PackageName, List<Requirement>> overrides = new TreeMap<>();
    private final Map<PackageName, List<Requirement>> constraints = new TreeMap<>();
    private final Map<PackageName, List<Requirement>> pins = new TreeMap<>();
    private final Set<PackageName> direct = new TreeSet<>();
    private final List<Requirement> roots = new ArrayList<>();
    /** The files direct URL requirements name, by project (see {@link #readDirectUrls}). */
    private final Map<PackageName, DirectDistribution> directs = new TreeMap<>();
    private ExecutorService executor;
    private Prefetch<Project> prefetch;

    Session(PackageIndex index, ResolverOptions options, ResolutionRequest request, ResolutionListener listener) {
        this.listener = listener;
        this.index = index;
        this.options = options;
        this.request = request;
        this.env = request.target().environment();
        this.problem = OptimisationProblem.create(options.conflictBudget(), Session::explanationGroup);
    }

    /**
     * Explanations are minimal over these groups: the dependencies of every version of a project on the same
     * requirement, the versions of a project unusable for the same reason, the extras of a project; other
     * reasons stand alone.
     */
    private static Object explanationGroup(Reason r) {
        if (r instanceof Reason.DependsOn d) {
            return List.of("depends", d.name(), d.extra(), d.requirement());
        }
        if (r instanceof Reason.Unusable u) {
            return List.of("unusable", u.name(), u.why());
        }
        if (r instanceof Reason.ExtraOf e) {
            return List.of("extra", e.name(), e.extra());
        }
        return r;
    }

    // ------------------------------------------------------------------ model

    /** A project as the index lists it, with its encoded base package and extras. */
    private static final class Project {
        final PackageName name;
        final boolean exists;
        /** Versions with at least one file, ascending. */
        final List<VersionInfo> versions = new ArrayList<>();
        /** The versions, ascending; set once the versions are classified, as are the next four fields. */
        List<Version> versionList;
        /** The rank of each version (see {@link Session#ranks}). */
        int[] ranks;
        /** Whether requirements on the project may match its pre-releases (see {@link Session#prereleasesAllowed}). */
        boolean prereleasesAllowed;
        /** Whether some version is a pre-release. */
        boolean anyPrerelease;
        /** How many versions are usable and not ruled out by a constraint: exactly those ranked below this. */
        int usableCount;
        int first = -1;
        final Map<String, Integer> extraFirst = new TreeMap<>();

        Project(PackageName name, boolean exists) {
            this.name = name;
            this.exists = exists;
        }
    }

    private static final class VersionInfo {
        final Version version;
        final List<DistributionFile> files = new ArrayList<>(2); // most versions have one to three files
        List<DistributionFile> usable = List.of();
        Optional<String> unusable = Optional.empty();
        boolean constrainedAway;
        /** The metadata read for the version and its extras; null until read (by the session's thread). */
        Optional<Metadata> metadata;

        VersionInfo(Version version) {
            this.version = version;
        }
    }

    /** A candidate: a version of a project, or of one of its extras. */
    private static final class Cand {
        final Project project;
        final int index;
        final Optional<String> extra;
        /** What the candidate depends on once expanded, for the resolution's edges. */
        List<Requirement> dependencies = List.of();

        Cand(Project project, int index, Optional<String> extra) {
            this.project = project;
            this.index = index;
            this.extra = extra;
        }

        VersionInfo info() {
            return project.versions.get(index);
        }
    }

    // ------------------------------------------------------------------ run

    Resolution run() throws ResolutionException {
        long start = System.nanoTime();
        if (options.parallelism() > 1) {
            executor = Executors.newFixedThreadPool(options.parallelism(), daemonThreads());
        }
        try {
            prepare();
            solving();
            Outcome<Reason> outcome = problem.solveLazily(this::expand);
            Duration time = Duration.ofNanos(System.nanoTime() - start);
            if (outcome instanceof Outcome.Optimum<Reason> optimum) {
                return resolution(optimum, time);
            }
            if (outcome instanceof Outcome.Unsatisfiable<Reason> unsat) {
                throw new UnsatisfiableException(explanation(unsat));
            }
            throw new ResolutionTimeoutException(problem.conflicts(), options.conflictBudget());
        } catch (IndexFailure e) {
            throw new IndexUnavailableException(e.what, e.cause);
        } finally {
            if (prefetch != null) {
                prefetch.close();
            }
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "pinwheel-resolve");
            t.setDaemon(true);
            return t;
        };
    }

    /** An index failure carried out of the lazy expansion. */
    private static final class IndexFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final String what;
        final transient IndexException cause;

        IndexFailure(String what, IndexException cause) {
            super(what, cause);
            this.what = what;
            this.cause = cause;
        }
    }

    private void prepare() throws IndexFailure {
        for (Requirement o : request.overrides()) {
            if (o.appliesTo(env)) {
                overrides.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
            }
        }
        for (Requirement c : request.constraints()) {
            if (c.appliesTo(env)) {
                constraints.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
                pins.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
            }
        }
        for (Requirement r : request.requirements()) {
            if (r.appliesTo(env)) {
                for (Requirement o : override(r)) {
                    roots.add(o);
                    direct.add(o.name());
                    pins.computeIfAbsent(o.name(), k -> new ArrayList<>()).add(o);
                }
            }
        }
        readDirectUrls();
        prefetch = new Prefetch<>(directs.isEmpty() ? index : new DirectUrls(index, directs), model, executor);
        roots.forEach(prefetch::want);
        fetchProjects(roots.stream().map(Requirement::name).toList());
        List<Integer> speculative = new ArrayList<>();
        for (Requirement r : roots) {
            rootClause(r, speculative);
        }
        expandWaves(speculative);
    }

    /**
     * Reads the files that direct URL requirements name ({@code name @ url}), among the root requirements and the
     * overrides, first one per project in input order; each such project then consists of that file alone.
     */
    private void readDirectUrls() throws IndexFailure {
        List<Requirement> named = new ArrayList<>(roots);
        overrides.values().forEach(named::addAll);
        for (Requirement r : named) {
            if (r.url().isEmpty() || directs.containsKey(r.name())) {
                continue;
            }
            String url = r.url().get();
            java.net.URI uri;
            try {
                uri = new java.net.URI(url);
            } catch (java.net.URISyntaxException e) {
                throw new IndexFailure("Cannot read `" + r + "`", new UnusableFileException(index.id(), null, url,
                        "not a valid URL: " + e.getMessage(), e));
            }
            DirectDistribution d;
            try {
                d = index.direct(r.name(), uri);
            } catch (IndexException e) {
                throw new IndexFailure("Cannot read `" + r + "`", e);
            }
            PackageName actual = d.file().filename().name();
            if (!actual.equals(r.name()) || !d.metadata().name().equals(r.name())) {
                PackageName other = actual.equals(r.name()) ? d.metadata().name() : actual;
                throw new IndexFailure("Cannot use `" + r + "`", new UnusableFileException(index.id(), d.file().url(),
                        d.file().filename().filename(), "it is a distribution of `" + other + "`, not `" + r.name() + "`", null));
            }
            directs.put(r.name(), d);
        }
    }

    /** Whether {@code url} (a requirement's, perhaps with a hash fragment) names the file read for {@code d}. */
    private static boolean names(String url, DirectDistribution d) {
        int hash = url.indexOf('#');
        return (hash < 0 ? url : url.substring(0, hash)).equals(d.file().url().toString());
    }

    private void rootClause(Requirement r, List<Integer> speculative) {
        Reason reason = new Reason.RootRequirement(r);
        Project q = projects.get(r.name());
        int[] matching = matching(q, r);
        problem.requireAny(ids(q, Optional.empty(), matching), reason);
        for (String extra : r.extras()) {
            problem.requireAny(ids(q, Optional.of(extra), matching), reason);
        }
        speculate(q, r, matching, speculative);
    }

    /** The requirements that replace {@code r}: its overrides (keeping its extras), or itself. */
    private List<Requirement> override(Requirement r) {
        List<Requirement> os = overrides.get(r.name());
        if (os == null) {
            return List.of(r);
        }
        List<Requirement> out = new ArrayList<>();
        for (Requirement o : os) {
            Set<String> extras = new TreeSet<>(o.extras());
            extras.addAll(r.extras());
            out.add(o.withExtras(extras).withMarker(r.marker().orElse(dev.pinwheel.requirement.Marker.ALWAYS)));
        }
        return out;
    }

    // ------------------------------------------------------------------ projects

    /** Reads the pages of {@code names} not read yet (most are already in flight), declared in name order. */
    private void fetchProjects(List<PackageName> names) throws IndexFailure {
        List<PackageName> missing = names.stream().distinct().filter(n -> !projects.containsKey(n)).sorted().toList();
        List<CompletableFuture<Project>> futures = new ArrayList<>();
        for (PackageName n : missing) {
            futures.add(prefetch.page(n));
        }
        for (CompletableFuture<Project> f : futures) {
            declare(join(f));
        }
    }

    /** The value of a fetch, or the failure the session reports (the first one in the session's own order). */
    private static <T> T join(CompletableFuture<T> f) throws IndexFailure {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Prefetch.Failure pf) {
                throw new IndexFailure(pf.what, pf.cause);
            }
            throw e;
        }
    }

    private static final Comparator<DistributionFile> BY_VERSION = Comparator.comparing(f -> f.filename().version());

    /** The page read and its files classified for the target: pure, called from the fetching threads. */
    private Project analyse(PackageName name, Optional<ProjectPage> page) {
        Project p = new Project(name, page.isPresent());
        List<DistributionFile> files = new ArrayList<>();
        page.ifPresent(pg -> {
            for (DistributionFile f : pg.files()) {
                if (f.filename().name().equals(name)) {
                    files.add(f);
                }
            }
        });
        if (!groupInOrder(files, p.versions)) {
            p.versions.clear();
            files.sort(BY_VERSION); // stable: files of equal versions keep the page's order
            groupInOrder(files, p.versions);
        }
        boolean noBinary = options.noBinary().contains(name);
        boolean onlyBinary = options.onlyBinary().contains(name);
        for (VersionInfo v : p.versions) {
            classifyFiles(p, v, noBinary, onlyBinary);
        }
        for (Requirement c : constraints.getOrDefault(name, List.of())) {
            for (VersionInfo v : p.versions) {
                if (!c.specifier().contains(v.version)) {
                    v.constrainedAway = true;
                }
            }
        }
        Version[] versions = new Version[p.versions.size()];
        for (int i = 0; i < versions.length; i++) {
            VersionInfo v = p.versions.get(i);
            versions[i] = v.version;
            p.anyPrerelease |= v.version.isPrerelease();
            if (v.unusable.isEmpty() && !v.constrainedAway) {
                p.usableCount++;
            }
        }
        p.versionList = List.of(versions);
        p.ranks = ranks(p);
        p.prereleasesAllowed = prereleasesAllowed(p);
        return p;
    }

    /**
     * Groups files listed in ascending version order into {@code out}, one entry per version with its files in
     * the given order; false (with {@code out} partly filled) as soon as a version is lower than the one before.
     */
    private static boolean groupInOrder(List<DistributionFile> files, List<VersionInfo> out) {
        VersionInfo last = null;
        for (DistributionFile f : files) {
            Version v = f.filename().version();
            int c = last == null ? 1 : v.compareTo(last.version);
            if (c < 0) {
                return false;
            }
            if (c > 0) {
                last = new VersionInfo(v);
                out.add(last);
            }
            last.files.add(f);
        }
        return true;
    }

    /** The session's pure functions, for the fetching threads. */
    private final Prefetch.Model<Project> model = new Prefetch.Model<>() {
        @Override
        public Project analyse(PackageName name, Optional<ProjectPage> page) {
            return Session.this.analyse(name, page);
        }

        @Override
        public int best(Project project, Requirement r) {
            return Session.this.best(project, matching(project, r));
        }

        @Override
        public Object key(Project project, int version) {
            return project.versions.get(version);
        }

        @Override
        public List<DistributionFile> usable(Project project, int version) {
            return project.versions.get(version).usable;
        }

        @Override
        public Optional<List<Requirement>> dependencies(Project project, int version, Optional<String> extra,
                                                        Optional<Metadata> m) {
            Deps d = Session.this.dependencies(project.versions.get(version), extra, m);
            return d.excluded().isPresent() ? Optional.empty() : Optional.of(d.requirements());
        }
    };

    /** Adds an analysed project to the problem. */
    private void declare(Project p) {
        PackageName name = p.name;
        projects.put(name, p);
        p.first = problem.addPackage(direct.contains(name) ? Tier.DIRECT : Tier.TRANSITIVE, name.normalized(), p.ranks,
                new Reason.OneVersionPer(name, Optional.empty()));
        for (int i = 0; i < p.versions.size(); i++) {
            candidates.add(new Cand(p, i, Optional.empty()));
        }
        listener.projectAdded(name, p.versions.size(), problem.candidateCount());
        for (int i = 0; i < p.versions.size(); i++) {
            VersionInfo v = p.versions.get(i);
            if (v.unusable.isPresent()) {
                problem.exclude(p.first + i, new Reason.Unusable(name, v.version, v.unusable.get()));
            }
        }
        for (Requirement c : constraints.getOrDefault(name, List.of())) {
            Reason reason = new Reason.Constrained(c);
            for (int i = 0; i < p.versions.size(); i++) {
                if (!c.specifier().contains(p.versions.get(i).version)) {
                    problem.exclude(p.first + i, reason);
                }
            }
        }
    }

    private int declareExtra(Project p, String extra) {
        Integer first = p.extraFirst.get(extra);
        if (first != null) {
            return first;
        }
        int f = problem.addPackage(Tier.AUXILIARY, name(p, extra), p.ranks,
                new Reason.OneVersionPer(p.name, Optional.of(extra)));
        p.extraFirst.put(extra, f);
        for (int i = 0; i < p.versions.size(); i++) {
            candidates.add(new Cand(p, i, Optional.of(extra)));
        }
        for (int i = 0; i < p.versions.size(); i++) {
            problem.implies(f + i, new int[] {p.first + i}, new Reason.ExtraOf(p.name, p.versions.get(i).version, extra));
        }
        return f;
    }

    private static String name(Project p, String extra) {
        return p.name.normalized() + "[" + extra + "]";
    }

    /**
     * Ranks by strategy over usable versions, a preferred version first; unusable versions last. Pure (the
     * strategy, the direct requirements and the preferences are fixed before any page is read).
     */
    private int[] ranks(Project p) {
        boolean lowest = options.strategy() == ResolutionStrategy.LOWEST
                || options.strategy() == ResolutionStrategy.LOWEST_DIRECT && direct.contains(p.name);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < p.versions.size(); i++) {
            order.add(i);
        }
        if (!lowest) {
            java.util.Collections.reverse(order);
        }
        Version preferred = request.upgrade().contains(p.name) ? null : request.preferences().get(p.name);
        if (preferred != null) {
            order.sort(Comparator.comparing(i -> p.versions.get(i).version.equals(preferred) ? 0 : 1));
        }
        int[] ranks = new int[p.versions.size()];
        int next = 0;
        for (int i : order) {
            VersionInfo v = p.versions.get(i);
            if (v.unusable.isEmpty() && !v.constrainedAway) {
                ranks[i] = next++;
            }
        }
        for (int i : order) {
            VersionInfo v = p.versions.get(i);
            if (v.unusable.isPresent() || v.constrainedAway) {
                ranks[i] = next;
            }
        }
        return ranks;
    }

    /**
     * Why one file cannot be used; when no file of a version is usable, the version's reason is the skip with the
     * lowest {@code order} (then text), so the most fundamental cause is named.
     */
    private record Skip(int order, String text) implements Comparable<Skip> {
        private static final Comparator<Skip> ORDER = Comparator.comparingInt(Skip::order).thenComparing(Skip::text);

        @Override
        public int compareTo(Skip other) {
            return ORDER.compare(this, other);
        }
    }

    /** Whether the target's Python satisfies a {@code requires-python} value; each distinct value is parsed once. */
    private Optional<SpecifierSet> unmetRequiresPython(String requiresPython) {
        return requiresPythonVerdicts.computeIfAbsent(requiresPython, text -> SpecifierSet.tryParse(text)
                .filter(rp -> !rp.contains(request.target().python())));
    }

    /** A usable wheel and the rank of its best tag on the target. */
    private record RankedWheel(DistributionFile file, int rank) {
        static final Comparator<RankedWheel> BEST_FIRST = Comparator.comparingInt(RankedWheel::rank);
    }

    /** Sorts a version's files into usable (best first) and, when none is usable, says why. */
    private void classifyFiles(Project p, VersionInfo v, boolean noBinary, boolean onlyBinary) {
        List<RankedWheel> wheels = new ArrayList<>(v.files.size());
        List<DistributionFile> sdists = new ArrayList<>(0);
        Skip why = null; // the most fundamental skip so far
        boolean anySdist = false;
        for (DistributionFile f : v.files) {
            Skip skip = f.requiresPython().flatMap(this::unmetRequiresPython)
                    .map(rp -> new Skip(0, "requires Python " + rp)).orElse(null);
            if (skip == null && f.isYanked() && !pinnedExactly(p.name, v.version)) {
                String reason = f.yanked().get();
                skip = new Skip(1, "was yanked" + (reason.isBlank() ? "" : " (reason: " + reason.strip() + ")"));
            }
            if (skip == null && request.excludeNewer().isPresent() && f.uploadTime().isPresent()
                    && f.uploadTime().get().isAfter(request.excludeNewer().get())) {
                skip = new Skip(2, "was uploaded after " + request.excludeNewer().get());
            }
            if (f.filename() instanceof WheelFilename w) {
                if (skip == null && noBinary) {
                    skip = new Skip(3, "has only wheels, and wheels are not allowed for it (no-binary)");
                }
                int rank = wheelRank(w);
                if (skip == null && rank == Integer.MAX_VALUE) {
                    skip = new Skip(4, NO_COMPATIBLE_WHEEL);
                }
                if (skip == null) {
                    wheels.add(new RankedWheel(f, rank));
                }
            } else if (f.filename() instanceof SdistFilename) {
                anySdist = true;
                if (skip == null && onlyBinary) {
                    skip = new Skip(3,
                            "has only a source distribution, and only wheels are allowed for it (only-binary)");
                }
                if (skip == null) {
                    sdists.add(f);
                }
            }
            if (skip != null && (why == null || skip.compareTo(why) < 0)) {
                why = skip;
            }
        }
        if (wheels.size() == 1 && sdists.isEmpty()) {
            v.usable = List.of(wheels.get(0).file());
            return;
        }
        wheels.sort(RankedWheel.BEST_FIRST); // stable: equally ranked wheels keep the page's order
        List<DistributionFile> usable = new ArrayList<>(wheels.size() + sdists.size());
        for (RankedWheel w : wheels) {
            usable.add(w.file());
        }
        usable.addAll(sdists);
        v.usable = List.copyOf(usable);
        if (usable.isEmpty()) {
            String reason = why == null ? "has no usable file" : why.text();
            if (reason.equals(NO_COMPATIBLE_WHEEL)) {
                reason = anySdist
                        ? "has no wheel compatible with the target, and its source distribution is not allowed"
                        : "has no wheel compatible with the target and no source distribution";
            }
            v.unusable = Optional.of(reason);
        }
    }

    /** The rank of the wheel's best tag on the target, {@code Integer.MAX_VALUE} if none is supported. */
    private int wheelRank(WheelFilename w) {
        // the rank depends only on the tag text, and an index holds few distinct ones
        Integer rank = wheelRanks.get(w.tagText());
        if (rank == null) {
            rank = request.target().tags().bestRank(w.tags()).orElse(Integer.MAX_VALUE);
            wheelRanks.put(w.tagText(), rank);
        }
        return rank;
    }

    /** Whether a root requirement or constraint pins {@code version} of {@code name} with {@code ==} or {@code ===}. */
    private boolean pinnedExactly(PackageName name, Version version) {
        for (Requirement r : pins.getOrDefault(name, List.of())) {
            for (Specifier s : r.specifier().specifiers()) {
                if (s.operator() == Specifier.Operator.EQUAL && !s.isWildcard() && s.contains(version)
                        || s.operator() == Specifier.Operator.ARBITRARY && s.contains(version.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The indexes of the versions of {@code q} that {@code r} matches, under the pre-release policy. */
    private int[] matching(Project q, Requirement r) {
        DirectDistribution d = directs.get(q.name);
        if (r.url().isPresent()) {
            // a URL names one file: only the direct project's own, when the URLs agree
            return d != null && names(r.url().get(), d) ? IntStream.range(0, q.versions.size()).toArray() : new int[0];
        }
        int[] out = r.specifier().matchIndexes(q.versionList);
        if (q.prereleasesAllowed || !q.anyPrerelease || d != null) {
            return out;
        }
        int k = 0;
        for (int i : out) {
            if (!q.versionList.get(i).isPrerelease()) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * Whether pre-releases of {@code q} may be chosen, decided per project as uv does: always under
     * {@code ALLOW}; never under {@code DISALLOW}; when a root requirement, constraint or override of the project
     * names a pre-release ({@code >=2.0b1}) under {@code EXPLICIT} and the default; when every version of the
     * project is a pre-release under {@code IF_NECESSARY} and the default. Once allowed, every requirement on the
     * project may match its pre-releases, transitive ones included.
     */
    private boolean prereleasesAllowed(Project q) {
        switch (options.prereleases()) {
            case ALLOW:
                return true;
            case DISALLOW:
                return false;
            case EXPLICIT:
                return explicitPrerelease(q.name);
            case IF_NECESSARY:
                return onlyPrereleases(q);
            default:
                return explicitPrerelease(q.name) || onlyPrereleases(q);
        }
    }

    private boolean explicitPrerelease(PackageName name) {
        for (Requirement r : pins.getOrDefault(name, List.of())) {
            if (r.specifier().namesPrerelease()) {
                return true;
            }
        }
        for (Requirement r : overrides.getOrDefault(name, List.of())) {
            if (r.specifier().namesPrerelease()) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyPrereleases(Project q) {
        for (VersionInfo v : q.versions) {
            if (!v.version.isPrerelease()) {
                return false;
            }
        }
        return true;
    }

    private int[] ids(Project q, Optional<String> extra, int[] indexes) {
        int first = extra.isPresent() ? declareExtra(q, extra.get()) : q.first;
        int[] ids = new int[indexes.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = first + indexes[i];
        }
        return ids;
    }

    /**
     * For explanations: the versions a root requirement or a dependency matches, or that a constraint rules out,
     * ascending; empty for other reasons. Recomputed from the projects read, as the encoding computed them.
     */
    private Set<Version> targets(Reason reason) {
        Set<Version> s = new TreeSet<>();
        if (reason instanceof Reason.RootRequirement || reason instanceof Reason.DependsOn) {
            Requirement r = reason instanceof Reason.RootRequirement root ? root.requirement()
                    : ((Reason.DependsOn) reason).requirement();
            Project q = projects.get(r.name());
            if (q != null) {
                for (int i : matching(q, r)) {
                    s.add(q.versions.get(i).version);
                }
            }
        } else if (reason instanceof Reason.Constrained c) {
            Project q = projects.get(c.constraint().name());
            if (q != null) {
                for (VersionInfo v : q.versions) {
                    if (!c.constraint().specifier().contains(v.version)) {
                        s.add(v.version);
                    }
                }
            }
        }
        return s;
    }

    /** Schedules the most preferred usable matching candidate for speculative expansion. */
    private void speculate(Project q, Requirement r, int[] matching, List<Integer> out) {
        int best = best(q, matching);
        if (best >= 0) {
            out.add(q.first + best);
            for (String extra : r.extras()) {
                out.add(declareExtra(q, extra) + best);
            }
        }
    }

    /** The most preferred usable version among {@code matching}, or -1: the one a greedy resolution tries first. */
    private int best(Project q, int[] matching) {
        int[] ranks = q.ranks;
        int best = -1;
        for (int i : matching) {
            if (ranks[i] < q.usableCount && (best < 0 || ranks[i] < ranks[best])) {
                best = i;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ expansion

    /**
     * Expands the chosen unexpanded candidates. When the optimum keeps choosing fresh versions of the same project
     * (each looks free until its dependencies are known: packse's and the arena's backtracking shapes), the next
     * versions of that project are expanded with it, twice as many each time, so that walking down {@code n}
     * versions takes {@code log n} rounds rather than {@code n}, for at most twice the metadata. A directly
     * required project walks in one batch of {@link #DIRECT_BATCH} from its first step: its version is what the
     * first level of the objective weighs, and proving it optimal once its best version is rejected usually
     * takes the dependencies of the versions below (the arena's {@code backtrack}: 2 rounds instead of 4).
     */
    private void expand(List<Integer> chosen) throws IndexFailure {
        List<Integer> wave = new ArrayList<>(chosen);
        for (int id : chosen) {
            Cand c = candidates.get(id);
            int times = expansions.merge(firstOf(c), 1, Integer::sum);
            if (times == 1 && c.extra.isEmpty() && direct.contains(c.project.name)) {
                wave.addAll(nextVersions(c, DIRECT_BATCH));
            } else if (times >= 2) {
                wave.addAll(nextVersions(c, 32 << Math.min(times - 2, 10)));
            }
        }
        expandWaves(wave);
        solving();
    }

    private void solving() {
        listener.solving(++round, problem.candidateCount(), problem.expandedCount());
    }

    /** How many versions of a direct requirement are read at its first walk-down step (see {@link #expand}). */
    static final int DIRECT_BATCH = 64;

    /** How many times the optimum chose an unexpanded candidate of a package, by the package's first id. */
    private final Map<Integer, Integer> expansions = new HashMap<>();

    /** The id of the first candidate of {@code c}'s package (the base package or the extra). */
    private static int firstOf(Cand c) {
        return c.extra.isPresent() ? c.project.extraFirst.get(c.extra.get()) : c.project.first;
    }

    /** Up to {@code count} unexpanded usable candidates of {@code c}'s package, most preferred first. */
    private List<Integer> nextVersions(Cand c, int count) {
        Project p = c.project;
        int first = firstOf(c);
        int[] ranks = p.ranks;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < p.versions.size(); i++) {
            if (ranks[i] < p.usableCount && !problem.isExpanded(first + i)) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingInt((Integer i) -> ranks[i]).thenComparingInt(i -> i));
        List<Integer> out = new ArrayList<>();
        for (int i : order) {
            if (out.size() == count) {
                break;
            }
            out.add(first + i);
        }
        return out;
    }

    /** Expands the given candidates, then the candidates they speculatively schedule, wave by wave. */
    private void expandWaves(List<Integer> wave) throws IndexFailure {
        while (!wave.isEmpty()) {
            List<Integer> todo = wave.stream().distinct().filter(id -> !problem.isExpanded(id)).sorted().toList();
            if (todo.isEmpty()) {
                return;
            }
            fetchMetadata(todo);
            // the projects the new dependencies name, fetched together
            List<List<Requirement>> deps = new ArrayList<>(todo.size());
            Set<PackageName> names = new LinkedHashSet<>();
            for (int id : todo) {
                List<Requirement> rs = requirementsOf(id);
                deps.add(rs);
                for (Requirement r : rs) {
                    names.add(r.name());
                }
            }
            fetchProjects(new ArrayList<>(names));
            List<Integer> next = new ArrayList<>();
            for (int k = 0; k < todo.size(); k++) {
                encodeDependencies(todo.get(k), deps.get(k), next);
                problem.markExpanded(todo.get(k));
            }
            wave = next;
        }
    }

    /** Reads the metadata of {@code ids} not read yet (most are already in flight), in the order given. */
    private void fetchMetadata(List<Integer> ids) throws IndexFailure {
        Map<VersionInfo, CompletableFuture<Optional<Metadata>>> need = new LinkedHashMap<>();
        Map<VersionInfo, PackageName> owner = new HashMap<>();
        for (int id : ids) {
            Cand c = candidates.get(id);
            VersionInfo v = c.info();
            if (v.unusable.isEmpty()) {
                if (v.metadata == null && !need.containsKey(v)) {
                    need.put(v, prefetch.metadata(c.project, c.index));
                    owner.put(v, c.project.name);
                }
                prefetch.follow(c.project, c.index, c.extra);
            }
        }
        for (Map.Entry<VersionInfo, CompletableFuture<Optional<Metadata>>> e : need.entrySet()) {
            e.getKey().metadata = join(e.getValue());
            listener.metadataRead(owner.get(e.getKey()), e.getKey().version);
        }
    }

    /** What a version (or one of its extras) depends on, or why it cannot be used. */
    private record Deps(List<Requirement> requirements, Optional<String> excluded) {
        static Deps excluded(String why) {
            return new Deps(List.of(), Optional.of(why));
        }
    }

    /** The requirements that apply to a candidate on the target, after overrides; excludes it if unusable. */
    private List<Requirement> requirementsOf(int id) {
        Cand c = candidates.get(id);
        VersionInfo v = c.info();
        if (v.unusable.isPresent()) {
            return List.of(); // already excluded
        }
        Deps d = dependencies(v, c.extra, v.metadata == null ? Optional.empty() : v.metadata);
        if (d.excluded().isPresent()) {
            exclude(c, d.excluded().get());
            return List.of();
        }
        return d.requirements();
    }

    /** The requirements of a version (or of its extra) that apply on the target, after overrides: pure. */
    private Deps dependencies(VersionInfo v, Optional<String> extra, Optional<Metadata> m) {
        if (m.isEmpty()) {
            return Deps.excluded("has no file with readable metadata");
        }
        // validated metadata has parsed Requires-Python and every Requires-Dist line, in order
        Optional<SpecifierSet> rp = m.get().requiresPython();
        if (rp.isPresent() && !rp.get().contains(request.target().python())) {
            return Deps.excluded("requires Python " + rp.get());
        }
        List<Requirement> requiresDist = m.get().requiresDist();
        List<Requirement> out = new ArrayList<>();
        for (int i = 0; i < requiresDist.size(); i++) {
            Requirement r = requiresDist.get(i);
            boolean applies;
            try {
                applies = extra.isEmpty() ? r.appliesTo(env)
                        : r.appliesTo(env, Set.of(extra.get())) && !r.appliesTo(env);
            } catch (MarkerEvaluationException e) {
                return Deps.excluded("has a marker that cannot be evaluated (`" + m.get().raw().requiresDist().get(i)
                        + "`: " + e.getMessage() + ")");
            }
            if (applies) {
                out.addAll(override(r));
            }
        }
        return new Deps(out, Optional.empty());
    }

    private void exclude(Cand c, String why) {
        // the base candidate goes (and with it every extra, through ExtraOf)
        problem.exclude(c.project.first + c.index, new Reason.Unusable(c.project.name, c.info().version, why));
    }

    private void encodeDependencies(int id, List<Requirement> rs, List<Integer> next) {
        Cand c = candidates.get(id);
        c.dependencies = rs;
        for (Requirement r : rs) {
            Project q = projects.get(r.name());
            int[] matching = matching(q, r);
            Reason reason = new Reason.DependsOn(c.project.name, c.info().version, c.extra, r);
            problem.implies(id, ids(q, Optional.empty(), matching), reason);
            for (String extra : r.extras()) {
                problem.implies(id, ids(q, Optional.of(extra), matching), reason);
            }
            speculate(q, r, matching, next);
        }
    }

    // ------------------------------------------------------------------ results

    private Resolution resolution(Outcome.Optimum<Reason> optimum, Duration time) {
        Map<PackageName, Cand> base = new TreeMap<>();
        Map<PackageName, Set<String>> extras = new TreeMap<>();
        for (int id : optimum.chosen()) {
            Cand c = candidates.get(id);
            if (c.extra.isEmpty()) {
                base.put(c.project.name, c);
            } else {
                extras.computeIfAbsent(c.project.name, k -> new TreeSet<>()).add(c.extra.get());
            }
        }
        List<ResolvedPackage> packages = new ArrayList<>();
        for (Cand c : base.values()) {
            packages.add(new ResolvedPackage(c.project.name, c.info().version, c.info().usable,
                    new TreeSet<>(extras.getOrDefault(c.project.name, Set.of())),
                    Optional.ofNullable(directs.get(c.project.name)).map(d -> d.file().url())));
        }
        List<ResolvedDependency> edges = new ArrayList<>();
        for (Requirement r : roots) {
            edges.add(new ResolvedDependency(Optional.empty(), Optional.empty(), r.name(), r));
        }
        for (int id : optimum.chosen()) {
            Cand c = candidates.get(id);
            for (Requirement r : c.dependencies) {
                if (base.containsKey(r.name())) {
                    edges.add(new ResolvedDependency(Optional.of(c.project.name), c.extra, r.name(), r));
                }
            }
        }
        ResolutionStatistics stats = new ResolutionStatistics(prefetch.pageRequests(), prefetch.metadataRequests(),
                prefetch.speculativeRequests(), prefetch.wastedRequests(),
                problem.candidateCount(), problem.constraintCount(), problem.rounds(), problem.satCalls(),
                problem.conflicts(), time);
        return new Resolution(packages, edges, stats);
    }

    private Explanation explanation(Outcome.Unsatisfiable<Reason> unsat) {
        ExplanationBuilder.Context ctx = new ExplanationBuilder.Context() {
            @Override
            public List<Version> versions(PackageName name) {
                Project p = projects.get(name);
                return p == null ? List.of() : p.versionList;
            }

            @Override
            public boolean exists(PackageName name) {
                Project p = projects.get(name);
                return p != null && p.exists;
            }

            private final Map<Reason, Set<Version>> targets = new HashMap<>();

            @Override
            public Set<Version> targets(Reason reason) {
                return targets.computeIfAbsent(reason, Session.this::targets);
            }

            @Override
            public Optional<String> directUrl(PackageName name) {
                return Optional.ofNullable(directs.get(name)).map(d -> d.file().url().toString());
            }
        };
        return new ExplanationBuilder(ctx, unsat.reasons()).build(unsat.minimal());
    }
}
