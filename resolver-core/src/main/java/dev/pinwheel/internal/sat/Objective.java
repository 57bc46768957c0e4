package dev.pinwheel.internal.sat;

import java.util.Comparator;

/**
 * The value of a solution of an {@link OptimisationProblem}; smaller is better, compared lexicographically.
 *
 * <p>For a set {@code X} of chosen candidates, where {@code rank(c) >= 0} is the preference rank the caller
 * gave candidate {@code c} (0 is the most preferred):
 * <ol>
 *   <li>{@code direct} = the sum of {@code rank(c)} over chosen candidates of {@link Tier#DIRECT} packages;
 *   <li>{@code transitive} = the sum of {@code rank(c)} over chosen candidates of {@link Tier#TRANSITIVE} packages;
 *   <li>{@code chosen} = the number of chosen candidates, of every tier (at most one per package, so this
 *       is the number of packages, extras included, in the solution).
 * </ol>
 *
 * <p>Why this order. A solution that minimises the first level is Pareto-optimal for the direct
 * requirements: if another solution gave every direct package a rank at least as good and one a strictly
 * better rank, its sum would be strictly smaller. A sum (rather than a lexicographic order over the direct
 * packages in request order) does not depend on the order in which the requirements were written, and
 * it trades one step of one package against one step of another evenly, which is what packse's
 * {@code wrong-backtracking-*} scenarios expect (keep {@code b} newest rather than {@code a}, when both
 * cannot be newest and {@code a} is the one with an older candidate that works). Direct packages come
 * before transitive ones because they are what the user asked for. Fewer packages last: among equally
 * preferred solutions, install nothing that is not needed.
 *
 * @param direct     level 1, the sum of the ranks of the chosen direct candidates
 * @param transitive level 2, the sum of the ranks of the chosen transitive candidates
 * @param chosen     level 3, the number of chosen candidates
 */
public record Objective(long direct, long transitive, long chosen) implements Comparable<Objective> {

    private static final Comparator<Objective> ORDER = Comparator.comparingLong(Objective::direct)
            .thenComparingLong(Objective::transitive)
            .thenComparingLong(Objective::chosen);

    @Override
    public int compareTo(Objective other) {
        return ORDER.compare(this, other);
    }
}
