package dev.pinwheel.internal.sat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sat4j.core.Vec;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.orders.VarOrderHeap;
import org.sat4j.pb.core.PBSolver;
import org.sat4j.pb.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IConstr;
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
 * {@link #solve()} returns a solution minimising {@link Objective} lexicographically (sum of direct ranks,
 * then sum of transitive ranks, then the number of chosen candidates) — an exact optimum, not a heuristic.
 * It is computed in three stages on one incremental solver: for each level, a solution is found and then
 * improved by adding "level &lt; value" as a pseudo-Boolean constraint until none exists (linear SAT–UNSAT
 * search); the optimum of the level is then kept as a bound while the next level is optimised. Stages
 * rather than one weighted sum because exact weights that encode a lexicographic order need coefficients
 * as large as the product of the level ranges, which grow quickly and slow the PB reasoning; stages keep
 * every coefficient at most a rank. Stage constraints are guarded by fresh selector literals, passed as
 * assumptions and retired afterwards, so that clauses learned while optimising stay valid and the solver
 * can be reused when constraints are added (see <em>Lazy expansion</em>). A bound of 0 is passed as the
 * assumption that every weighted variable is false instead (the common case: everything at its most
 * preferred candidate), because Sat4j's final-conflict analysis over a large PB constraint is quadratic.
 * The third level counts one indicator variable per package, tied to the package by one cardinality
 * constraint "at most one of its candidates and not-indicator" (that is, {@code sum(x) <= indicator}),
 * so that its bound has one term per package rather than one per candidate.
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

    private static final int LEVELS = 3;

    private final int conflictBudget;
    private final PBSolver solver;
    private final BitSet preferTrue = new BitSet();

    private final List<Group<R>> packages = new ArrayList<>();
    private final List<Clause<R>> clauses = new ArrayList<>();
    private int[] candidatePackage = new int[16];
    private int[] candidateRank = new int[16];
    private int[] candidateVar = new int[16];
    private int candidates;
    private final Map<R, Integer> groupOf = new LinkedHashMap<>();
    private final List<R> groupReasons = new ArrayList<>();
    private final BitSet expanded = new BitSet();
    private boolean contradiction;
    private int nextVar = 1;
    private int satCalls;
    private int rounds;
    private long explanationConflicts;

    private OptimisationProblem(int conflictBudget) {
        if (conflictBudget <= 0) {
            throw new IllegalArgumentException("conflictBudget <= 0: " + conflictBudget);
        }
        this.conflictBudget = conflictBudget;
        this.solver = newSolver(preferTrue, conflictBudget);
    }

    /**
     * Creates an empty problem.
     *
     * @param conflictBudget the number of solver conflicts the optimisation may spend in total, positive
     */
    public static <R> OptimisationProblem<R> create(int conflictBudget) {
        return new OptimisationProblem<>(conflictBudget);
    }

    private static PBSolver newSolver(BitSet preferTrue, int budget) {
        PBSolver s = SolverFactory.newDefault();
        s.setOrder(new VarOrderHeap(new HintedPhase(preferTrue)));
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
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(oneVersionReason, "oneVersionReason");
        int first = candidates;
        int n = ranks.length;
        ensureCandidateCapacity(first + n);
        int index = packages.size();
        int[] vars = new int[n];
        for (int i = 0; i < n; i++) {
            if (ranks[i] < 0) {
                throw new IllegalArgumentException("rank < 0: " + ranks[i]);
            }
            candidatePackage[first + i] = index;
            candidateRank[first + i] = ranks[i];
            candidateVar[first + i] = nextVar++;
            vars[i] = candidateVar[first + i];
        }
        candidates += n;
        // the package's indicator y: "some candidate of the package is chosen" is forced onto it by
        // at-most-one over the candidates and not-y (sum(x) <= y); the last objective level counts indicators
        int indicator = nextVar++;
        preferTrue.set(indicator);
        packages.add(new Group<>(first, n, tier, oneVersionReason, indicator));
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (best < 0 || ranks[i] < ranks[best]) {
                best = i;
            }
        }
        if (best >= 0) {
            preferTrue.set(candidateVar[first + best]);
        }
        declareVars();
        if (n > 1) {
            group(oneVersionReason);
        }
        if (n > 0) {
            VecInt lits = new VecInt(vars);
            lits.push(-indicator);
            try {
                solver.addAtMost(lits, 1);
            } catch (ContradictionException e) {
                contradiction = true;
            }
        }
        return first;
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
        clauses.add(new Clause<>(pos, neg, reason));
        if (intersects(pos, neg)) {
            return; // a tautology, for example a self-dependency: always satisfied
        }
        group(reason);
        try {
            solver.addClause(literals(pos, neg));
        } catch (ContradictionException e) {
            contradiction = true;
        }
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
        if (contradiction) {
            return explain();
        }
        VecInt assumptions = new VecInt();
        List<IConstr> bounds = new ArrayList<>();
        List<Integer> retired = new ArrayList<>();
        try {
            if (!sat(assumptions)) {
                return explain();
            }
            BitSet model = model();
            for (int level = 0; level < LEVELS; level++) {
                Terms terms = terms(level);
                long value = value(model, level);
                while (value > 0) {
                    // is there a solution with level < value?
                    int mark = assumptions.size();
                    IConstr guard = bound(terms, value - 1, assumptions, retired);
                    boolean better = sat(assumptions);
                    assumptions.shrinkTo(mark);
                    if (guard != null) {
                        solver.removeSubsumedConstr(guard);
                    }
                    if (!better) {
                        break;
                    }
                    model = model();
                    value = value(model, level);
                }
                if (level < LEVELS - 1) {
                    // keep this level at its optimum while optimising the next
                    IConstr keep = bound(terms, value, assumptions, retired);
                    if (keep != null) {
                        bounds.add(keep);
                    }
                }
            }
            return new Outcome.Optimum<>(chosen(model), objective(model));
        } catch (TimeoutException e) {
            // the budget is spent: say so; the partial model is of no use to the caller
            return new Outcome.BudgetExceeded<>(conflicts());
        } finally {
            for (int i = bounds.size() - 1; i >= 0; i--) {
                solver.removeSubsumedConstr(bounds.get(i));
            }
            retire(retired);
        }
    }

    private void retire(List<Integer> selectors) {
        // learned clauses that used a stage constraint contain the negated selector; fixing it false keeps
        // them true and frees the solver from the selector
        for (int s : selectors) {
            try {
                solver.addClause(new VecInt(new int[] {-s}));
            } catch (ContradictionException e) {
                throw new IllegalStateException("A retired selector cannot be forced: " + s, e);
            }
        }
    }

    private boolean sat(IVecInt assumptions) throws TimeoutException {
        satCalls++;
        return solver.isSatisfiable(assumptions);
    }

    /** The weighted Sat4j variables of one objective level. */
    private static final class Terms {
        final VecInt vars = new VecInt();
        final Vec<BigInteger> coeffs = new Vec<>();
        long total;
    }

    private Terms terms(int level) {
        Terms t = new Terms();
        if (level == LEVELS - 1) {
            // the number of packages with a chosen candidate: one indicator per package (see addPackage)
            for (int p = 0; p < packages.size(); p++) {
                t.vars.push(packages.get(p).indicator);
                t.coeffs.push(BigInteger.ONE);
                t.total++;
            }
            return t;
        }
        for (int c = 0; c < candidates; c++) {
            long w = weight(c, level);
            if (w > 0) {
                t.vars.push(candidateVar[c]);
                t.coeffs.push(BigInteger.valueOf(w));
                t.total += w;
            }
        }
        return t;
    }

    /**
     * Requires {@code sum(terms) <= bound} under assumptions pushed onto {@code assumptions}. A bound of 0 is
     * expressed as the assumption that every weighted variable is false (cheap to propagate and to analyse);
     * otherwise as {@code sum + W*s <= bound + W} with a fresh selector {@code s}, W the sum of the weights,
     * which is vacuous unless {@code s} is assumed. Returns the constraint added, if any.
     */
    private IConstr bound(Terms terms, long bound, VecInt assumptions, List<Integer> retired) {
        if (terms.total <= bound) {
            return null; // trivially true
        }
        if (bound == 0) {
            for (int i = 0; i < terms.vars.size(); i++) {
                assumptions.push(-terms.vars.get(i));
            }
            return null;
        }
        int s = selector();
        retired.add(s);
        VecInt lits = new VecInt(terms.vars.size() + 1);
        terms.vars.copyTo(lits);
        lits.push(s);
        Vec<BigInteger> coeffs = new Vec<>(terms.coeffs.size() + 1);
        terms.coeffs.copyTo(coeffs);
        coeffs.push(BigInteger.valueOf(terms.total));
        assumptions.push(s);
        try {
            return solver.addAtMost(lits, coeffs, BigInteger.valueOf(bound + terms.total));
        } catch (ContradictionException e) {
            throw new IllegalStateException("A guarded bound cannot be contradictory", e);
        }
    }

    private long weight(int c, int level) {
        Tier tier = packages.get(candidatePackage[c]).tier;
        switch (level) {
            case 0:
                return tier == Tier.DIRECT ? candidateRank[c] : 0;
            case 1:
                return tier == Tier.TRANSITIVE ? candidateRank[c] : 0;
            default:
                return 1;
        }
    }

    private long value(BitSet model, int level) {
        long v = 0;
        for (int c = model.nextSetBit(0); c >= 0; c = model.nextSetBit(c + 1)) {
            v += weight(c, level);
        }
        return v;
    }

    private Objective objective(BitSet model) {
        return new Objective(value(model, 0), value(model, 1), value(model, 2));
    }

    private BitSet model() {
        BitSet chosen = new BitSet(candidates);
        for (int c = 0; c < candidates; c++) {
            if (solver.model(candidateVar[c])) {
                chosen.set(c);
            }
        }
        return chosen;
    }

    private static List<Integer> chosen(BitSet model) {
        return model.stream().boxed().toList();
    }

    /** A fresh Sat4j variable for a selector; candidates and selectors share one dense numbering. */
    private int selector() {
        int s = nextVar++;
        declareVars();
        return s;
    }

    private void declareVars() {
        solver.newVar(nextVar - 1);
    }

    private void group(R reason) {
        groupOf.computeIfAbsent(reason, r -> {
            groupReasons.add(r);
            return groupReasons.size() - 1;
        });
    }

    // ------------------------------------------------------------------ explanations

    /**
     * Computes a minimal unsatisfiable subset of reason groups on a fresh solver where candidate {@code c} is
     * variable {@code c + 1} and group {@code g} is guarded by selector {@code candidates + 1 + g}.
     */
    private Outcome<R> explain() {
        int groups = groupReasons.size();
        int base = candidates + 1;
        PBSolver m = newSolver(new BitSet(), conflictBudget);
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
                if (intersects(c.positive, c.negative)) {
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
            reasons.add(groupReasons.get(g));
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
        }
    }

    private int[] normalise(int[] cs) {
        int[] copy = cs.clone();
        for (int c : copy) {
            checkCandidate(c);
        }
        return Arrays.stream(copy).sorted().distinct().toArray();
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

    private VecInt literals(int[] pos, int[] neg) {
        VecInt lits = new VecInt(pos.length + neg.length + 1);
        for (int c : pos) {
            lits.push(candidateVar[c]);
        }
        for (int c : neg) {
            lits.push(-candidateVar[c]);
        }
        return lits;
    }

    private static final class Group<R> {
        final int first;
        final int size;
        final Tier tier;
        final R reason;
        final int indicator;

        Group(int first, int size, Tier tier, R reason, int indicator) {
            this.first = first;
            this.size = size;
            this.tier = tier;
            this.reason = reason;
            this.indicator = indicator;
        }
    }

    private static final class Clause<R> {
        final int[] positive;
        final int[] negative;
        final R reason;

        Clause(int[] positive, int[] negative, R reason) {
            this.positive = positive;
            this.negative = negative;
            this.reason = reason;
        }
    }
}
