package dev.pinwheel.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.internal.sat.Objective;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.version.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The whole resolver (index pages, file usability, requirements, laziness, the SAT core) against brute force on
 * small random universes: Pinwheel says "unsatisfiable" exactly when no set of pins satisfies every rule, and
 * otherwise its pins satisfy every rule, no set of pins has a better objective (sum of direct ranks, then the
 * transitive ranks in name order; rank 0 = newest usable version), and no pin can be dropped with every rule
 * still met.
 */
class ResolverProperties {

    record Dep(int project, String spec) {
        boolean matches(int version) {
            return spec.isEmpty() || dev.pinwheel.version.SpecifierSet.parse(spec).contains(Version.parse(version + ".0"));
        }

        String text(int ghost) {
            return (project == ghost ? "ghost" : "p" + project) + spec;
        }
    }

    record Universe(int projects, int[] versions, boolean[][] usable, List<Dep>[][] deps, List<Dep> roots, boolean[] direct) {
    }

    static final String[] SPECS = {"", "", ">=2.0", "<2.0", "==1.0", "!=2.0", ">=3.0", "<3.0"};

    @SuppressWarnings("unchecked")
    static Universe generate(long seed) {
        Random r = new Random(seed);
        // up to 6 versions a project half the time, so that some start dormant in the solver
        int most = r.nextBoolean() ? 3 : 6;
        int n = 1 + r.nextInt(4);
        int[] versions = new int[n];
        boolean[][] usable = new boolean[n][];
        List<Dep>[][] deps = new List[n][];
        for (int p = 0; p < n; p++) {
            versions[p] = 1 + r.nextInt(most);
            usable[p] = new boolean[versions[p] + 1];
            deps[p] = new List[versions[p] + 1];
            for (int v = 1; v <= versions[p]; v++) {
                usable[p][v] = r.nextInt(8) != 0;
                deps[p][v] = new ArrayList<>();
                int k = r.nextInt(3);
                for (int i = 0; i < k; i++) {
                    int target = r.nextInt(12) == 0 ? n : r.nextInt(n); // n = a project the index does not have
                    deps[p][v].add(new Dep(target, SPECS[r.nextInt(SPECS.length)]));
                }
            }
        }
        List<Dep> roots = new ArrayList<>();
        boolean[] direct = new boolean[n];
        int k = 1 + r.nextInt(2);
        for (int i = 0; i < k; i++) {
            int p = r.nextInt(n);
            roots.add(new Dep(p, SPECS[r.nextInt(SPECS.length)]));
            direct[p] = true;
        }
        return new Universe(n, versions, usable, deps, roots, direct);
    }

    static InMemoryIndex index(Universe u) {
        InMemoryIndex.Builder b = InMemoryIndex.builder("random");
        for (int p = 0; p < u.projects; p++) {
            for (int v = 1; v <= u.versions[p]; v++) {
                List<String> rs = new ArrayList<>();
                for (Dep d : u.deps[p][v]) {
                    rs.add(d.text(u.projects));
                }
                b.release("p" + p, v + ".0", rs, u.usable[p][v] ? Optional.empty() : Optional.of(">=3.13"));
            }
        }
        return b.build();
    }

    /** Rank of version v of p: position among usable versions, newest first. */
    static int rank(Universe u, int p, int v) {
        int rank = 0;
        for (int w = u.versions[p]; w > v; w--) {
            if (u.usable[p][w]) {
                rank++;
            }
        }
        return rank;
    }

    static boolean satisfies(Universe u, int[] choice) {
        for (Dep root : u.roots) {
            if (root.project == u.projects || choice[root.project] == 0 || !root.matches(choice[root.project])) {
                return false;
            }
        }
        for (int p = 0; p < u.projects; p++) {
            int v = choice[p];
            if (v == 0) {
                continue;
            }
            if (!u.usable[p][v]) {
                return false;
            }
            for (Dep d : u.deps[p][v]) {
                if (d.project == u.projects || choice[d.project] == 0 || !d.matches(choice[d.project])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The documented objective: sum of direct ranks, then transitive ranks by project name (p0 < p1 < ...). */
    static Objective objective(Universe u, int[] choice) {
        long direct = 0;
        List<Integer> transitive = new ArrayList<>();
        for (int p = 0; p < u.projects; p++) {
            int r = choice[p] == 0 ? 0 : rank(u, p, choice[p]);
            if (u.direct[p]) {
                direct += r;
            } else {
                transitive.add(r);
            }
        }
        return new Objective(direct, transitive);
    }

    static Objective bruteForce(Universe u) {
        int[] choice = new int[u.projects];
        Objective best = null;
        while (true) {
            if (satisfies(u, choice)) {
                Objective o = objective(u, choice);
                if (best == null || o.compareTo(best) < 0) {
                    best = o;
                }
            }
            int p = 0;
            while (p < u.projects && ++choice[p] > u.versions[p]) {
                choice[p] = 0;
                p++;
            }
            if (p == u.projects) {
                return best;
            }
        }
    }

    @Property(tries = 2000)
    void resolution_isOptimalAndUnsatisfiableExactlyWhenBruteForceFindsNothing(@ForAll long seed) throws Exception {
        Universe u = generate(seed);
        Objective best = bruteForce(u);
        List<Requirement> roots = u.roots.stream().map(d -> Requirement.parse(d.text(u.projects))).toList();
        InMemoryIndex index = index(u);
        try {
            Resolution res = Resolver.create(index, ResolverOptions.defaults().withParallelism(1))
                    .resolve(ResolutionRequest.of(roots, ResolverTest.TARGET));
            int[] choice = new int[u.projects];
            for (ResolvedPackage pkg : res.packages()) {
                int p = Integer.parseInt(pkg.name().normalized().substring(1));
                choice[p] = (int) pkg.version().release(0);
            }
            assertTrue(satisfies(u, choice), "pins break a rule: " + res.pins());
            assertEquals(0, best.compareTo(objective(u, choice)), "not optimal: " + res.pins() + " " + Arrays.toString(choice)
                    + " " + objective(u, choice) + " vs " + best);
            for (int p = 0; p < u.projects; p++) {
                if (choice[p] != 0) {
                    int[] without = choice.clone();
                    without[p] = 0;
                    assertTrue(!satisfies(u, without), "p" + p + " is pinned but not needed: " + res.pins());
                }
            }
            Statistics.collect("resolved");
            Statistics.label("explanation").collect("none");
        } catch (UnsatisfiableException e) {
            assertNull(best, "Pinwheel says unsatisfiable (" + e.explanation().render() + ") but brute force finds " + best);
            assertTrue(e.explanation().minimal());
            assertTrue(e.explanation().render().endsWith("the requirements cannot be satisfied."), e.explanation().render());
            Statistics.collect("unsatisfiable");
            String text = e.explanation().render();
            Statistics.label("explanation").collect(text.contains("cannot be used") || text.contains("cannot both")
                    || e.explanation().steps().size() == 1 && e.explanation().reasons().size() <= 2 ? "derived" : "listed");
        }
        Statistics.coverage(c -> {
            c.check("resolved").percentage(p -> p > 30);
            c.check("unsatisfiable").percentage(p -> p > 10);
        });
    }
}
