package dev.pinwheel.internal.sat;

import static org.sat4j.core.LiteralsUtils.negLit;
import static org.sat4j.core.LiteralsUtils.posLit;
import static org.sat4j.core.LiteralsUtils.var;

import java.util.Arrays;
import java.util.BitSet;
import org.sat4j.minisat.core.IPhaseSelectionStrategy;

/**
 * Phase selection with a hint and phase saving that survives between incremental calls.
 *
 * <p>Sat4j re-initialises the order at each call (the solver is not kept hot, because variables are added
 * between calls). Its own phase-saving strategies then forget every saved phase, so each call of the
 * optimisation loop would start from "everything false", which makes the first solution poor (a root clause
 * propagates its <em>last</em> literal) and the linear search long. Here a variable starts with the hinted
 * phase (true for each package's most preferred candidate) and keeps the phase of its last assignment
 * across calls, so that each call of the descent starts next to the previous solution.
 */
final class HintedPhase implements IPhaseSelectionStrategy {
    private static final long serialVersionUID = 1L;

    private final BitSet preferTrue;
    private int[] phase = new int[0];
    /** Variables below this one have their phase set. */
    private int known = 1;

    HintedPhase(BitSet preferTrue) {
        this.preferTrue = preferTrue;
    }

    @Override
    public void init(int nlength) {
        if (phase.length < nlength) {
            phase = Arrays.copyOf(phase, Math.max(nlength, phase.length + phase.length / 2));
        }
        for (; known < nlength; known++) {
            phase[known] = preferTrue.get(known) ? posLit(known) : negLit(known);
        }
    }

    @Override
    public void init(int var, int p) {
        phase[var] = p;
    }

    @Override
    public void assignLiteral(int p) {
        int v = var(p);
        if (v < phase.length) {
            phase[v] = p;
        }
    }

    @Override
    public int select(int var) {
        return phase[var];
    }

    @Override
    public void updateVar(int p) {
        // phase saving only records assignments
    }

    @Override
    public void updateVarAtDecisionLevel(int q) {
        // phase saving only records assignments
    }

    @Override
    public String toString() {
        return "hinted phase saving";
    }
}
