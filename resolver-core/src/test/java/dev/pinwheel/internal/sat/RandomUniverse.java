package dev.pinwheel.internal.sat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small random optimisation problem in plain terms, with a brute-force solver, used to check
 * {@link OptimisationProblem} against the definition of its objective. A candidate is the key
 * {@code package * 8 + index}.
 */
final class RandomUniverse {

    /** A clause "one of pos, or not one of neg", carrying a reason; {@code owner} is the candidate whose dependency it is, or -1. */
    record TClause(List<Integer> pos, List<Integer> neg, String reason, int owner) {
    }

    final int packages;
    final int[] size;
    final Tier[] tier;
    final int[][] rank;
    final List<TClause> clauses = new ArrayList<>();

    private RandomUniverse(int packages) {
        this.packages = packages;
        this.size = new int[packages];
        this.tier = new Tier[packages];
        this.rank = new int[packages][];
    }

    static int key(int p, int i) {
        return p * 8 + i;
    }

    static String oneVersion(int p) {
        return "one version of p" + p;
    }

    static RandomUniverse generate(long seed, int maxPackages, int maxCandidates) {
        Random r = new Random(seed);
        RandomUniverse u = new RandomUniverse(1 + r.nextInt(maxPackages));
        boolean sharedDependencyReasons = r.nextBoolean();
        for (int p = 0; p < u.packages; p++) {
            u.size[p] = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(maxCandidates);
            int t = r.nextInt(3);
            u.tier[p] = p == 0 || t == 0 ? Tier.DIRECT : t == 1 ? Tier.TRANSITIVE : (r.nextInt(3) == 0 ? Tier.AUXILIARY : Tier.TRANSITIVE);
            u.rank[p] = new int[u.size[p]];
            for (int i = 0; i < u.size[p]; i++) {
                // mostly distinct increasing ranks, sometimes ties or gaps
                u.rank[p][i] = r.nextInt(4) == 0 ? r.nextInt(4) : i;
            }
        }
        int roots = 0;
        for (int p = 0; p < u.packages; p++) {
            if (u.tier[p] == Tier.DIRECT && r.nextInt(5) != 0) {
                u.clauses.add(new TClause(subset(r, p, u.size[p], r.nextInt(8) == 0), List.of(), "root " + roots++, -1));
            }
        }
        if (r.nextInt(4) == 0) {
            // a root over two packages
            int p = r.nextInt(u.packages);
            int q = r.nextInt(u.packages);
            List<Integer> any = new ArrayList<>(subset(r, p, u.size[p], false));
            any.addAll(subset(r, q, u.size[q], false));
            u.clauses.add(new TClause(any.stream().distinct().sorted().toList(), List.of(), "root " + roots++, -1));
        }
        for (int p = 0; p < u.packages; p++) {
            for (int i = 0; i < u.size[p]; i++) {
                int c = key(p, i);
                int deps = r.nextInt(3);
                for (int d = 0; d < deps; d++) {
                    int q = r.nextInt(u.packages);
                    String reason = sharedDependencyReasons ? "dependencies of " + c : "dependency " + d + " of " + c;
                    u.clauses.add(new TClause(subset(r, q, u.size[q], r.nextInt(6) == 0), List.of(c), reason, c));
                }
                if (r.nextInt(10) == 0) {
                    u.clauses.add(new TClause(List.of(), List.of(c), "exclude " + c, -1));
                }
            }
        }
        int conflicts = r.nextInt(3);
        for (int k = 0; k < conflicts; k++) {
            int p = r.nextInt(u.packages);
            int q = r.nextInt(u.packages);
            if (p != q && u.size[p] > 0 && u.size[q] > 0) {
                int a = key(p, r.nextInt(u.size[p]));
                int b = key(q, r.nextInt(u.size[q]));
                u.clauses.add(new TClause(List.of(), List.of(Math.min(a, b), Math.max(a, b)), "conflict " + k, -1));
            }
        }
        return u;
    }

    private static List<Integer> subset(Random r, int p, int size, boolean allowEmpty) {
        List<Integer> s = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (r.nextInt(3) != 0) {
                s.add(key(p, i));
            }
        }
        if (s.isEmpty() && !allowEmpty && size > 0) {
            s.add(key(p, r.nextInt(size)));
        }
        return s;
    }

    int packageOf(int key) {
        return key / 8;
    }

    // ------------------------------------------------------------------ brute force

    /** Whether a set of chosen keys satisfies the clauses (at-most-one holds by construction of the caller). */
    static boolean satisfies(List<TClause> cs, boolean[] chosen) {
        for (TClause c : cs) {
            boolean ok = false;
            for (int k : c.pos) {
                ok |= chosen[k];
            }
            for (int k : c.neg) {
                ok |= !chosen[k];
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The documented objective, transitive packages ordered by their key (here: their number). */
    Objective objective(boolean[] chosen) {
        long direct = 0;
        List<Integer> transitive = new ArrayList<>();
        for (int p = 0; p < packages; p++) {
            int r = 0;
            for (int i = 0; i < size[p]; i++) {
                if (chosen[key(p, i)]) {
                    r = rank[p][i];
                }
            }
            if (tier[p] == Tier.DIRECT) {
                direct += r;
            } else if (tier[p] == Tier.TRANSITIVE) {
                transitive.add(r);
            }
        }
        return new Objective(direct, transitive);
    }

    /**
     * Whether a solution is minimal as documented: every chosen candidate is reachable from a root clause through
     * clauses whose negative literals are all reached, and no chosen candidate can be dropped alone.
     */
    boolean minimal(boolean[] chosen) {
        boolean[] reached = new boolean[chosen.length];
        boolean grew = true;
        while (grew) {
            grew = false;
            for (TClause c : clauses) {
                boolean all = c.neg.stream().allMatch(k -> reached[k]);
                if (all) {
                    for (int k : c.pos) {
                        if (chosen[k] && !reached[k]) {
                            reached[k] = true;
                            grew = true;
                        }
                    }
                }
            }
        }
        for (int k = 0; k < chosen.length; k++) {
            if (chosen[k] && !reached[k]) {
                return false;
            }
            if (chosen[k]) {
                chosen[k] = false;
                boolean ok = satisfies(clauses, chosen);
                chosen[k] = true;
                if (ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The optimum under the documented objective, by enumerating every choice of at most one candidate per package. */
    Objective bruteForceOptimum() {
        int[] choice = new int[packages];
        Arrays.fill(choice, -1);
        Objective best = null;
        while (true) {
            boolean[] chosen = new boolean[packages * 8];
            for (int p = 0; p < packages; p++) {
                if (choice[p] >= 0) {
                    chosen[key(p, choice[p])] = true;
                }
            }
            if (satisfies(clauses, chosen)) {
                Objective o = objective(chosen);
                if (best == null || o.compareTo(best) < 0) {
                    best = o;
                }
            }
            int p = 0;
            while (p < packages && ++choice[p] >= size[p]) {
                choice[p] = -1;
                p++;
            }
            if (p == packages) {
                return best;
            }
        }
    }

    /**
     * Whether the constraints named by {@code reasons} (clauses and one-version rules) admit any assignment of the
     * candidates, by enumerating every subset of candidates (no at-most-one unless named).
     */
    boolean satisfiable(List<String> reasons) {
        List<TClause> cs = new ArrayList<>();
        for (TClause c : clauses) {
            if (reasons.contains(c.reason)) {
                cs.add(c);
            }
        }
        List<Integer> keys = new ArrayList<>();
        for (int p = 0; p < packages; p++) {
            for (int i = 0; i < size[p]; i++) {
                keys.add(key(p, i));
            }
        }
        int n = keys.size();
        for (long mask = 0; mask < (1L << n); mask++) {
            boolean[] chosen = new boolean[packages * 8];
            for (int j = 0; j < n; j++) {
                chosen[keys.get(j)] = (mask >> j & 1) == 1;
            }
            boolean amo = true;
            for (int p = 0; p < packages && amo; p++) {
                if (reasons.contains(oneVersion(p))) {
                    int on = 0;
                    for (int i = 0; i < size[p]; i++) {
                        on += chosen[key(p, i)] ? 1 : 0;
                    }
                    amo = on <= 1;
                }
            }
            if (amo && satisfies(cs, chosen)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ encoding

    /** Encodes this universe into an {@link OptimisationProblem}, eagerly or lazily, and keeps the id mapping. */
    final class Encoding {
        final OptimisationProblem<String> problem;
        final int[] first = new int[packages];
        final Map<Integer, Integer> keyOfId = new HashMap<>();
        private final boolean[] declared = new boolean[packages];
        private final List<TClause> pendingConflicts = new ArrayList<>();

        Encoding(boolean lazy) {
            this(lazy, OptimisationProblem.MARGIN);
        }

        /** With {@code margin} 0, a package's candidates beyond the best one a clause names start dormant. */
        Encoding(boolean lazy, int margin) {
            problem = OptimisationProblem.create(1_000_000, margin);
            for (TClause c : clauses) {
                if (c.owner < 0 && !c.neg.isEmpty() && c.pos.isEmpty()) {
                    pendingConflicts.add(c); // exclusions and conflicts: added once their packages exist
                }
            }
            if (!lazy) {
                for (int p = 0; p < packages; p++) {
                    declare(p);
                }
            }
            for (TClause c : clauses) {
                if (c.owner < 0 && c.neg.isEmpty()) {
                    for (int k : c.pos) {
                        declare(packageOf(k));
                    }
                    problem.requireAny(ids(c.pos), c.reason);
                }
            }
            if (!lazy) {
                for (TClause c : clauses) {
                    if (c.owner >= 0) {
                        addDependency(c);
                    }
                }
                for (int id = 0; id < problem.candidateCount(); id++) {
                    problem.markExpanded(id);
                }
            }
        }

        Outcome<String> solve() {
            return problem.solveLazily(this::expand);
        }

        private void expand(List<Integer> ids) {
            for (int id : ids) {
                int key = keyOfId.get(id);
                for (TClause c : clauses) {
                    if (c.owner == key) {
                        addDependency(c);
                    }
                }
            }
        }

        private void addDependency(TClause c) {
            for (int k : c.pos) {
                declare(packageOf(k));
            }
            problem.implies(id(c.owner), ids(c.pos), c.reason);
        }

        private void declare(int p) {
            if (declared[p]) {
                return;
            }
            declared[p] = true;
            first[p] = problem.addPackage(tier[p], "p" + p, rank[p], oneVersion(p));
            for (int i = 0; i < size[p]; i++) {
                keyOfId.put(first[p] + i, key(p, i));
            }
            for (var it = pendingConflicts.iterator(); it.hasNext();) {
                TClause c = it.next();
                if (c.neg.stream().allMatch(k -> declared[packageOf(k)])) {
                    problem.conflict(ids(c.neg), c.reason);
                    it.remove();
                }
            }
        }

        private int id(int key) {
            return first[packageOf(key)] + key % 8;
        }

        private int[] ids(List<Integer> keys) {
            return keys.stream().mapToInt(this::id).toArray();
        }

        boolean[] chosen(List<Integer> ids) {
            boolean[] chosen = new boolean[packages * 8];
            for (int id : ids) {
                chosen[keyOfId.get(id)] = true;
            }
            return chosen;
        }
    }
}
