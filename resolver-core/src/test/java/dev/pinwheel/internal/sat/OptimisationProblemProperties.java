package dev.pinwheel.internal.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link OptimisationProblem} against brute force on small random problems.
 *
 * <p>The laws: the solver says "unsatisfiable" exactly when no assignment satisfies every constraint; a solution
 * it returns satisfies every constraint of the fully expanded problem and no assignment has a smaller
 * {@link Objective}; lazy expansion gives the same optimum value as eager encoding; an unsatisfiable subset of
 * reasons is unsatisfiable and every proper subset is satisfiable (minimal).
 */
class OptimisationProblemProperties {

    @Property(tries = 3000)
    void optimum_matchesBruteForce_lazyAndEager(@ForAll long seed) {
        // up to 7 versions a package half the time, so that the default margin leaves some dormant too
        RandomUniverse u = RandomUniverse.generate(seed, 5, (seed & 1) == 0 ? 4 : 7);
        Objective best = u.bruteForceOptimum();
        for (int variant = 0; variant < 4; variant++) {
            boolean lazy = variant % 2 == 0;
            RandomUniverse.Encoding e = u.new Encoding(lazy, variant < 2 ? OptimisationProblem.MARGIN : 0);
            Outcome<String> outcome = e.solve();
            if (outcome instanceof Outcome.Optimum<String> optimum) {
                assertNotNull(best, "solver found a solution where brute force found none");
                boolean[] chosen = e.chosen(optimum.chosen());
                assertTrue(RandomUniverse.satisfies(u.clauses, chosen), "solution violates a clause");
                for (int p = 0; p < u.packages; p++) {
                    int on = 0;
                    for (int i = 0; i < u.size[p]; i++) {
                        on += chosen[RandomUniverse.key(p, i)] ? 1 : 0;
                    }
                    assertTrue(on <= 1, "two versions of p" + p);
                }
                if (!lazy) {
                    // lazily, undeclared transitive packages are missing from the reported list
                    assertEquals(0, u.objective(chosen).compareTo(optimum.objective()), "reported objective");
                }
                assertEquals(0, best.compareTo(u.objective(chosen)), "not optimal: " + u.objective(chosen) + " vs " + best);
                assertTrue(u.minimal(chosen), "not minimal: " + optimum.chosen());
                for (int id : optimum.chosen()) {
                    assertTrue(e.problem.isExpanded(id), "optimum uses an unexpanded candidate");
                }
                Statistics.collect(lazy ? "lazy" : "eager", "optimum");
            } else if (outcome instanceof Outcome.Unsatisfiable<String> unsat) {
                assertNull(best, "solver said unsatisfiable but brute force found " + best);
                assertTrue(unsat.minimal());
                assertFalse(unsat.reasons().isEmpty());
                Statistics.collect(lazy ? "lazy" : "eager", "unsatisfiable");
            } else {
                fail("budget exceeded on a tiny problem: " + outcome);
            }
        }
        Statistics.coverage(c -> {
            c.check("lazy", "optimum").percentage(p -> p > 20);
            c.check("lazy", "unsatisfiable").percentage(p -> p > 10);
        });
    }

    @Property(tries = 1500)
    void unsatisfiableSubset_isMinimal(@ForAll long seed) {
        RandomUniverse u = RandomUniverse.generate(seed, 4, 3);
        for (boolean lazy : new boolean[] {true, false}) {
            Outcome<String> outcome = u.new Encoding(lazy, lazy ? 0 : OptimisationProblem.MARGIN).solve();
            if (outcome instanceof Outcome.Unsatisfiable<String> unsat) {
                List<String> reasons = unsat.reasons();
                assertEquals(reasons.size(), new HashSet<>(reasons).size(), "duplicate reasons");
                assertFalse(u.satisfiable(reasons), "the subset is satisfiable: " + reasons);
                for (String r : reasons) {
                    List<String> fewer = new ArrayList<>(reasons);
                    fewer.remove(r);
                    assertTrue(u.satisfiable(fewer), "not minimal, " + r + " is redundant in " + reasons);
                }
                Statistics.label("outcome").collect("unsatisfiable");
                Statistics.label("size").collect(Math.min(reasons.size(), 6));
            } else {
                Statistics.label("outcome").collect("satisfiable");
            }
        }
        Statistics.label("outcome").coverage(c -> c.check("unsatisfiable").percentage(p -> p > 10));
    }
}
