package dev.pinwheel.internal.sat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.orders.VarOrderHeap;
import org.sat4j.pb.core.PBSolver;
import org.sat4j.pb.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IVecInt;
import org.sat4j.specs.TimeoutException;

/**
 * An incremental optimisation problem over packages and candidates, solved exactly with Sat4j.
 *
 * <h2>Model</h2>
 * A <em>package</em> is a group of candidates of which at most one may be chosen; each candidate has a
 * preference rank ({@code 0} = most preferred) and each package a {@link Tier}. Candidates are numbered
 * {@code 0, 1, 2, ...} in the order they are added. Every constraint is a clause over candidates and carries
 * a caller-supplied reason {@code R} (the one-version rule of a package carries the reason given to
 * {@link #addPackage}). Constraints with equal reasons form one <em>reason group</em>.
 *
 * <h2>Objective</h2>
 * {@link #solve()} returns a solution minimising {@link Objective} — an exact optimum, not a heuristic — that is
 * also <em>minimal</em>: every chosen candidate is reachable from a root clause through the clauses of chosen
 * candidates, and no chosen candidate can be dropped on its own with every constraint still holding.
 *
 * <p>Level 1 (the sum of the direct ranks) is optimised with a core-guided MaxSAT algorithm (OLL, weighted, see
 * {@link #optimise}), whose last call is satisfiable under its final soft literals: the models of that call are
 * exactly the level-1 optima. Level 2 (the ranks of the transitive packages in key order, compared
 * lexicographically) is settled by that same call: each transitive package has an order encoding ("rank &gt;= 1",
 * "rank &gt;= 2", ..., each implied by the candidates of that rank or more; the same variables as the ladder that
 * encodes its at-most-one, see {@link #addPackage} and {@link #atLeast}), and every call of level 1 decides
 * these variables first, package by package in key order and within a package by increasing {@code k}, each to
 * false, before any other variable (see {@link LexicographicOrder}). A satisfiable call's model is then the
 * lexicographically smallest one over that sequence of variables among the models of its assumptions, which is
 * exactly the lexicographically smallest rank vector among the level-1 optima (in such a model these variables
 * are true only where forced, so a package of rank {@code r} reads {@code r} trues then falses, and such words of
 * equal length compare as the ranks do). The decision order changes neither which calls are satisfiable nor the
 * cores, so level 1 is unaffected. Implied clauses "this dependent implies rank &gt;= k" (see
 * {@link #addRankBounds}) spare that call most of its conflicts without changing any solution. Minimality is
 * obtained without the solver, by pruning the optimal model: dropping a candidate only removes the obligations
 * of its own clauses and never raises a rank, so every constraint keeps holding and the solution stays optimal.
 *
 * <p>One solver serves every call: constraints added between calls (see <em>Lazy expansion</em>) only add
 * clauses, so clauses it learned stay valid. Level 1's reformulation (soft literals, counted cores, lower bound)
 * is kept from one call to the next, so a round whose new constraints create no new core costs one SAT call.
 *
 * <h2>Lazy expansion</h2>
 * {@link #solveLazily(Expander)} lets the caller add the dependencies of a candidate only when a solution
 * chooses it. A candidate that is not yet {@linkplain #isExpanded expanded} is treated as having no
 * dependencies. After each solve the chosen unexpanded candidates are expanded and the problem is solved
 * again, until the optimum chooses only expanded candidates. That optimum is the optimum of the full
 * problem: the current problem is a <em>relaxation</em> of the full one (the full problem has the same
 * variables plus ones that appear only in not-yet-added clauses, and every constraint of the current problem
 * is one of the full problem's), so its optimum is no worse than the full optimum; and when the optimum
 * chooses only expanded candidates, every missing clause ("unexpanded {@code c} implies one of ...") is
 * satisfied because {@code c} is not chosen, and unseen candidates are unchosen at cost 0, so the solution
 * is feasible for the full problem and therefore optimal for it. Likewise an unsatisfiable relaxation proves
 * the full problem unsatisfiable, and its reasons are reasons of the full problem. Each round expands at
 * least one new candidate, so the loop ends.
 *
 * <h2>Dormant candidates</h2>
 * A package other than a direct one gives the solver variables only to its candidates down to the best one
 * (in rank order) that a clause names, and {@link #MARGIN} more; the rest are <em>dormant</em>. Most packages end
 * at one of their best few candidates, and a package of fifty versions then costs the solver a handful of
 * variables instead of a hundred. The package's ladder variable "position &gt;= active" (its <em>frontier</em>)
 * stands for all its dormant candidates: a clause naming a dormant candidate positively names the frontier
 * instead (every dormant candidate implies it), and a clause naming one negatively waits until it is active. The
 * problem the solver holds is thus a relaxation again (a dormant candidate's choice is represented by the
 * frontier, with no obligations and the lowest rank a dormant candidate has, which level 2 also decides false
 * first), so its optimum is no worse than the full one; when no frontier is true the model chooses only active
 * candidates and satisfies every clause, so it is the optimum. When a frontier is true, about twice as many
 * candidates of that package are made active, the clauses waiting for them are added, and the call is repeated:
 * constraints are only added, so the relaxation of level 1 stays valid as above. The explanation solver works on
 * the clauses as given, without dormancy.
 *
 * <h2>Budget and explanations</h2>
 * The search is bounded by a deterministic conflict budget ({@code setTimeoutOnConflicts}, counted over the
 * whole life of the solver, not per call); when it runs out the outcome is {@link Outcome.BudgetExceeded}.
 * When there is no solution, {@link Outcome.Unsatisfiable} holds a minimal unsatisfiable subset of the reason
 * groups, computed by deletion on a separate solver in which every group is guarded by a selector literal
 * (Sat4j's {@code unsatExplanation()} in terms of assumptions gives a core; each group of the core is then
 * dropped in turn and kept only if the rest becomes satisfiable). The explanation search has its own budget
 * of the same size; if it runs out the subset is still unsatisfiable but flagged as not proven minimal.
 *
 * <p>Not thread-safe: one instance belongs to one resolution. Encode in a deterministic order; the outcome
 * is then deterministic.
 *
 * @param <R> the caller's reason type; reasons are grouped with {@code equals}
 */
public final class OptimisationProblem<R> {

    /** Adds the dependencies of candidates a solution has chosen; see {@link #solveLazily}. */
    @FunctionalInterface
    public interface Expander<X extends Exception> {
        /**
         * Adds every constraint that the given candidates bring (typically "candidate implies one of ...")
         * to the problem. The candidates are marked expanded afterwards.
         *
         * @param candidates chosen candidates not yet expanded, ascending
         */
        void expand(List<Integer> candidates) throws X;
    }

    /** How many candidates past the best one a clause names are made active with it (see {@link #activate}). */
    static final int MARGIN = 2;

    private final int margin;

    private final int conflictBudget;
    private final PBSolver solver;
    private final BitSet preferTrue = new BitSet();
    private final LexicographicOrder order = new LexicographicOrder(new HintedPhase(preferTrue));

    private final List<Group<R>> packages = new ArrayList<>();
    private final List<Clause<R>> clauses = new ArrayList<>();
    private int[] candidatePackage = new int[16];
    private int[] candidateRank = new int[16];
    /** The solver variable of each candidate; 0 while it is dormant (see {@link #activate}). */
    private int[] candidateVar = new int[16];
    /** Each candidate's position in its package's {@link Group#byRank}. */
    private int[] candidatePosition = new int[16];
    /** Packages whose {@link Group#need} exceeds their activation, until the next {@link #flush}. */
    private final List<Group<R>> waking = new ArrayList<>();
    /** Clauses added since the last {@link #flush}, by number. */
    private final VecInt unencoded = new VecInt();
    /** Clauses waiting for a dormant negative candidate to become active, by that candidate. */
    private final Map<Integer, List<Integer>> pending = new HashMap<>();
    private int candidates;
    private final java.util.function.Function<? super R, ?> groupKey;
    /** Reason to group number; group number to its reasons, in the order added. */
    private final Map<R, Integer> groupOf = new HashMap<>();
    private final Map<Object, Integer> groupByKey = new HashMap<>();
    private final List<List<R>> groupReasons = new ArrayList<>();
    /** Reasons of constraints added since the last grouping, in order (see {@link #group}). */
    private final List<R> ungrouped = new ArrayList<>();
    private final BitSet expanded = new BitSet();
    private boolean contradiction;
    private int nextVar = 1;
    /** Level 1's soft literals, kept across calls of {@link #solve()} (see {@link #optimise}). */
    private final SoftList softs = new SoftList();
    /** {@link #softs} by the variable of their assumption (see {@link #indexSoft}). */
    private Soft[] softByVar = new Soft[0];
    private long lowerBound;
    /** Where the next call's assumptions start in {@link #softs}: after the last core found (see {@link #optimise}). */
    private int rotation;
    /** The links between packages that clauses make, as pairs (see {@link #linkedOrder}), and their number. */
    private int[] linked = new int[64];
    private int links;
    /** Candidates below this number have their soft literals in {@link #softs}. */
    private int softScanned;
    /** Clauses below this index have had their rank bounds added (see {@link #addRankBounds}). */
    private int bounded;
    private int satCalls;
    private int rounds;
    private long explanationConflicts;

    private OptimisationProblem(int conflictBudget, java.util.function.Function<? super R, ?> groupKey, int margin) {
        if (conflictBudget <= 0) {
            throw new IllegalArgumentException("conflictBudget <= 0: " + conflictBudget);
        }
        this.conflictBudget = conflictBudget;
        this.margin = margin;
        this.groupKey = Objects.requireNonNull(groupKey, "groupKey");
        this.solver = newSolver(order, conflictBudget);
    }

    /**
     * Creates an empty problem.
     *
     * @param conflictBudget the number of solver conflicts the optimisation may spend in total, positive
     */
    public static <R> OptimisationProblem<R> create(int conflictBudget) {
        return new OptimisationProblem<>(conflictBudget, r -> r, MARGIN);
    }

    /** As {@link #create(int)}, with {@code margin} in place of {@link #MARGIN}: for tests, 0 activates least. */
    static <R> OptimisationProblem<R> create(int conflictBudget, int margin) {
        return new OptimisationProblem<>(conflictBudget, r -> r, margin);
    }

    /**
     * Creates an empty problem whose explanations are minimal over coarser groups: reasons with equal
     * {@code groupKey} form one group (for example every version's dependency on the same requirement), which
     * makes explanations shorter to compute and to read; the unsatisfiable subset then lists every reason of
     * each group it keeps.
     */
    public static <R> OptimisationProblem<R> create(int conflictBudget, java.util.function.Function<? super R, ?> groupKey) {
        return new OptimisationProblem<>(conflictBudget, groupKey, MARGIN);
    }

    private static PBSolver newSolver(VarOrderHeap order, int budget) {
        PBSolver s = SolverFactory.newDefault();
        s.setOrder(order);
        s.setTimeoutOnConflicts(budget);
        s.setVerbose(false);
        s.setDBSimplificationAllowed(false);
        return s;
    }

    // ------------------------------------------------------------------ building

    /**
     * Adds a package with one candidate per rank; at most one of them may be chosen.
     *
     * @param tier              how the package counts in the objective
     * @param ranks             the rank of each new candidate, each {@code >= 0}; may be empty
     * @param oneVersionReason  the reason carried by the at-most-one constraint
     * @return the number of the first new candidate; the others follow consecutively
     */
    public int addPackage(Tier tier, int[] ranks, R oneVersionReason) {
        return addPackage(tier, "", ranks, oneVersionReason);
    }

    /**
     * Adds a package with one candidate per rank; at most one of them may be chosen.
     *
     * <p>The at-most-one of a direct package (there are few, and they come first) is one Sat4j cardinality
     * constraint. Any other package's is a ladder of clauses over its candidates sorted by rank (ties by number),
     * with one variable per position {@code j >= 1}, "the chosen candidate's position is {@code j} or more": the
     * candidate at position {@code j} implies it and the negation of the next one, and each implies the previous
     * one. Two chosen candidates at positions {@code i < j} would need "position &gt;= i + 1" both false and true.
     * Clauses, because building a Sat4j cardinality constraint allocates an array over every variable of the
     * solver, which made adding thousands of packages quadratic; and the ladder variables are also the package's
     * order encoding for level 2 (see {@link #atLeast}), which therefore costs no variable of its own.
     *
     * @param tier              how the package counts in the objective
     * @param key               orders transitive packages in the second level of the objective (for example the
     *                          normalised project name); must not depend on the order packages are added in
     * @param ranks             the rank of each new candidate, each {@code >= 0}; may be empty
     * @param oneVersionReason  the reason carried by the at-most-one constraint
     * @return the number of the first new candidate; the others follow consecutively
     */
    public int addPackage(Tier tier, String key, int[] ranks, R oneVersionReason) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(oneVersionReason, "oneVersionReason");
        int first = candidates;
        int n = ranks.length;
        ensureCandidateCapacity(first + n);
        int index = packages.size();
        for (int i = 0; i < n; i++) {
            if (ranks[i] < 0) {
                throw new IllegalArgumentException("rank < 0: " + ranks[i]);
            }
            candidatePackage[first + i] = index;
            candidateRank[first + i] = ranks[i];
        }
        candidates += n;
        Group<R> g = new Group<>(first, n, tier, key, oneVersionReason);
        packages.add(g);
        g.byRank = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> ranks[a] != ranks[b] ? Integer.compare(ranks[a], ranks[b]) : Integer.compare(a, b));
        for (int j = 0; j < n; j++) {
            g.byRank[j] = first + order[j];
            candidatePosition[first + order[j]] = j;
        }
        g.ladder = new int[Math.max(n, 1)];
        if (n > 1) {
            group(oneVersionReason);
        }
        if (tier == Tier.DIRECT && n > 1) {
            // few, and added first: Sat4j's cardinality constraint, whose construction allocates an array over
            // every variable of the solver (too costly for the many packages added later), and no extra variable
            for (int i = 0; i < n; i++) {
                candidateVar[first + i] = nextVar++;
            }
            g.active = n;
            declareVars();
            VecInt vars = new VecInt(n);
            for (int i = 0; i < n; i++) {
                vars.push(candidateVar[first + i]);
            }
            try {
                solver.addAtMost(vars, 1);
            } catch (ContradictionException e) {
                contradiction = true;
            }
        } else {
            activate(g, tier == Tier.DIRECT ? n : Math.min(n, 1));
        }
        if (n > 0) {
            preferTrue.set(candidateVar[g.byRank[0]]);
        }
        return first;
    }

    /**
     * Gives the candidates at positions {@code g.active} to {@code target - 1} of a package (in rank order) their
     * variables and ladder clauses (see {@link #addPackage}), then gives the solver the clauses that were waiting
     * for them: those that named the package's old frontier and those with one of them as a negative candidate.
     * A package whose candidates are not all active has a <em>frontier</em>, its ladder variable "position
     * &gt;= active", which stands in every clause for the dormant candidates (see the class Javadoc).
     */
    private void activate(Group<R> g, int target) {
        int a = g.active;
        int n = g.size;
        if (target <= a) {
            return;
        }
        for (int j = a; j < target; j++) {
            candidateVar[g.byRank[j]] = nextVar++;
        }
        int top = Math.min(target, n - 1);
        for (int j = Math.max(a + 1, 1); j <= top; j++) {
            g.ladder[j] = nextVar++;
        }
        declareVars();
        for (int j = Math.max(a + 1, 2); j <= top; j++) {
            addHard(new VecInt(new int[] {-g.ladder[j], g.ladder[j - 1]}));
        }
        for (int j = a; j < target; j++) {
            int x = candidateVar[g.byRank[j]];
            if (j >= 1) {
                addHard(new VecInt(new int[] {-x, g.ladder[j]}));
            }
            if (j + 1 <= top) {
                addHard(new VecInt(new int[] {-x, -g.ladder[j + 1]}));
            }
            if (g.ladder[0] != 0) {
                addHard(new VecInt(new int[] {-x, g.ladder[0]}));
            }
        }
        g.active = target;
        List<Integer> again = g.frontierClauses;
        g.frontierClauses = new ArrayList<>();
        for (int ki : again) {
            encode(ki);
        }
        for (int j = a; j < target; j++) {
            List<Integer> waiting = pending.remove(g.byRank[j]);
            if (waiting != null) {
                waiting.forEach(this::encode);
            }
        }
    }

    /**
     * Wakes the packages that clauses added since the last call need further down, each once, then gives those
     * clauses to the solver.
     */
    private void flush() {
        for (Group<R> g : waking) {
            activate(g, g.need);
        }
        waking.clear();
        for (int i = 0; i < unencoded.size(); i++) {
            encode(unencoded.get(i));
        }
        unencoded.clear();
    }

    /**
     * Gives clause {@code ki} to the solver as the current activation allows: when a negative candidate is dormant,
     * the clause waits for it (dropping it relaxes the problem); a dormant positive candidate is replaced by its
     * package's frontier, which every dormant candidate of the package implies (again a relaxation).
     */
    private void encode(int ki) {
        Clause<R> k = clauses.get(ki);
        for (int c : k.negative) {
            if (candidateVar[c] == 0) {
                pending.computeIfAbsent(c, x -> new ArrayList<>()).add(ki);
                return;
            }
        }
        VecInt lits = new VecInt(k.positive.length + k.negative.length);
        int lastFrontier = -1;
        for (int c : k.positive) {
            if (candidateVar[c] != 0) {
                lits.push(candidateVar[c]);
                continue;
            }
            int p = candidatePackage[c];
            if (p != lastFrontier) { // a clause's candidates are sorted, so a package's are together
                Group<R> g = packages.get(p);
                lits.push(g.ladder[g.active]);
                g.frontierClauses.add(ki);
                lastFrontier = p;
            }
        }
        for (int c : k.negative) {
            lits.push(-candidateVar[c]);
        }
        addOrContradict(lits);
    }

    /** Requires at least one of {@code anyOf} to be chosen (for example a root requirement). */
    public void requireAny(int[] anyOf, R reason) {
        addClause(anyOf, new int[0], reason);
    }

    /** Requires that choosing {@code candidate} implies choosing one of {@code anyOf} (a dependency). */
    public void implies(int candidate, int[] anyOf, R reason) {
        addClause(anyOf, new int[] {candidate}, reason);
    }

    /** Forbids {@code candidate} (for example: no usable file). */
    public void exclude(int candidate, R reason) {
        addClause(new int[0], new int[] {candidate}, reason);
    }

    /** Forbids choosing all of {@code candidates} together. */
    public void conflict(int[] candidates, R reason) {
        addClause(new int[0], candidates, reason);
    }

    /**
     * Adds the clause "one of {@code positive} is chosen or one of {@code negative} is not".
     * An empty clause makes the problem unsatisfiable with {@code reason}.
     */
    public void addClause(int[] positive, int[] negative, R reason) {
        Objects.requireNonNull(reason, "reason");
        int[] pos = normalise(positive);
        int[] neg = normalise(negative);
        Clause<R> clause = new Clause<>(pos, neg, reason);
        clauses.add(clause);
        if (clause.tautology) {
            return; // a tautology, for example a self-dependency: always satisfied
        }
        group(reason);
        // the packages it names, linked in a chain (see linkedOrder)
        int previous = -1;
        for (int c : neg) {
            previous = link(previous, candidatePackage[c]);
        }
        for (int c : pos) {
            previous = link(previous, candidatePackage[c]);
        }
        // each package of the positive candidates: active down to its best one, and MARGIN more, once the
        // clauses added before the next call are all known (see flush), so that a package wakes once per call
        for (int i = 0; i < pos.length; ) {
            Group<R> g = packages.get(candidatePackage[pos[i]]);
            int best = Integer.MAX_VALUE;
            for (; i < pos.length && packages.get(candidatePackage[pos[i]]) == g; i++) {
                best = Math.min(best, candidatePosition[pos[i]]);
            }
            int need = Math.min(g.size, best + 1 + margin);
            if (need > g.need) {
                if (g.need <= g.active && need > g.active) {
                    waking.add(g);
                }
                g.need = need;
            }
        }
        unencoded.push(clauses.size() - 1);
    }

    /** Marks a candidate as expanded: all its constraints are in the problem. */
    public void markExpanded(int candidate) {
        checkCandidate(candidate);
        expanded.set(candidate);
    }

    /** Whether all constraints of {@code candidate} are in the problem. */
    public boolean isExpanded(int candidate) {
        checkCandidate(candidate);
        return expanded.get(candidate);
    }

    // ------------------------------------------------------------------ solving

    /**
     * Solves lazily: solves, expands the chosen unexpanded candidates with {@code expander}, and repeats until
     * the optimum chooses only expanded candidates. See the class Javadoc for why the result is the optimum
     * of the fully expanded problem.
     */
    public <X extends Exception> Outcome<R> solveLazily(Expander<X> expander) throws X {
        while (true) {
            Outcome<R> outcome = solve();
            rounds++;
            if (!(outcome instanceof Outcome.Optimum<R> optimum)) {
                return outcome;
            }
            List<Integer> fresh = new ArrayList<>();
            for (int c : optimum.chosen()) {
                if (!expanded.get(c)) {
                    fresh.add(c);
                }
            }
            if (fresh.isEmpty()) {
                return outcome;
            }
            expander.expand(List.copyOf(fresh));
            for (int c : fresh) {
                expanded.set(c);
            }
        }
    }

    /** Finds an optimum of the problem as it stands, ignoring expansion. */
    public Outcome<R> solve() {
        flush();
        if (contradiction) {
            return explain();
        }
        try {
            addRankBounds();
            if (contradiction) {
                return explain();
            }
            // both levels at once: level 1 core-guided, each of its calls deciding the transitive packages'
            // order-encoding variables first, so that its last (satisfiable) call also settles level 2
            addNewSofts();
            while (true) {
                this.order.setPrefix(prefix());
                boolean sat;
                try {
                    sat = optimise();
                } finally {
                    this.order.setPrefix(new int[0]);
                }
                if (!sat) {
                    return explain();
                }
                // a dormant candidate chosen (a frontier true): make more of that package active, solve again
                List<Group<R>> crossed = new ArrayList<>();
                for (Group<R> g : packages) {
                    if (g.active < g.size && solver.model(g.ladder[g.active])) {
                        crossed.add(g);
                    }
                }
                if (crossed.isEmpty()) {
                    break;
                }
                for (Group<R> g : crossed) {
                    activate(g, Math.min(g.size, 2 * g.active + margin));
                }
                if (contradiction) {
                    return explain();
                }
            }
            BitSet model = model();
            assert lowerBound == directSum(model) : lowerBound + " vs " + directSum(model);
            model = prune(model);
            return new Outcome.Optimum<>(chosen(model), objective(model));
        } catch (TimeoutException e) {
            // the budget is spent: say so; the partial model is of no use to the caller
            return new Outcome.BudgetExceeded<>(conflicts());
        }
    }

    /**
     * Adds, for each clause added since the last call that has at most one negative candidate and whose positive
     * candidates all belong to one transitive package, the implied clause "the negative one implies rank &gt;= k"
     * (or the unit "rank &gt;= k" for a root clause), {@code k} being the best rank among the positive ones, when
     * {@code k > 0}. These clauses change no solution; they let level 2 propagate a package's lowest possible rank
     * as soon as a chosen dependent needs it, where it would otherwise decide "rank &gt;= k" false and learn the
     * contrary from a conflict.
     */
    private void addRankBounds() {
        for (; bounded < clauses.size(); bounded++) {
            Clause<R> k = clauses.get(bounded);
            if (k.negative.length > 1 || k.positive.length == 0 || k.tautology) {
                continue;
            }
            int p = candidatePackage[k.positive[0]];
            int best = Integer.MAX_VALUE;
            for (int c : k.positive) {
                if (candidatePackage[c] != p) {
                    best = -1;
                    break;
                }
                best = Math.min(best, candidateRank[c]);
            }
            Group<R> g = packages.get(p);
            if (best <= 0 || g.tier != Tier.TRANSITIVE || (k.negative.length == 1 && candidateVar[k.negative[0]] == 0)) {
                continue; // (a dormant dependent: its clause waits, and so may this implied one)
            }
            VecInt clause = new VecInt(new int[] {atLeast(g, best)});
            for (int n : k.negative) {
                clause.push(-candidateVar[n]);
            }
            addOrContradict(clause);
        }
    }

    /**
     * The variable "the package's chosen candidate has rank {@code k} or more" ({@code 1 <= k <= max rank}): the
     * ladder variable "position &gt;= j" of the first candidate of rank {@code k} or more, {@code j} its position in
     * rank order (see {@link #addPackage}), or, when that is the first candidate, the variable "a candidate is
     * chosen", created on first use and only implied (by each candidate and by "position &gt;= 1"). A candidate
     * at position {@code i} implies "position &gt;= j" exactly when {@code i >= j} and its negation otherwise, so
     * in a solution these variables can take their canonical values ("rank &gt;= k" true exactly when the chosen
     * candidate's rank is {@code k} or more, all false when none is chosen) and every constraint still holds.
     */
    private int atLeast(Group<R> g, int k) {
        int j = 0;
        while (candidateRank[g.byRank[j]] < k) {
            j++;
        }
        if (j > g.active) {
            j = g.active; // dormant: the frontier, which "rank >= k" implies
        }
        if (j == 0 && g.ladder[0] == 0) {
            g.ladder[0] = nextVar++;
            declareVars();
            for (int i = 0; i < g.active; i++) {
                addHard(new VecInt(new int[] {-candidateVar[g.byRank[i]], g.ladder[0]}));
            }
            if (g.size > 1) {
                addHard(new VecInt(new int[] {-g.ladder[1], g.ladder[0]}));
            }
        }
        return g.ladder[j];
    }

    /**
     * The variables level 2 decides first (see {@link LexicographicOrder}): for each transitive package in key
     * order, {@code atLeast(g, k)} for k = 1, 2, ..., max rank, each variable once (a rank that no candidate has
     * shares the next rank's variable), that is the ladder variables where the rank rises, as far as the frontier.
     * The frontier is among them only where the rank rises: where it does not, choosing a dormant candidate is a
     * tie with the last active one, and deciding it first would prefer one of two equal ranks (which then decides
     * the packages after it wrongly).
     */
    private int[] prefix() {
        VecInt prefix = new VecInt();
        for (int p : transitiveOrder()) {
            Group<R> g = packages.get(p);
            if (g.size > 0 && candidateRank[g.byRank[0]] > 0) {
                prefix.push(atLeast(g, 1));
            }
            for (int j = 1; j < g.size && j <= g.active; j++) {
                if (candidateRank[g.byRank[j]] > candidateRank[g.byRank[j - 1]]) {
                    prefix.push(g.ladder[j]);
                }
            }
        }
        int[] vars = new int[prefix.size()];
        prefix.copyTo(vars);
        return vars;
    }

    /** The transitive packages by order key (ties by number). */
    private List<Integer> transitiveOrder() {
        if (transitiveOrderOf != packages.size()) {
            List<Integer> order = new ArrayList<>();
            for (int p = 0; p < packages.size(); p++) {
                if (packages.get(p).tier == Tier.TRANSITIVE) {
                    order.add(p);
                }
            }
            order.sort(java.util.Comparator.comparing((Integer p) -> packages.get(p).key).thenComparingInt(p -> p));
            transitiveOrder = List.copyOf(order);
            transitiveOrderOf = packages.size();
        }
        return transitiveOrder;
    }

    /** {@link #transitiveOrder()} as last computed, and the number of packages then. */
    private List<Integer> transitiveOrder = List.of();
    private int transitiveOrderOf = -1;

    /** The rank of the package's chosen candidate, or 0 when none is chosen. */
    private int rankIn(BitSet model, Group<R> g) {
        for (int i = 0; i < g.size; i++) {
            if (model.get(g.first + i)) {
                return candidateRank[g.first + i];
            }
        }
        return 0;
    }

    private long directSum(BitSet model) {
        long sum = 0;
        for (int c = model.nextSetBit(0); c >= 0; c = model.nextSetBit(c + 1)) {
            if (packages.get(candidatePackage[c]).tier == Tier.DIRECT) {
                sum += candidateRank[c];
            }
        }
        return sum;
    }

    /**
     * A soft literal of level 1: it should hold, and its negation costs {@code weight}. It is enforced by assuming
     * it: "not chosen" for a direct candidate, "no more than {@code bound - 1} of them" for a {@link Sum}'s output.
     */
    private static final class Soft {
        /** The literal assumed. */
        final int assumption;
        long weight;
        /** The sum whose output this is, and the output's bound; null for a direct candidate's. */
        final Sum sum;
        final int bound;
        /** Marks the soft literals of the core being processed. */
        boolean inCore;
        /** The package of a direct candidate's soft literal (see {@link #addNewSofts}); -1 for an output. */
        final int pkg;

        Soft(int assumption, long weight, Sum sum, int bound, int pkg) {
            this.assumption = assumption;
            this.weight = weight;
            this.sum = sum;
            this.bound = bound;
            this.pkg = pkg;
        }
    }

    /** The soft literals in the order they are assumed, with their literals alongside for building assumptions. */
    private static final class SoftList {
        private Soft[] items = new Soft[16];
        private int[] literals = new int[16];
        private int size;

        int size() {
            return size;
        }

        Soft get(int i) {
            return items[i];
        }

        /** Inserts {@code more} at place {@code at}, in order. */
        void insert(int at, List<Soft> more) {
            int k = more.size();
            if (size + k > items.length) {
                int capacity = Math.max(size + k, 2 * items.length);
                items = Arrays.copyOf(items, capacity);
                literals = Arrays.copyOf(literals, capacity);
            }
            System.arraycopy(items, at, items, at + k, size - at);
            System.arraycopy(literals, at, literals, at + k, size - at);
            for (int i = 0; i < k; i++) {
                items[at + i] = more.get(i);
                literals[at + i] = more.get(i).assumption;
            }
            size += k;
        }

        void remove(int at) {
            System.arraycopy(items, at + 1, items, at, size - at - 1);
            System.arraycopy(literals, at + 1, literals, at, size - at - 1);
            items[--size] = null;
        }

        /** Every literal, from place {@code from} to the end and then from the start. */
        VecInt assumptions(int from) {
            int[] out = new int[size];
            System.arraycopy(literals, from, out, 0, size - from);
            System.arraycopy(literals, 0, out, size - from, from);
            return new VecInt(out);
        }
    }

    /**
     * The soft literals of one core, counted: output {@code k} is a variable that must be true when {@code k} or
     * more of them are false (see {@link #optimise}).
     */
    private static final class Sum {
        /** The negations of the core's soft literals. */
        final int[] violated;
        /** The output variable for each bound, 0 until created. */
        final int[] outputs;

        Sum(int[] violated) {
            this.violated = violated;
            this.outputs = new int[violated.length + 1];
        }
    }

    /**
     * Adds the soft literals of level 1 for candidates added since the last call: "direct candidate not chosen",
     * weighted by its rank; the new ones of different packages are ordered by {@link #linkedOrder()}.
     */
    private void addNewSofts() {
        List<Soft> fresh = new ArrayList<>();
        int firstPackage = -1;
        boolean several = false;
        for (; softScanned < candidates; softScanned++) {
            int c = softScanned;
            int p = candidatePackage[c];
            if (packages.get(p).tier == Tier.DIRECT && candidateRank[c] > 0) {
                Soft soft = new Soft(-candidateVar[c], candidateRank[c], null, 0, p);
                fresh.add(soft);
                indexSoft(soft, true);
                several |= firstPackage >= 0 && p != firstPackage;
                firstPackage = p;
            }
        }
        if (several) {
            int[] position = linkedOrder();
            // stable: a package's candidates keep their order
            fresh.sort(java.util.Comparator.comparingInt(soft -> position[soft.pkg]));
        }
        softs.insert(softs.size(), fresh);
    }

    /**
     * For each package, its place in a depth-first walk over the packages, from each direct package in turn (by
     * number), two packages being linked when a clause names candidates of both: packages that clauses tie
     * together come close together. Level 1 assumes its soft literals in this order of their packages (see
     * {@link #optimise}); packages the walk does not reach come last.
     */
    private int[] linkedOrder() {
        int n = packages.size();
        // the links as adjacency arrays: counted, then filled
        int[] start = new int[n + 1];
        for (int i = 0; i < 2 * links; i++) {
            start[linked[i] + 1]++;
        }
        for (int p = 0; p < n; p++) {
            start[p + 1] += start[p];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] adjacent = new int[2 * links];
        for (int i = 0; i < links; i++) {
            int a = linked[2 * i];
            int b = linked[2 * i + 1];
            adjacent[fill[a]++] = b;
            adjacent[fill[b]++] = a;
        }
        int[] position = new int[n];
        Arrays.fill(position, Integer.MAX_VALUE);
        int next = 0;
        int[] stack = new int[adjacent.length + 1];
        for (int root = 0; root < n; root++) {
            if (packages.get(root).tier != Tier.DIRECT || position[root] != Integer.MAX_VALUE) {
                continue;
            }
            int top = 0;
            stack[top++] = root;
            while (top > 0) {
                int p = stack[--top];
                if (position[p] != Integer.MAX_VALUE) {
                    continue;
                }
                position[p] = next++;
                for (int i = start[p + 1] - 1; i >= start[p]; i--) { // pushed last first: visited in order
                    if (position[adjacent[i]] == Integer.MAX_VALUE) {
                        stack[top++] = adjacent[i];
                    }
                }
            }
        }
        return position;
    }

    /** Notes a link from package {@code previous} (if any) to package {@code p} when they differ; returns p. */
    private int link(int previous, int p) {
        if (previous >= 0 && p != previous) {
            if (2 * links + 2 > linked.length) {
                linked = Arrays.copyOf(linked, 2 * linked.length);
            }
            linked[2 * links] = previous;
            linked[2 * links + 1] = p;
            links++;
        }
        return p;
    }

    /**
     * Core-guided MaxSAT with counted cores (the OLL algorithm, weighted as in RC2): assumes every soft literal;
     * while that is unsatisfiable, takes the core (the soft literals among Sat4j's failed assumptions: at least one
     * of them must be false), adds its smallest weight {@code m} to the lower bound and takes {@code m} off the
     * weight of each of its literals (one whose weight is spent is no longer assumed). What the core's literals
     * cost beyond that one unit is then counted by a new {@link Sum} over them: its output 2, true whenever two or
     * more of them are false, becomes a soft literal ("not output 2") of weight {@code m}; and when a later core
     * holds a sum's output {@code k}, the sum's output {@code k + 1} gains the weight that core takes off output
     * {@code k}. A core of one literal means it cannot hold at all: its weight is paid and it is no longer assumed.
     * When the assumptions become satisfiable, the model's cost is the lower bound, which no solution can beat:
     * the model is optimal for the level, and the models of that last call are exactly the level's optima (an
     * optimum has cost equal to the lower bound, so it makes every soft literal of the reformulation hold). Each
     * core is a plain resolution proof of one unit of cost, so optimality is cheap to prove when the optimum is
     * close to the most preferred choice, which is the common case; a linear search on a pseudo-Boolean bound has
     * to refute "sum &lt; optimum" in one proof, which resolution finds hard.
     *
     * <p>An output {@code o} of bound {@code k} over {@code n} literals is the pseudo-Boolean constraint
     * "{@code (n - k + 1) * not o} plus the number of false literals is at most {@code n}": with {@code o} false,
     * at most {@code k - 1} are false; with {@code o} true, nothing. So {@code o} is forced true by {@code k}
     * false literals, and may be true otherwise, which only costs more. A core adds one variable and one
     * constraint, where relaxing each of its literals with a variable of its own (Fu–Malik) adds two variables,
     * a clause and an assumption per literal, and every later call pays for those assumptions again.
     *
     * <p>Sat4j assumes the assumptions one after another and stops at the first that fails, so an unsatisfiable
     * call costs about the assumptions it propagates up to that one. The soft literals are kept in an order that
     * puts those of packages tied by clauses together (see {@link #addNewSofts}), and each call starts just after
     * the last literal of the previous core, wrapping around: independent conflicts (two direct requirements that
     * each need an old version of their own dependency) are then found one after another, each for about the
     * price of its own literals, where starting from the front again each time would propagate every literal
     * before the next conflict again. The order changes which core a call finds, never whether it finds one.
     *
     * <p>On return {@code softs} holds the final soft literals, all true in the solver's model (the model of the
     * last call, which assumed them all), and {@code lowerBound} the optimum.
     *
     * <p>The reformulation is kept from one call to the next: every step above preserves, for each assignment
     * satisfying the hard constraints (with each output true exactly when its count is reached), "original cost =
     * lower bound + reformulated cost", and that stays true when hard constraints are added (an assignment
     * satisfying more constraints satisfies the old ones) and when soft literals are added (their cost adds to
     * both sides). So a later call starts from the cores already found and only looks for new ones.
     *
     * @return false when the hard constraints are unsatisfiable
     */
    private boolean optimise() throws TimeoutException {
        while (true) {
            int n = softs.size();
            if (rotation >= n) {
                rotation = 0;
            }
            List<Soft> core = new ArrayList<>();
            boolean sat = sat(softs.assumptions(rotation));
            IVecInt explanation = sat ? null : solver.unsatExplanation();
            for (int i = 0; explanation != null && i < explanation.size(); i++) {
                int lit = explanation.get(i);
                Soft soft = Math.abs(lit) < softByVar.length ? softByVar[Math.abs(lit)] : null;
                if (soft != null && soft.assumption == lit && !soft.inCore) {
                    soft.inCore = true;
                    core.add(soft);
                }
            }
            if (sat) {
                return true;
            }
            if (core.isEmpty()) {
                if (!sat(new VecInt())) {
                    return false; // the hard constraints alone are unsatisfiable
                }
                // Sat4j gave no usable core; fall back to every soft literal (still a core, only larger)
                for (int i = 0; i < n; i++) {
                    softs.get(i).inCore = true;
                    core.add(softs.get(i));
                }
                if (core.isEmpty()) {
                    throw new IllegalStateException("Satisfiable, yet unsatisfiable under no assumption");
                }
            }
            long min = Long.MAX_VALUE;
            for (Soft soft : core) {
                min = Math.min(min, soft.weight);
            }
            lowerBound += min;
            // where the core's literals are, found in this call's order (they are early in it when the order
            // works); the next call starts after the last of them
            int[] at = new int[core.size()];
            for (int i = 0, found = 0; found < at.length; i++) {
                int j = rotation + i < n ? rotation + i : rotation + i - n;
                if (softs.get(j).inCore) {
                    at[found++] = j;
                }
            }
            int last = at[at.length - 1];
            // the outputs the core brings: the next output of each sum it holds an output of, and output 2 of
            // a new sum over the core, each inserted after the core's last literal with the weight m
            List<Soft> added = new ArrayList<>();
            for (Soft soft : core) {
                if (soft.sum != null && soft.bound < soft.sum.violated.length) {
                    output(soft.sum, soft.bound + 1, min, added);
                }
            }
            if (core.size() > 1) {
                int[] violated = new int[core.size()];
                for (int i = 0; i < violated.length; i++) {
                    violated[i] = -core.get(i).assumption;
                }
                output(new Sum(violated), 2, min, added);
            }
            for (Soft soft : core) {
                soft.inCore = false;
                soft.weight -= min;
            }
            softs.insert(last + 1, added);
            rotation = last + 1 + added.size();
            // the core's spent literals are no longer assumed (removed from the highest place down; those after
            // the insertion moved up by its size)
            Arrays.sort(at);
            for (int i = at.length - 1; i >= 0; i--) {
                int place = at[i] > last ? at[i] + added.size() : at[i];
                Soft soft = softs.get(place);
                if (soft.weight == 0) {
                    softs.remove(place);
                    indexSoft(soft, false);
                    if (place < rotation) {
                        rotation--;
                    }
                }
            }
        }
    }

    /**
     * Raises the weight of the soft literal "not output {@code k}" of {@code sum} by {@code weight}; when it is not
     * assumed, creates it with that weight (and the output with its constraint, see {@link #optimise}, the first
     * time) and adds it to {@code added}.
     */
    private void output(Sum sum, int k, long weight, List<Soft> added) {
        int o = sum.outputs[k];
        if (o != 0) {
            Soft soft = o < softByVar.length ? softByVar[o] : null;
            if (soft != null) {
                soft.weight += weight;
                return;
            }
        } else {
            o = nextVar++;
            declareVars();
            sum.outputs[k] = o;
            int n = sum.violated.length;
            VecInt lits = new VecInt(n + 1);
            VecInt coefficients = new VecInt(n + 1);
            for (int v : sum.violated) {
                lits.push(v);
                coefficients.push(1);
            }
            lits.push(-o);
            coefficients.push(n - k + 1);
            try {
                solver.addAtMost(lits, coefficients, n);
            } catch (ContradictionException e) {
                throw new IllegalStateException("A constraint with a fresh variable cannot be contradictory", e);
            }
        }
        Soft soft = new Soft(-o, weight, sum, k, -1);
        indexSoft(soft, true);
        added.add(soft);
    }

    /** Gives the solver a clause of the problem; one that contradicts the clauses so far makes it unsatisfiable. */
    private void addOrContradict(VecInt clause) {
        try {
            solver.addClause(clause);
        } catch (ContradictionException e) {
            contradiction = true;
        }
    }

    private void addHard(VecInt clause) {
        try {
            solver.addClause(clause);
        } catch (ContradictionException e) {
            throw new IllegalStateException("A clause over fresh variables cannot be contradictory", e);
        }
    }

    /** Enters {@code soft} in {@link #softByVar}, or takes it out. */
    private void indexSoft(Soft soft, boolean in) {
        int v = Math.abs(soft.assumption);
        if (v >= softByVar.length) {
            softByVar = Arrays.copyOf(softByVar, Math.max(v + 1, 2 * softByVar.length));
        }
        softByVar[v] = in ? soft : null;
    }

    private boolean sat(IVecInt assumptions) throws TimeoutException {
        satCalls++;
        // global: one conflict timer for the solver's life (a local call adds a timer that is never removed)
        return solver.isSatisfiable(assumptions, false);
    }

    /**
     * Makes an optimal model minimal: drops chosen candidates not reachable from a root clause (a clause with no
     * negative literal) through the clauses whose negative literals are all reached, then drops, one at a time
     * and from the highest candidate number down, any chosen candidate that no clause still needs, until neither
     * step changes anything. Dropping a candidate never breaks a constraint that another choice does not
     * satisfy, and never raises the objective.
     */
    private BitSet prune(BitSet model) {
        indexClauses();
        // reaching is idempotent (what is reached from the reached candidates is all of them), so one pass per
        // change settles the first step
        BitSet m = reached(model);
        while (true) {
            BitSet needed = needed(m);
            int dropped = -1;
            for (int c = m.length() - 1; c >= 0; c = m.previousSetBit(c - 1)) {
                if (!needed.get(c)) {
                    dropped = c;
                    break;
                }
            }
            if (dropped < 0) {
                return m;
            }
            m.clear(dropped);
            m = reached(m);
        }
    }

    /**
     * The candidates of {@code m} reached from a root clause through the clauses whose negative literals are all
     * reached (see {@link #prune}).
     */
    private BitSet reached(BitSet m) {
        BitSet reached = new BitSet(candidates);
        int[] queue = new int[m.cardinality()];
        int tail = 0;
        for (int i = 0; i < rootClauses.size(); i++) {
            for (int c : clauses.get(rootClauses.get(i)).positive) {
                if (m.get(c) && !reached.get(c)) {
                    reached.set(c);
                    queue[tail++] = c;
                }
            }
        }
        for (int head = 0; head < tail; head++) {
            for (int i = 0, size = negativeOccurrences.size(queue[head]); i < size; i++) {
                Clause<R> k = clauses.get(negativeOccurrences.get(queue[head], i));
                boolean all = true;
                for (int n : k.negative) {
                    all &= reached.get(n);
                }
                if (all) {
                    for (int p : k.positive) {
                        if (m.get(p) && !reached.get(p)) {
                            reached.set(p);
                            queue[tail++] = p;
                        }
                    }
                }
            }
        }
        return reached;
    }

    /** Whether every clause in which {@code c} is positive still holds without it. */
    /**
     * The chosen candidates some clause still needs: each is the only chosen positive candidate of a clause whose
     * negative candidates are all chosen (the others could be dropped on their own). One pass over the clauses of
     * the chosen candidates, from each clause's first negative candidate, and over the root clauses.
     */
    private BitSet needed(BitSet m) {
        BitSet needed = new BitSet(candidates);
        for (int i = 0; i < rootClauses.size(); i++) {
            markSole(clauses.get(rootClauses.get(i)), m, needed);
        }
        for (int d = m.nextSetBit(0); d >= 0; d = m.nextSetBit(d + 1)) {
            for (int i = 0, size = negativeOccurrences.size(d); i < size; i++) {
                Clause<R> k = clauses.get(negativeOccurrences.get(d, i));
                if (k.negative[0] != d) {
                    continue; // visited from its first negative candidate, which must be chosen too
                }
                boolean all = true;
                for (int j = 1; all && j < k.negative.length; j++) {
                    all = m.get(k.negative[j]);
                }
                if (all) {
                    markSole(k, m, needed);
                }
            }
        }
        return needed;
    }

    /** Marks the chosen positive candidate of {@code k} when it is the only one. */
    private static void markSole(Clause<?> k, BitSet m, BitSet needed) {
        int sole = -1;
        for (int p : k.positive) {
            if (m.get(p)) {
                if (sole >= 0) {
                    return;
                }
                sole = p;
            }
        }
        if (sole >= 0) {
            needed.set(sole);
        }
    }

    private final Occurrences negativeOccurrences = new Occurrences();
    /** The indexed clauses with no negative candidate (root clauses), by number. */
    private final VecInt rootClauses = new VecInt();
    private int indexed;

    /** The numbers of the clauses in which each candidate occurs as a negative one, in the order added. */
    private static final class Occurrences {
        private int[][] lists = new int[16][];
        private int[] sizes = new int[16];

        void add(int c, int clause) {
            if (c >= lists.length) {
                int n = Math.max(c + 1, 2 * lists.length);
                lists = Arrays.copyOf(lists, n);
                sizes = Arrays.copyOf(sizes, n);
            }
            int[] l = lists[c];
            if (l == null) {
                lists[c] = l = new int[4];
            } else if (sizes[c] == l.length) {
                lists[c] = l = Arrays.copyOf(l, 2 * l.length);
            }
            l[sizes[c]++] = clause;
        }

        int size(int c) {
            return c < sizes.length ? sizes[c] : 0;
        }

        int get(int c, int i) {
            return lists[c][i];
        }
    }

    private void indexClauses() {
        for (; indexed < clauses.size(); indexed++) {
            Clause<R> k = clauses.get(indexed);
            if (k.tautology) {
                continue;
            }
            if (k.negative.length == 0) {
                rootClauses.push(indexed);
            }
            for (int n : k.negative) {
                negativeOccurrences.add(n, indexed);
            }
        }
    }

    private Objective objective(BitSet model) {
        List<Integer> transitive = new ArrayList<>();
        for (int p : transitiveOrder()) {
            transitive.add(rankIn(model, packages.get(p)));
        }
        return new Objective(directSum(model), transitive);
    }

    private BitSet model() {
        BitSet chosen = new BitSet(candidates);
        for (int c = 0; c < candidates; c++) {
            if (candidateVar[c] != 0 && solver.model(candidateVar[c])) {
                chosen.set(c);
            }
        }
        return chosen;
    }

    private static List<Integer> chosen(BitSet model) {
        return model.stream().boxed().toList();
    }

    private void declareVars() {
        solver.newVar(nextVar - 1);
    }

    /** Notes a reason for grouping; the grouping itself waits for {@link #explain()}, which alone needs it. */
    private void group(R reason) {
        ungrouped.add(reason);
    }

    /** Groups the reasons noted so far, in the order they were noted. */
    private void groupNoted() {
        for (R reason : ungrouped) {
            groupNow(reason);
        }
        ungrouped.clear();
    }

    private void groupNow(R reason) {
        if (groupOf.containsKey(reason)) {
            return;
        }
        Integer g = groupByKey.computeIfAbsent(groupKey.apply(reason), k -> {
            groupReasons.add(new ArrayList<>());
            return groupReasons.size() - 1;
        });
        groupReasons.get(g).add(reason);
        groupOf.put(reason, g);
    }

    // ------------------------------------------------------------------ explanations

    /**
     * Computes a minimal unsatisfiable subset of reason groups on a fresh solver where candidate {@code c} is
     * variable {@code c + 1} and group {@code g} is guarded by selector {@code candidates + 1 + g}.
     */
    private Outcome<R> explain() {
        groupNoted();
        int groups = groupReasons.size();
        int base = candidates + 1;
        PBSolver m = newSolver(new VarOrderHeap(new HintedPhase(new BitSet())), conflictBudget);
        m.newVar(candidates + groups);
        try {
            for (Group<R> g : packages) {
                if (g.size > 1) {
                    VecInt lits = new VecInt();
                    VecInt coeffs = new VecInt();
                    for (int i = 0; i < g.size; i++) {
                        lits.push(g.first + i + 1);
                        coeffs.push(1);
                    }
                    // s -> at most one: sum + (n - 1) * s <= n
                    lits.push(base + groupOf.get(g.reason));
                    coeffs.push(g.size - 1);
                    m.addAtMost(lits, coeffs, g.size);
                }
            }
            for (Clause<R> c : clauses) {
                if (c.tautology) {
                    continue;
                }
                VecInt lits = new VecInt();
                for (int p : c.positive) {
                    lits.push(p + 1);
                }
                for (int n : c.negative) {
                    lits.push(-(n + 1));
                }
                lits.push(-(base + groupOf.get(c.reason)));
                m.addClause(lits);
            }
        } catch (ContradictionException e) {
            throw new IllegalStateException("Guarded constraints cannot be contradictory", e);
        }
        List<Integer> core = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            core.add(g);
        }
        boolean minimal = true;
        try {
            satCalls++;
            if (m.isSatisfiable(selectors(core, base))) {
                throw new IllegalStateException("The problem is satisfiable once every constraint is named");
            }
            core = shrink(core, m.unsatExplanation(), base);
            int i = 0;
            while (i < core.size()) {
                List<Integer> trial = new ArrayList<>(core);
                trial.remove(i);
                satCalls++;
                if (m.isSatisfiable(selectors(trial, base))) {
                    i++; // core.get(i) is necessary
                } else {
                    core = shrink(trial, m.unsatExplanation(), base);
                }
            }
        } catch (TimeoutException e) {
            // out of budget: the current core is unsatisfiable but perhaps not minimal, and says so
            minimal = false;
        } finally {
            explanationConflicts += m.getStats().getConflicts();
        }
        List<R> reasons = new ArrayList<>(core.size());
        for (int g : core) {
            reasons.addAll(groupReasons.get(g));
        }
        return new Outcome.Unsatisfiable<>(reasons, minimal);
    }

    private static VecInt selectors(List<Integer> groups, int base) {
        VecInt v = new VecInt(groups.size());
        for (int g : groups) {
            v.push(base + g);
        }
        return v;
    }

    /** Keeps the groups of {@code core} whose selectors are in {@code explanation}, in order. */
    private static List<Integer> shrink(List<Integer> core, IVecInt explanation, int base) {
        if (explanation == null) {
            return core;
        }
        BitSet in = new BitSet();
        for (int i = 0; i < explanation.size(); i++) {
            int lit = Math.abs(explanation.get(i));
            if (lit >= base) {
                in.set(lit - base);
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int g : core) {
            if (in.get(g)) {
                kept.add(g);
            }
        }
        return kept;
    }

    // ------------------------------------------------------------------ statistics

    /** The number of candidates marked expanded. */
    public int expandedCount() {
        return expanded.cardinality();
    }

    /** The number of candidates added. */
    public int candidateCount() {
        return candidates;
    }

    /** The number of packages added. */
    public int packageCount() {
        return packages.size();
    }

    /** The number of constraints added: clauses plus one at-most-one per package with two or more candidates. */
    public int constraintCount() {
        int n = clauses.size();
        for (Group<R> g : packages) {
            n += g.size > 1 ? 1 : 0;
        }
        return n;
    }

    /** The number of SAT calls so far, explanation calls included. */
    public int satCalls() {
        return satCalls;
    }

    /** The number of solve rounds of {@link #solveLazily}. */
    public int rounds() {
        return rounds;
    }

    /** The number of conflicts spent so far, explanation included. */
    public long conflicts() {
        return solver.getStats().getConflicts() + explanationConflicts;
    }

    // ------------------------------------------------------------------ helpers

    private void checkCandidate(int c) {
        if (c < 0 || c >= candidates) {
            throw new IllegalArgumentException("No such candidate: " + c);
        }
    }

    private void ensureCandidateCapacity(int n) {
        if (n > candidatePackage.length) {
            int size = Math.max(n, candidatePackage.length * 2);
            candidatePackage = Arrays.copyOf(candidatePackage, size);
            candidateRank = Arrays.copyOf(candidateRank, size);
            candidateVar = Arrays.copyOf(candidateVar, size);
            candidatePosition = Arrays.copyOf(candidatePosition, size);
        }
    }

    private int[] normalise(int[] cs) {
        int[] copy = cs.clone();
        for (int c : copy) {
            checkCandidate(c);
        }
        Arrays.sort(copy);
        int n = 0;
        for (int i = 0; i < copy.length; i++) {
            if (i == 0 || copy[i] != copy[i - 1]) {
                copy[n++] = copy[i];
            }
        }
        return n == copy.length ? copy : Arrays.copyOf(copy, n);
    }

    private static boolean intersects(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    private static final class Group<R> {
        final int first;
        final int size;
        final Tier tier;
        final String key;
        final R reason;
        /** The package's candidates by rank, ties by number. */
        int[] byRank;
        /**
         * Index {@code j >= 1}: the variable "the chosen candidate's position in {@link #byRank} is {@code j} or
         * more" (false when none is chosen); index 0: "a candidate is chosen", 0 until created by atLeast. All 0
         * for a direct package, whose at-most-one is a cardinality constraint and which has no order encoding.
         */
        int[] ladder;
        /** Candidates at positions below this one have variables; the others are dormant. */
        int active;
        /** How many candidates the clauses added so far want active (see {@link #flush}). */
        int need;
        /** Clauses the solver holds with this package's frontier among their literals (see {@link #encode}). */
        List<Integer> frontierClauses = new ArrayList<>();

        Group(int first, int size, Tier tier, String key, R reason) {
            this.first = first;
            this.size = size;
            this.tier = tier;
            this.key = key;
            this.reason = reason;
        }
    }

    private static final class Clause<R> {
        final int[] positive;
        final int[] negative;
        final R reason;
        /** A candidate on both sides: always satisfied, never given to a solver. */
        final boolean tautology;

        Clause(int[] positive, int[] negative, R reason) {
            this.positive = positive;
            this.negative = negative;
            this.reason = reason;
            this.tautology = intersects(positive, negative);
        }
    }
}
