package dev.pinwheel.internal.sat;

import static org.sat4j.core.LiteralsUtils.negLit;
import static org.sat4j.core.LiteralsUtils.posLit;
import static org.sat4j.core.LiteralsUtils.var;

import java.util.Arrays;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.core.ILits;
import org.sat4j.minisat.core.IPhaseSelectionStrategy;
import org.sat4j.minisat.orders.VarOrderHeap;

/**
 * Sat4j's activity-based decision order, optionally preceded by a fixed <em>prefix</em> of variables that are
 * decided first, in the given order, each to false.
 *
 * <p>With a prefix set, the solver decides a variable outside the prefix only when every prefix variable is
 * assigned, and it decides the first unassigned prefix variable, always false. Its first model is then the
 * <em>lexicographically smallest</em> model over the prefix (false before true), whatever the restarts, learned
 * clauses and backjumps: in the model's final trail every decision at or below the level where a prefix
 * variable {@code x} was assigned is a prefix variable before {@code x} (it was the first unassigned one while
 * {@code x} was unassigned), and every decision is false; a prefix variable that is true was therefore
 * propagated, that is, implied by the constraints (learned clauses are implied by them) and the values of the
 * prefix variables before it. So no model agreeing with it on the variables before {@code x} has {@code x}
 * false, which is the definition of the lexicographic minimum. This is the classic observation that a DPLL
 * solver with a static order and negative polarity computes a lexicographically minimal model; it survives
 * clause learning because only the final trail matters.
 *
 * <p>Not thread-safe; belongs to one solver.
 */
final class LexicographicOrder extends VarOrderHeap {
    private static final long serialVersionUID = 1L;

    private int[] prefix = new int[0];
    /** Per variable, its index in the prefix plus one, or 0 when it is not in the prefix. */
    private int[] position = new int[0];
    /** Every prefix variable before this index is assigned. */
    private int next;
    /**
     * Per variable, whether its activity was bumped in the current call; the heap and {@link #toInsert} hold every
     * unassigned bumped variable (and perhaps assigned ones, which {@link #select} skips) and no other.
     */
    private boolean[] bumped = new boolean[0];
    /** The variables {@link #bumped} marks. */
    private final VecInt bumpedVars = new VecInt();
    /** Bumped variables unassigned since the last decision from the heap, to insert before the next one. */
    private final VecInt toInsert = new VecInt();
    /** Per variable, whether it is in {@link #toInsert}. */
    private boolean[] waiting = new boolean[0];
    /** Every variable below this one that was not bumped is assigned. */
    private int scan = 1;

    LexicographicOrder(IPhaseSelectionStrategy phase) {
        super(phase);
    }

    /** Decides {@code vars} first, in this order, each to false; an empty array restores the plain order. */
    void setPrefix(int[] vars) {
        Arrays.fill(position, 0);
        prefix = vars.clone();
        int max = 0;
        for (int v : prefix) {
            max = Math.max(max, v);
        }
        if (position.length <= max) {
            position = new int[max + 1];
        }
        for (int i = 0; i < prefix.length; i++) {
            position[prefix[i]] = i + 1;
        }
        next = 0;
    }

    /**
     * Resets the activities, as Sat4j's order does at each call, and starts with an empty heap: only variables
     * whose activity a conflict bumps enter it (see {@link #select}). A call without conflicts, the common case
     * here, then never pays for inserting and re-inserting every variable.
     */
    @Override
    public void init() {
        int nlength = lits.nVars() + 1;
        if (activity == null || activity.length < nlength) {
            // grown by half at least, since variables are added between most calls; a new array needs a new heap
            activity = new double[Math.max(nlength, activity == null ? 0 : activity.length + activity.length / 2)];
            bumped = new boolean[activity.length];
            waiting = new boolean[activity.length];
            bumpedVars.clear();
            heap = null;
        }
        phaseStrategy.init(nlength);
        // only bumped variables have an activity; the heap holds nothing but bumped variables
        for (int i = 0; i < bumpedVars.size(); i++) {
            activity[bumpedVars.get(i)] = 0.0;
            bumped[bumpedVars.get(i)] = false;
        }
        bumpedVars.clear();
        for (int i = 0; i < toInsert.size(); i++) {
            waiting[toInsert.get(i)] = false;
        }
        toInsert.clear();
        activity[0] = -1;
        if (heap == null) {
            heap = createHeap(activity);
            heap.setBounds(activity.length); // once: Sat4j's setBounds appends rather than grows
        } else {
            while (!heap.empty()) {
                heap.getmin();
            }
        }
        scan = 1;
        next = 0;
    }

    /**
     * The first unassigned prefix variable, false; else Sat4j's choice: the unassigned variable of highest
     * activity, here the bumped one of highest activity from the heap and, when every bumped variable is
     * assigned, the lowest unassigned variable (all of whose activities are zero), with the phase strategy's
     * sign.
     */
    @Override
    public int select() {
        while (next < prefix.length) {
            int lit = negLit(prefix[next]);
            if (lits.isUnassigned(lit)) {
                return lit;
            }
            next++;
        }
        for (int i = 0; i < toInsert.size(); i++) {
            int var = toInsert.get(i);
            waiting[var] = false;
            if (!heap.inHeap(var) && lits.isUnassigned(posLit(var))) {
                heap.insert(var);
            }
        }
        toInsert.clear();
        while (!heap.empty()) {
            int var = heap.getmin();
            if (lits.isUnassigned(posLit(var))) {
                return phaseStrategy.select(var);
            }
        }
        int nVars = lits.nVars();
        for (; scan <= nVars; scan++) {
            if (lits.belongsToPool(scan) && lits.isUnassigned(posLit(scan))) {
                return phaseStrategy.select(scan);
            }
        }
        return ILits.UNDEFINED;
    }

    @Override
    public void undo(int x) {
        if (!bumped[x]) {
            scan = Math.min(scan, x);
        } else if (!heap.inHeap(x) && !waiting[x]) {
            // into the heap when a decision needs it: at the end of a call Sat4j unassigns every variable,
            // and those insertions would be thrown away by the next init
            waiting[x] = true;
            toInsert.push(x);
        }
        if (x < position.length && position[x] != 0 && position[x] - 1 < next) {
            next = position[x] - 1;
        }
    }

    @Override
    public void updateVar(int p, double value) {
        int var = var(p);
        updateActivity(var, value);
        phaseStrategy.updateVar(p);
        if (!bumped[var]) {
            bumped[var] = true;
            bumpedVars.push(var);
        }
        if (heap.inHeap(var)) {
            heap.increase(var);
        } else if (lits.isUnassigned(p)) {
            heap.insert(var);
        }
    }

    @Override
    public String toString() {
        return "prefix of " + prefix.length + " variables decided false in order, then " + super.toString();
    }
}
