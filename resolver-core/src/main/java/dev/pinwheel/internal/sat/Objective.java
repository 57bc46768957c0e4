package dev.pinwheel.internal.sat;

import java.util.List;

/**
 * The value of a solution of an {@link OptimisationProblem}; smaller is better, compared lexicographically.
 *
 * <p>For a set of chosen candidates, where {@code rank(c) >= 0} is the preference rank the caller gave candidate
 * {@code c} (0 is the most preferred):
 * <ol>
 *   <li>{@code direct} = the sum of {@code rank(c)} over chosen candidates of {@link Tier#DIRECT} packages;
 *   <li>{@code transitive} = for each {@link Tier#TRANSITIVE} package in the order of the keys given to
 *       {@link OptimisationProblem#addPackage(Tier, String, int[], Object)}, the rank of its chosen candidate
 *       (0 when none is chosen), compared lexicographically (a shorter list is padded with zeros).
 * </ol>
 * Candidates of {@link Tier#AUXILIARY} packages cost nothing. Among optimal solutions the problem returns a
 * minimal one (nothing chosen that is not needed); see {@link OptimisationProblem}.
 *
 * <p>Why this order. A solution that minimises the first level is Pareto-optimal for the direct
 * requirements: if another solution gave every direct package a rank at least as good and one a strictly
 * better rank, its sum would be strictly smaller. A sum (rather than a lexicographic order over the direct
 * packages in request order) does not depend on the order in which the requirements were written, and
 * it trades one step of one package against one step of another evenly, which is what packse's
 * {@code wrong-backtracking-*} scenarios expect. The second level is lexicographic, which makes the solution
 * Pareto-optimal for the transitive packages too (given the first level), and it is cheap to meet exactly: one
 * SAT call whose decision order is fixed (see {@link OptimisationProblem}); an exact transitive rank sum was
 * tried and dropped: its optimality proofs took tens of thousands of conflicts on a 100-project universe.
 *
 * @param direct     level 1, the sum of the ranks of the chosen direct candidates
 * @param transitive level 2, the ranks of the transitive packages in key order
 */
public record Objective(long direct, List<Integer> transitive) implements Comparable<Objective> {

    public Objective {
        transitive = List.copyOf(transitive);
    }

    @Override
    public int compareTo(Objective other) {
        int c = Long.compare(direct, other.direct);
        for (int i = 0; c == 0 && i < Math.max(transitive.size(), other.transitive.size()); i++) {
            c = Integer.compare(i < transitive.size() ? transitive.get(i) : 0,
                    i < other.transitive.size() ? other.transitive.get(i) : 0);
        }
        return c;
    }
}
