package dev.pinwheel.internal.sat;

import static org.sat4j.core.LiteralsUtils.negLit;
import static org.sat4j.core.LiteralsUtils.posLit;
import static org.sat4j.core.LiteralsUtils.var;

import java.util.Arrays;
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
    /** Whether {@code heap} holds every unassigned variable (see {@link #init}). */
    private boolean heapBuilt;
    /** Before the heap is built, every variable below this one is assigned. */
    private int scan = 1;
    /** Whether the current call has had a conflict (an activity was bumped). */
    private boolean conflicted;

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
     * Resets the activities, as Sat4j's order does at each call, but builds the heap of variables only at the
     * first decision outside the prefix after the call's first conflict (see {@link #select}): a call without
     * conflicts, the common case here, decides the variables outside the prefix in index order and never pays
     * for inserting and re-inserting every variable.
     */
    @Override
    public void init() {
        int nlength = lits.nVars() + 1;
        if (activity == null || activity.length < nlength) {
            activity = new double[nlength];
        }
        phaseStrategy.init(nlength);
        Arrays.fill(activity, 0, nlength, 0.0);
        activity[0] = -1;
        heapBuilt = false;
        conflicted = false;
        scan = 1;
        next = 0;
    }

    @Override
    public int select() {
        while (next < prefix.length) {
            int lit = negLit(prefix[next]);
            if (lits.isUnassigned(lit)) {
                return lit;
            }
            next++;
        }
        if (!heapBuilt && !conflicted) {
            // all activities are still equal: the lowest unassigned variable, found without a heap
            int nVars = lits.nVars();
            for (; scan <= nVars; scan++) {
                if (lits.belongsToPool(scan) && lits.isUnassigned(posLit(scan))) {
                    return phaseStrategy.select(scan);
                }
            }
            return ILits.UNDEFINED;
        }
        if (!heapBuilt) {
            int nlength = lits.nVars() + 1;
            heap = createHeap(activity);
            heap.setBounds(nlength);
            for (int v = 1; v < nlength; v++) {
                if (lits.belongsToPool(v) && lits.isUnassigned(posLit(v))) {
                    heap.insert(v);
                }
            }
            heapBuilt = true;
        }
        return super.select();
    }

    @Override
    public void undo(int x) {
        if (heapBuilt) {
            super.undo(x);
        } else if (x < scan) {
            scan = x;
        }
        if (x < position.length && position[x] != 0 && position[x] - 1 < next) {
            next = position[x] - 1;
        }
    }

    @Override
    public void updateVar(int p, double value) {
        if (heapBuilt) {
            super.updateVar(p, value);
        } else {
            updateActivity(var(p), value);
            phaseStrategy.updateVar(p);
            conflicted = true;
        }
    }

    @Override
    public String toString() {
        return "prefix of " + prefix.length + " variables decided false in order, then " + super.toString();
    }
}
