package dev.pinwheel.internal.sat;

import java.util.List;
import java.util.Objects;

/**
 * The result of solving an {@link OptimisationProblem}: an optimum, a proof of unsatisfiability with a
 * (minimal) set of reasons, or an exhausted conflict budget.
 *
 * @param <R> the caller's reason type
 */
public sealed interface Outcome<R> {

    /**
     * An optimal solution.
     *
     * @param chosen    the chosen candidates, ascending
     * @param objective its value; no solution of the problem has a smaller one
     */
    record Optimum<R>(List<Integer> chosen, Objective objective) implements Outcome<R> {
        public Optimum {
            chosen = List.copyOf(chosen);
            Objects.requireNonNull(objective, "objective");
        }
    }

    /**
     * No solution exists.
     *
     * @param reasons the reasons of an unsatisfiable subset of the constraints, in the order they were first
     *                added; together they admit no solution
     * @param minimal whether the subset was proven minimal (dropping any one reason leaves a satisfiable
     *                problem); {@code false} only when the conflict budget ran out while minimising
     */
    record Unsatisfiable<R>(List<R> reasons, boolean minimal) implements Outcome<R> {
        public Unsatisfiable {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The conflict budget was used up before the optimum was proven.
     *
     * @param conflicts the conflicts spent
     */
    record BudgetExceeded<R>(long conflicts) implements Outcome<R> {
    }
}
