package dev.pinwheel.resolve;

import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.tags.PythonPlatform;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resolver behaviour the server's load test once ran into, kept as regression tests: a universe where a few upper
 * bounds used to cost tens of thousands of conflicts (2.5 s), and one that crashed Sat4j
 * ({@code Can only remove latest added constraint!!!}). Effort is checked through the solver's conflict count,
 * which is deterministic, never through the clock.
 */
class ResolverRegressionTest {
    /** The resolver took 36,416 conflicts here before; the current one about 40 on both cases. */
    private static final long CONFLICT_BOUND = 1_000;

    /** 60 projects x 5 versions, each depending on up to 3 later projects; 10% of the bounds are {@code <5.0}. */
    static InMemoryIndex universe() {
        Random random = new Random(7);
        InMemoryIndex.Builder b = InMemoryIndex.builder("findings");
        for (int p = 0; p < 60; p++) {
            for (int v = 1; v <= 5; v++) {
                List<String> deps = new ArrayList<>();
                for (int d = 0; d < 3 && p + 1 < 60; d++) {
                    String n = String.format(Locale.ROOT, "p%02d", p + 1 + random.nextInt(Math.min(10, 60 - p - 1)));
                    String dep = n + (random.nextInt(10) > 0 ? ">=" + (1 + random.nextInt(3)) + ".0" : "<5.0");
                    if (deps.stream().noneMatch(x -> x.startsWith(n + ">") || x.startsWith(n + "<"))) {
                        deps.add(dep);
                    }
                }
                b.release(String.format(Locale.ROOT, "p%02d", p), v + ".0", deps);
            }
        }
        return b.build();
    }

    static Resolution resolve(String... requirements) throws ResolutionException {
        List<Requirement> reqs = new ArrayList<>();
        for (String r : requirements) {
            reqs.add(Requirement.parse(r));
        }
        Target target = Target.of("3.12", PythonPlatform.parse("linux"));
        return Resolver.create(universe(), ResolverOptions.defaults()).resolve(ResolutionRequest.of(reqs, target));
    }

    @Test
    void fewUpperBounds_resolveWithFewConflicts() throws ResolutionException {
        Resolution r = resolve("p14>=1.0", "p20>=1.0", "p30>=1.0");
        long conflicts = r.statistics().conflicts();
        assertTrue(conflicts < CONFLICT_BOUND, "conflicts: " + conflicts + " (" + r.statistics() + ")");
        assertValid(r);
    }

    @Test
    void upperBounds_doNotCrashTheSolver() throws ResolutionException {
        Resolution r = resolve("p01>=1.0", "p48>=1.0", "p42>=1.0");
        assertTrue(r.statistics().conflicts() < CONFLICT_BOUND, "conflicts: " + r.statistics());
        assertValid(r);
    }

    /** Every dependency edge lands on a pin its requirement accepts, and every pin is a released version. */
    private static void assertValid(Resolution r) {
        assertTrue(r.packages().size() > 0);
        for (ResolvedDependency d : r.dependencies()) {
            ResolvedPackage to = r.get(d.to()).orElseThrow(() -> new AssertionError("no pin for " + d));
            assertTrue(d.requirement().specifier().contains(to.version()), d + " but " + to.pin());
        }
        for (ResolvedPackage p : r.packages()) {
            assertEquals(1, p.files().size(), p.pin());
        }
    }
}
