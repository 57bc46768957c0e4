package dev.pinwheel.server;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.lock.Lock;
import dev.pinwheel.lock.LockBuilder;
import dev.pinwheel.lock.LockSources;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.resolve.Explanation;
import dev.pinwheel.resolve.IndexUnavailableException;
import dev.pinwheel.resolve.PackageSelection;
import dev.pinwheel.resolve.Reason;
import dev.pinwheel.resolve.Resolution;
import dev.pinwheel.resolve.ResolutionException;
import dev.pinwheel.resolve.ResolutionRequest;
import dev.pinwheel.resolve.ResolutionStrategy;
import dev.pinwheel.resolve.ResolutionTimeoutException;
import dev.pinwheel.resolve.ResolvedDependency;
import dev.pinwheel.resolve.ResolvedPackage;
import dev.pinwheel.resolve.Resolver;
import dev.pinwheel.resolve.ResolverOptions;
import dev.pinwheel.resolve.UnsatisfiableException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine backed by Pinwheel's {@link Resolver}: one resolver per resolution, over the recording view of the
 * chosen index, so that nothing the resolver might keep outlives the request and every page read is recorded.
 * Thread-safe.
 */
final class ResolverEngine implements ResolutionEngine {
    /**
     * The {@code # via} label of the request's root requirements in lock files, as {@code -r requirements.in} names
     * a requirements file: a lock from the server equals what {@code pinwheel compile} writes for the same
     * requirements in a file named {@code request}, header aside.
     */
    static final String REQUEST_LABEL = "-r request";
    /** The {@code # via} label of pins named by the request's constraints ({@code -c constraints.txt} in the CLI). */
    static final String CONSTRAINT_LABEL = "-c request";

    private final int parallelism;
    private final Map<String, URI> indexUrls;

    /**
     * @param parallelism parallel index reads per resolution
     * @param indexUrls   the public URL of each configured index that has one, named in lock files
     */
    ResolverEngine(int parallelism, Map<String, URI> indexUrls) {
        this.parallelism = parallelism;
        this.indexUrls = Map.copyOf(indexUrls);
    }

    @Override
    public Outcome resolve(ResolveInput input, PackageIndex index, int conflictBudget) throws ProblemException {
        ResolverOptions options = ResolverOptions.defaults()
                .withStrategy(strategy(input.strategy()))
                .withPrereleases(input.prereleases())
                .withConflictBudget(conflictBudget)
                .withParallelism(parallelism);
        ResolutionRequest request = new ResolutionRequest(input.requirements(), input.constraints(), input.overrides(),
                input.target().target(), Map.of(), PackageSelection.NONE, input.excludeNewer());
        Resolution resolution;
        try {
            resolution = Resolver.create(index, options).resolve(request);
        } catch (UnsatisfiableException e) {
            return unsatisfiable(e.explanation());
        } catch (ResolutionTimeoutException e) {
            return new Outcome.TooHard(e.getMessage(), e.conflicts(), conflictBudget);
        } catch (IndexUnavailableException e) {
            IndexException cause = e.getCause();
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("index", input.index());
            ext.put("index_id", cause.indexId());
            cause.url().ifPresent(u -> ext.put("url", u.toString()));
            throw ProblemException.of(502, "index-unavailable", "Index unavailable",
                    "The index `" + input.index() + "` failed: " + cause.getMessage(), ext);
        } catch (ResolutionException e) {
            throw ProblemException.of(500, "resolution-failed", "Resolution failed", e.getMessage(), Map.of());
        }
        return resolved(input, resolution, Optional.ofNullable(indexUrls.get(input.index())).map(URI::toString));
    }

    private static ResolutionStrategy strategy(String name) {
        return ResolutionStrategy.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    static Outcome.Resolved resolved(ResolveInput input, Resolution resolution, Optional<String> indexUrl) {
        List<Outcome.Pin> pins = new ArrayList<>();
        for (ResolvedPackage p : resolution.packages()) {
            List<Outcome.FileInfo> files = new ArrayList<>();
            for (DistributionFile f : p.files()) {
                files.add(file(f));
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("The resolver chose " + p.pin() + " with no usable file");
            }
            pins.add(new Outcome.Pin(p.name().normalized(), p.name().normalized(), p.version().toString(),
                    List.copyOf(p.extras()), files.get(0), files));
        }
        pins.sort(Comparator.comparing(Outcome.Pin::normalizedName));
        List<Outcome.Edge> edges = new ArrayList<>();
        for (ResolvedDependency d : resolution.dependencies()) {
            edges.add(new Outcome.Edge(d.from().map(n -> n.normalized()), d.fromExtra(), d.to().normalized(),
                    d.requirement().toString()));
        }
        edges.sort(Comparator.comparing((Outcome.Edge e) -> e.from().orElse(""))
                .thenComparing(e -> e.fromExtra().orElse(""))
                .thenComparing(Outcome.Edge::to)
                .thenComparing(Outcome.Edge::requirement));
        Set<PackageName> constrained = input.constraints().stream().map(Requirement::name).collect(Collectors.toSet());
        Lock lock = LockBuilder.of(resolution, input.target().target(), r -> List.of(REQUEST_LABEL))
                .constraintLabels(n -> constrained.contains(n) ? List.of(CONSTRAINT_LABEL) : List.of())
                .indexUrls(id -> indexUrl)
                .sources(indexUrl.map(LockSources::index).orElse(LockSources.DEFAULT))
                .build();
        return new Outcome.Resolved(pins, edges, EnvironmentKey.of(input.target(), pins), lock);
    }

    private static Outcome.FileInfo file(DistributionFile f) {
        return new Outcome.FileInfo(f.name(), f.url().toString(), f.size(), new java.util.TreeMap<>(f.hashes()), f.requiresPython(),
                f.uploadTime(), f.indexId());
    }

    static Outcome.Unsatisfiable unsatisfiable(Explanation explanation) {
        Map<Reason, Integer> ids = new IdentityHashMap<>();
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (Reason r : explanation.reasons()) {
            ids.put(r, reasons.size());
            reasons.add(reason(r));
        }
        for (Explanation.Step s : explanation.steps()) {
            for (Reason r : s.premises()) {
                if (!ids.containsKey(r)) {
                    ids.put(r, reasons.size());
                    reasons.add(reason(r));
                }
            }
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Explanation.Step s : explanation.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("premises", s.premises().stream().map(ids::get).toList());
            m.put("sentence", s.sentence());
            steps.add(m);
        }
        return new Outcome.Unsatisfiable(explanation.render(), reasons, steps, explanation.minimal());
    }

    private static Map<String, Object> reason(Reason r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r instanceof Reason.RootRequirement) {
            m.put("kind", "root-requirement");
            m.put("requirement", ((Reason.RootRequirement) r).requirement().toString());
        } else if (r instanceof Reason.DependsOn) {
            Reason.DependsOn d = (Reason.DependsOn) r;
            m.put("kind", "depends-on");
            m.put("name", d.name().normalized());
            m.put("version", d.version().toString());
            d.extra().ifPresent(x -> m.put("extra", x));
            m.put("requirement", d.requirement().toString());
        } else if (r instanceof Reason.OneVersionPer) {
            Reason.OneVersionPer o = (Reason.OneVersionPer) r;
            m.put("kind", "one-version-per");
            m.put("name", o.name().normalized());
            o.extra().ifPresent(x -> m.put("extra", x));
        } else if (r instanceof Reason.ExtraOf) {
            Reason.ExtraOf x = (Reason.ExtraOf) r;
            m.put("kind", "extra-of");
            m.put("name", x.name().normalized());
            m.put("version", x.version().toString());
            m.put("extra", x.extra());
        } else if (r instanceof Reason.Unusable) {
            Reason.Unusable u = (Reason.Unusable) r;
            m.put("kind", "unusable");
            m.put("name", u.name().normalized());
            m.put("version", u.version().toString());
            m.put("why", u.why());
        } else if (r instanceof Reason.Constrained) {
            m.put("kind", "constrained");
            m.put("requirement", ((Reason.Constrained) r).constraint().toString());
        } else {
            m.put("kind", "other");
        }
        m.put("text", r.describe());
        return m;
    }
}
