package dev.pinwheel.resolve;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.version.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a minimal unsatisfiable set of reasons into a derivation.
 *
 * <p>First it derives which versions cannot be used (unusable or constrained away, or depending only on
 * versions that cannot be used), to a fixed point. If a root requirement is left with no usable version,
 * the derivation explains that requirement's versions, depth first, and concludes. Otherwise it follows what
 * the roots force: a required package whose every remaining version depends on the same package forces that
 * package too; when two such chains force disjoint versions of one package, they "cannot both be installed".
 * When neither pattern concludes (a conflict that needs case analysis), the reasons are listed.
 */
final class ExplanationBuilder {

    /** What the resolver knows about the universe, for ranges and for "no version matches". */
    interface Context {
        /** The candidate versions of a project, ascending; empty when it has none or does not exist. */
        List<Version> versions(PackageName name);

        /** Whether the index has the project at all. */
        boolean exists(PackageName name);

        /**
         * For a root requirement or dependency, the versions of the required project that match it; for a
         * constraint, the versions it rules out.
         */
        Set<Version> targets(Reason reason);

        /** For a project a direct URL requirement pins to one file, that URL (without fragment). */
        Optional<String> directUrl(PackageName name);
    }

    private final Context ctx;
    private final List<Reason> reasons;
    /** Ruled-out versions per project, with the reason that rules each out. */
    private final Map<PackageName, Map<Version, Reason>> out = new LinkedHashMap<>();
    private final List<Explanation.Step> steps = new ArrayList<>();
    private final Set<String> explained = new HashSet<>();

    ExplanationBuilder(Context ctx, List<Reason> reasons) {
        this.ctx = ctx;
        this.reasons = List.copyOf(reasons);
    }

    Explanation build(boolean minimal) {
        deriveRuledOut();
        if (!concludeFromRoots() && !concludeFromNeeds()) {
            steps.clear();
            listReasons();
        }
        return new Explanation(reasons, steps, minimal);
    }

    // ------------------------------------------------------------------ ruled-out versions

    private void deriveRuledOut() {
        for (Reason r : reasons) {
            if (r instanceof Reason.Unusable u) {
                ruleOut(u.name(), u.version(), u);
            } else if (r instanceof Reason.Constrained c) {
                for (Version v : ctx.targets(c)) {
                    ruleOut(c.constraint().name(), v, c);
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Reason r : reasons) {
                if (r instanceof Reason.DependsOn d && !isOut(d.name(), d.version())
                        && (selfExcluding(d) || allOut(d.requirement().name(), ctx.targets(d)))) {
                    ruleOut(d.name(), d.version(), d);
                    changed = true;
                }
            }
        }
    }

    /** A version that depends on other versions of its own project only: one version per project rules it out. */
    private boolean selfExcluding(Reason.DependsOn d) {
        return d.requirement().name().equals(d.name()) && !ctx.targets(d).contains(d.version());
    }

    private void ruleOut(PackageName name, Version v, Reason why) {
        out.computeIfAbsent(name, k -> new LinkedHashMap<>()).putIfAbsent(v, why);
    }

    private boolean isOut(PackageName name, Version v) {
        Map<Version, Reason> m = out.get(name);
        return m != null && m.containsKey(v);
    }

    private boolean allOut(PackageName name, Collection<Version> vs) {
        for (Version v : vs) {
            if (!isOut(name, v)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ conclusion 1: a root has nothing left

    private boolean concludeFromRoots() {
        for (Reason r : reasons) {
            if (r instanceof Reason.RootRequirement root) {
                Requirement req = root.requirement();
                Set<Version> targets = ctx.targets(root);
                if (allOut(req.name(), targets)) {
                    int before = steps.size();
                    String why = explainTargets(req, targets);
                    String you = "you require " + Explanation.requirementText(req);
                    // after steps that conclude the premise, PubGrub's "And because" leaves it implicit
                    add(List.of(root), (steps.size() > before ? "And because " + you : "Because " + why + " and " + you)
                            + ", the requirements cannot be satisfied.");
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Emits the steps that show every version in {@code targets} is unusable and returns the premise that sums
     * them up ("no version of b matches >=2", "b>=2.0 requires Python >=3.13", "b>=2.0 cannot be used").
     */
    private String explainTargets(Requirement req, Set<Version> targets) {
        PackageName name = req.name();
        if (!ctx.exists(name)) {
            return "`" + name.original() + "` does not exist on the index";
        }
        if (targets.isEmpty()) {
            Optional<String> url = ctx.directUrl(name);
            if (url.isPresent()) {
                // the project is the one file its URL names: say so, or the message denies versions the index has
                String from = name.original() + " is taken from " + url.get() + " (" + ctx.versions(name).get(0) + ")";
                return req.url().isPresent() ? from + ", not from " + req.url().get()
                        : from + ", which does not match " + req.specifier();
            }
            return req.specifier().isEmpty() ? "there is no version of " + name.original()
                    : "no version of " + name.original() + " matches " + req.specifier();
        }
        Map<Version, Reason> why = out.getOrDefault(name, Map.of());
        Map<String, Reason> causes = new LinkedHashMap<>();
        for (Version v : new TreeSet<>(targets)) {
            Reason r = why.get(v);
            causes.putIfAbsent(r instanceof Reason.Unusable u ? "U " + u.why() : String.valueOf(r), r);
        }
        if (causes.size() == 1) {
            Reason only = causes.values().iterator().next();
            if (only instanceof Reason.Unusable u) {
                return term(name, targets) + " " + u.why();
            }
            if (only instanceof Reason.Constrained c) {
                return "you constrain " + Explanation.requirementText(c.constraint());
            }
        }
        explainOut(name, targets);
        return term(name, targets) + " cannot be used";
    }

    /** Emits steps showing why the versions {@code vs} of {@code name} are ruled out, grouped by reason. */
    private void explainOut(PackageName name, Set<Version> vs) {
        Map<Version, Reason> why = out.getOrDefault(name, Map.of());
        // group versions by the text of their reason, keeping the first reason of each group
        Map<String, List<Version>> groups = new LinkedHashMap<>();
        Map<String, List<Reason>> groupReasons = new LinkedHashMap<>();
        for (Version v : new TreeSet<>(vs)) {
            Reason r = why.get(v);
            String key;
            if (r instanceof Reason.Unusable u) {
                key = "U " + u.why();
            } else if (r instanceof Reason.Constrained c) {
                key = "C " + c.constraint();
            } else if (r instanceof Reason.DependsOn d) {
                key = "D " + d.requirement() + " " + d.extra();
            } else {
                continue;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
            groupReasons.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Version>> g : groups.entrySet()) {
            List<Version> versions = g.getValue();
            String done = name.normalized() + " " + g.getKey() + " " + versions;
            if (!explained.add(done)) {
                continue;
            }
            Reason first = groupReasons.get(g.getKey()).get(0);
            String subject = term(name, versions);
            if (first instanceof Reason.Unusable u) {
                add(groupReasons.get(g.getKey()), "Because " + subject + " " + u.why() + ", " + subject
                        + " cannot be used.");
            } else if (first instanceof Reason.Constrained c) {
                add(List.of(c), "Because you constrain " + Explanation.requirementText(c.constraint()) + ", "
                        + subject + " cannot be used.");
            } else if (first instanceof Reason.DependsOn d) {
                Set<Version> targets = new LinkedHashSet<>();
                for (Reason r : groupReasons.get(g.getKey())) {
                    targets.addAll(ctx.targets(r));
                }
                String premise = selfExcluding(d) ? "only one version of " + name.original() + " can be installed"
                        : explainTargets(d.requirement(), targets);
                add(groupReasons.get(g.getKey()), "Because " + dependent(name, versions) + " depends on "
                        + Explanation.requirementText(d.requirement()) + " and " + premise + ", " + subject
                        + " cannot be used.");
            }
        }
    }

    // ------------------------------------------------------------------ conclusion 2: chains that clash

    /** A source of a forced package: a root requirement, or every remaining version of a forced package. */
    private record Source(Reason.RootRequirement root, PackageName from, Set<Version> fromVersions,
                          List<Reason> reasons, String premise) {
        // written out, with the values the generated ones give: a record's generated equals and hashCode link
        // method handles on first use, which a fresh JVM pays milliseconds for (issue 5)
        @Override
        public boolean equals(Object other) {
            return other instanceof Source o && Objects.equals(root, o.root) && Objects.equals(from, o.from)
                    && Objects.equals(fromVersions, o.fromVersions) && Objects.equals(reasons, o.reasons) && Objects.equals(premise, o.premise);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + Objects.hashCode(root);
            h = 31 * h + Objects.hashCode(from);
            h = 31 * h + Objects.hashCode(fromVersions);
            h = 31 * h + Objects.hashCode(reasons);
            h = 31 * h + Objects.hashCode(premise);
            return h;
        }
    }

    private static final class Need {
        Set<Version> allowed;
        final List<Source> sources = new ArrayList<>();
    }

    private boolean concludeFromNeeds() {
        Map<PackageName, Need> needs = new LinkedHashMap<>();
        for (Reason r : reasons) {
            if (r instanceof Reason.RootRequirement root) {
                Source s = new Source(root, null, Set.of(), List.of(root),
                        Explanation.requirementText(root.requirement()));
                if (narrow(needs, root.requirement().name(), ctx.targets(root), s)) {
                    return conclude(needs, root.requirement().name());
                }
            }
        }
        Set<String> processed = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<PackageName, Need> e : new ArrayList<>(needs.entrySet())) {
                PackageName p = e.getKey();
                Set<Version> allowed = e.getValue().allowed;
                if (!processed.add(p.normalized() + " " + allowed)) {
                    continue;
                }
                // dependencies of the allowed versions, by required project
                Map<PackageName, Map<Version, List<Reason.DependsOn>>> byTarget = new LinkedHashMap<>();
                for (Reason r : reasons) {
                    if (r instanceof Reason.DependsOn d && d.name().equals(p) && d.extra().isEmpty()
                            && allowed.contains(d.version())) {
                        byTarget.computeIfAbsent(d.requirement().name(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(d.version(), k -> new ArrayList<>()).add(d);
                    }
                }
                for (Map.Entry<PackageName, Map<Version, List<Reason.DependsOn>>> t : byTarget.entrySet()) {
                    if (t.getValue().size() != allowed.size()) {
                        continue; // not every allowed version needs this project
                    }
                    Set<Version> union = new TreeSet<>();
                    Set<String> texts = new LinkedHashSet<>();
                    List<Reason> used = new ArrayList<>();
                    for (List<Reason.DependsOn> ds : t.getValue().values()) {
                        Set<Version> inter = null;
                        for (Reason.DependsOn d : ds) {
                            Set<Version> ts = new TreeSet<>(ctx.targets(d));
                            if (inter == null) {
                                inter = ts;
                            } else {
                                inter.retainAll(ts);
                            }
                            texts.add(Explanation.requirementText(d.requirement()));
                            used.add(d);
                        }
                        union.addAll(inter);
                    }
                    String premise = dependent(p, allowed) + " depends on " + String.join(" and ", texts);
                    Source s = new Source(null, p, allowed, used, premise);
                    if (narrow(needs, t.getKey(), union, s)) {
                        return conclude(needs, t.getKey());
                    }
                    changed = true;
                }
            }
        }
        return false;
    }

    /** Narrows what {@code name} may be; returns true when nothing usable is left. */
    private boolean narrow(Map<PackageName, Need> needs, PackageName name, Set<Version> versions, Source s) {
        Need n = needs.computeIfAbsent(name, k -> new Need());
        Set<Version> next = new TreeSet<>(versions);
        next.removeIf(v -> isOut(name, v));
        if (n.allowed != null) {
            next.retainAll(n.allowed);
        }
        n.allowed = next;
        n.sources.add(s);
        return next.isEmpty();
    }

    private boolean conclude(Map<PackageName, Need> needs, PackageName clash) {
        // the chain: every source that led to the clash, back to the roots
        List<Source> chain = new ArrayList<>();
        collect(needs, clash, chain, new HashSet<>());
        // versions of the clashing project that the chains allow but cannot be used
        Set<Version> allowedSomewhere = new TreeSet<>();
        for (Source s : needs.get(clash).sources) {
            if (s.root != null) {
                allowedSomewhere.addAll(ctx.targets(s.root));
            } else {
                for (Reason r : s.reasons) {
                    allowedSomewhere.addAll(ctx.targets(r));
                }
            }
        }
        allowedSomewhere.removeIf(v -> !isOut(clash, v));
        if (!allowedSomewhere.isEmpty()) {
            explainOut(clash, allowedSomewhere);
        }
        List<String> deps = new ArrayList<>();
        List<Reason> depReasons = new ArrayList<>();
        List<String> roots = new ArrayList<>();
        List<Reason> rootReasons = new ArrayList<>();
        Set<PackageName> tops = new LinkedHashSet<>();
        for (Source s : chain) {
            if (s.root != null) {
                roots.add(s.premise);
                rootReasons.add(s.root);
                tops.add(s.root.requirement().name());
            } else {
                deps.add(s.premise);
                depReasons.addAll(s.reasons);
            }
        }
        if (deps.isEmpty()) {
            add(rootReasons, "Because you require " + join(roots) + ", the requirements cannot be satisfied.");
            return true;
        }
        List<String> topTerms = new ArrayList<>();
        for (PackageName top : tops) {
            topTerms.add(term(top, needs.get(top) == null ? Set.of() : rootAllowed(needs, top)));
        }
        String conclusion = topTerms.size() == 1 ? topTerms.get(0) + " cannot be used"
                : join(topTerms) + " cannot both be installed";
        add(depReasons, (steps.isEmpty() ? "Because " : "And because ") + join(deps) + ", " + conclusion + ".");
        add(rootReasons, "And because you require " + join(roots) + ", the requirements cannot be satisfied.");
        return true;
    }

    private Set<Version> rootAllowed(Map<PackageName, Need> needs, PackageName top) {
        Set<Version> s = new TreeSet<>();
        for (Source src : needs.get(top).sources) {
            if (src.root != null) {
                s.addAll(ctx.targets(src.root));
            }
        }
        s.removeIf(v -> isOut(top, v));
        return s;
    }

    private void collect(Map<PackageName, Need> needs, PackageName p, List<Source> chain, Set<PackageName> seen) {
        if (!seen.add(p) || !needs.containsKey(p)) {
            return;
        }
        for (Source s : needs.get(p).sources) {
            if (s.from != null) {
                collect(needs, s.from, chain, seen);
            }
        }
        for (Source s : needs.get(p).sources) {
            if (!chain.contains(s)) {
                chain.add(s);
            }
        }
    }

    // ------------------------------------------------------------------ fallback

    private void listReasons() {
        List<String> facts = new ArrayList<>();
        for (Reason r : reasons) {
            if (!(r instanceof Reason.OneVersionPer) && !(r instanceof Reason.ExtraOf)) {
                facts.add(r.describe());
            }
        }
        add(reasons, "Because " + join(facts) + ", the requirements cannot be satisfied.");
    }

    // ------------------------------------------------------------------ text

    private void add(List<? extends Reason> premises, String sentence) {
        String s = steps.isEmpty() || !sentence.startsWith("Because ") ? sentence : "And b" + sentence.substring(1);
        steps.add(new Explanation.Step(List.copyOf(premises), s));
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** The subject of "... depends on": "every version of a" when all versions, else a term. */
    private String dependent(PackageName name, Collection<Version> vs) {
        List<Version> known = ctx.versions(name);
        if (known.size() > 1 && vs.size() == known.size()) {
            return "every version of " + name.original();
        }
        return term(name, vs);
    }

    /**
     * A compact name for a set of versions of a project: {@code a} for all of them, {@code a==1.0} for one,
     * {@code a>=2.0} / {@code a<=1.5} / {@code a>=1.0,<=1.5} for a contiguous run of the known versions,
     * runs joined with "or" otherwise.
     */
    String term(PackageName name, Collection<Version> vs) {
        List<Version> known = ctx.versions(name);
        TreeSet<Version> set = new TreeSet<>(vs);
        String n = name.original();
        if (set.isEmpty()) {
            return n;
        }
        if (set.size() == 1) {
            return n + "==" + set.first();
        }
        if (known.size() == set.size() && set.containsAll(known)) {
            return n;
        }
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < known.size()) {
            if (!set.contains(known.get(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < known.size() && set.contains(known.get(j + 1))) {
                j++;
            }
            Version lo = known.get(i);
            Version hi = known.get(j);
            if (i == j) {
                runs.add(n + "==" + lo);
            } else if (j == known.size() - 1) {
                runs.add(n + ">=" + lo);
            } else if (i == 0) {
                runs.add(n + "<=" + hi);
            } else {
                runs.add(n + ">=" + lo + ",<=" + hi);
            }
            i = j + 1;
        }
        Set<Version> unknown = new TreeSet<>(set);
        known.forEach(unknown::remove);
        for (Version v : unknown) {
            runs.add(n + "==" + v);
        }
        return String.join(" or ", runs);
    }
}
