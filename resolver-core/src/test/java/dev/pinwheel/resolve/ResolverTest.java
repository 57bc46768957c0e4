package dev.pinwheel.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.tags.Platforms;
import dev.pinwheel.tags.PythonTarget;
import dev.pinwheel.version.PrereleasePolicy;
import dev.pinwheel.version.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolverTest {

    static final Target TARGET = Target.of(MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64),
            PythonTarget.cpython(3, 12, Platforms.manylinux(2, 28, "x86_64")).tagSet());

    static List<Requirement> reqs(String... rs) {
        return Arrays.stream(rs).map(Requirement::parse).toList();
    }

    static Resolution resolve(InMemoryIndex index, ResolverOptions options, ResolutionRequest request)
            throws ResolutionException {
        return Resolver.create(index, options).resolve(request);
    }

    static Resolution resolve(InMemoryIndex index, String... roots) throws ResolutionException {
        return resolve(index, ResolverOptions.defaults().withParallelism(1), ResolutionRequest.of(reqs(roots), TARGET));
    }

    static String explain(InMemoryIndex index, String... roots) {
        UnsatisfiableException e = assertThrows(UnsatisfiableException.class, () -> resolve(index, roots));
        return e.explanation().render();
    }

    @Test
    void resolve_picksNewestCompatibleVersions() throws Exception {
        InMemoryIndex index = InMemoryIndex.builder("t")
                .release("a", "1.0", List.of())
                .release("a", "2.0", List.of("b>=2"))
                .release("b", "1.0", List.of())
                .release("b", "2.0", List.of())
                .release("b", "2.1", List.of("c; sys_platform == 'win32'"))
                .build();
        Resolution r = resolve(index, "a");
        assertEquals(List.of("a==2.0", "b==2.1"), r.pins());
        assertEquals(List.of(
                new ResolvedDependency(Optional.empty(), Optional.empty(), PackageName.parse("a"), Requirement.parse("a")),
                new ResolvedDependency(Optional.of(PackageName.parse("a")), Optional.empty(), PackageName.parse("b"),
                        Requirement.parse("b>=2"))), r.dependencies());
        assertEquals(1, r.get(PackageName.parse("a")).orElseThrow().files().size());
    }

    @Test
    void resolve_keepsBNewestInWrongBacktracking() throws Exception {
        // packse wrong-backtracking-basic: a 2.0 conflicts with every new b; the rank sum keeps b new
        InMemoryIndex.Builder b = InMemoryIndex.builder("t")
                .release("a", "1.0.0", List.of())
                .release("a", "2.0.0", List.of())
                .release("too-old", "1.0.0", List.of())
                .release("b", "1.0.0", List.of("too-old"));
        for (int i = 0; i <= 9; i++) {
            b.release("b", "2.0." + i, List.of("a==1.0.0"));
        }
        assertEquals(List.of("a==1.0.0", "b==2.0.9"), resolve(b.build(), "a", "b").pins());
    }

    /**
     * The arena's backtracking shape at small scale: every new version of the direct requirement b needs the oldest
     * a, and proving b's newest the optimum takes the dependencies of all of b's versions. They are read in one batch
     * once b's newest is rejected: two solve rounds, where walking down by ones and then doubling took four.
     */
    @Test
    void resolve_readsADirectRequirementsOlderVersionsInOneBatch() throws Exception {
        InMemoryIndex.Builder b = InMemoryIndex.builder("t")
                .release("too-old", "1.0.0", List.of("missing"))
                .release("b", "1.0.0", List.of("too-old"));
        for (int i = 1; i <= 60; i++) {
            b.release("a", i + ".0.0", List.of());
        }
        for (int i = 1; i <= 40; i++) {
            b.release("b", "2.0." + i, List.of("a==1.0.0"));
        }
        Resolution r = resolve(b.build(), "a", "b");
        assertEquals(List.of("a==1.0.0", "b==2.0.40"), r.pins());
        assertEquals(2, r.statistics().rounds(), r.statistics().toString());
        // every b, too-old (b 1.0.0 needs it), a 60 and a 1
        assertEquals(44, r.statistics().metadataFetched(), r.statistics().toString());
    }

    @Test
    void resolve_explainsATransitiveClash() {
        InMemoryIndex index = InMemoryIndex.builder("t")
                .release("a", "2.0", List.of("b>=2"))
                .release("a", "2.1", List.of("b>=2"))
                .release("c", "1.0", List.of("b<2"))
                .release("b", "1.0", List.of())
                .release("b", "2.0", List.of())
                .build();
        assertEquals("Because every version of a depends on b>=2 and c==1.0 depends on b<2, a and c==1.0 cannot "
                + "both be installed. And because you require a and c==1.0, the requirements cannot be satisfied.",
                explain(index, "a", "c==1.0"));
    }

    @Test
    void resolve_explainsAMissingVersion() {
        InMemoryIndex index = InMemoryIndex.builder("t")
                .release("a", "1.0", List.of("b>=2"))
                .release("b", "1.0", List.of())
                .build();
        assertEquals("Because a==1.0 depends on b>=2 and no version of b matches >=2, a==1.0 cannot be used. "
                + "And because you require a, the requirements cannot be satisfied.", explain(index, "a"));
    }

    @Test
    void resolve_explainsAMissingProject() {
        InMemoryIndex index = InMemoryIndex.builder("t").release("a", "1.0", List.of("nope")).build();
        assertEquals("Because a==1.0 depends on nope and `nope` does not exist on the index, a==1.0 cannot be used. "
                + "And because you require a, the requirements cannot be satisfied.", explain(index, "a"));
    }

    @Test
    void resolve_explainsRequiresPython() {
        InMemoryIndex index = InMemoryIndex.builder("t")
                .release("a", "1.0", List.of(), Optional.of(">=3.13"))
                .release("a", "1.1", List.of(), Optional.of(">=3.13"))
                .build();
        assertEquals("Because a requires Python >=3.13 and you require a, the requirements cannot be satisfied.",
                explain(index, "a"));
    }

    @Test
    void resolve_activatesExtras() throws Exception {
        InMemoryIndex index = InMemoryIndex.builder("t")
                .release("a", "1.0", List.of("b; extra == 'x'", "c; extra == 'y'"))
                .release("b", "1.0", List.of())
                .release("c", "1.0", List.of())
                .build();
        Resolution r = resolve(index, "a[x]");
        assertEquals(List.of("a==1.0", "b==1.0"), r.pins());
        assertEquals(List.of("x"), List.copyOf(r.get(PackageName.parse("a")).orElseThrow().extras()));
    }

    @Test
    void resolve_isLazy() throws Exception {
        InMemoryIndex.Builder b = InMemoryIndex.builder("t");
        for (int i = 0; i < 50; i++) {
            b.release("a", "1." + i, List.of("b"));
            b.release("b", "1." + i, List.of());
            b.release("unrelated", "1." + i, List.of());
        }
        InMemoryIndex index = b.build();
        Resolution r = resolve(index, "a");
        assertEquals(List.of("a==1.49", "b==1.49"), r.pins());
        assertEquals(2, index.metadataRequests());
        assertEquals(2, index.projectRequests());
        assertEquals(2, r.statistics().metadataFetched());
    }

    @Test
    void resolve_yankedOnlyWhenPinned() throws Exception {
        InMemoryIndex.Builder b = InMemoryIndex.builder("t").release("a", "1.0", List.of());
        b.file(b.file("a-2.0-py3-none-any.whl").yanked("broken").build(),
                InMemoryIndex.Builder.metadata("a", "2.0", List.of(), Optional.empty()));
        InMemoryIndex index = b.build();
        assertEquals(List.of("a==1.0"), resolve(index, "a").pins());
        assertEquals(List.of("a==2.0"), resolve(index, "a==2.0").pins());
    }

    @Test
    void resolve_honoursStrategiesPreferencesConstraintsOverridesAndExcludeNewer() throws Exception {
        InMemoryIndex.Builder b = InMemoryIndex.builder("t");
        for (String v : List.of("1.0", "1.1", "2.0")) {
            b.release("a", v, List.of("b"));
            b.file(b.file("b-" + v + "-py3-none-any.whl").uploadTime(Instant.parse("2024-01-0" + (v.equals("2.0") ? 9 : 1) + "T00:00:00Z")).build(),
                    InMemoryIndex.Builder.metadata("b", v, List.of(), Optional.empty()));
        }
        InMemoryIndex index = b.build();
        ResolverOptions opts = ResolverOptions.defaults().withParallelism(1);
        ResolutionRequest req = ResolutionRequest.of(reqs("a"), TARGET);
        assertEquals(List.of("a==1.0", "b==1.0"), resolve(index, opts.withStrategy(ResolutionStrategy.LOWEST), req).pins());
        assertEquals(List.of("a==1.0", "b==2.0"), resolve(index, opts.withStrategy(ResolutionStrategy.LOWEST_DIRECT), req).pins());
        assertEquals(List.of("a==2.0", "b==1.1"), resolve(index, opts,
                req.withPreferences(Map.of(PackageName.parse("b"), Version.parse("1.1")))).pins());
        assertEquals(List.of("a==2.0", "b==2.0"), resolve(index, opts,
                req.withPreferences(Map.of(PackageName.parse("b"), Version.parse("1.1"))).withUpgrade(PackageSelection.ALL)).pins());
        assertEquals(List.of("a==2.0", "b==1.1"), resolve(index, opts, req.withConstraints(reqs("b<2", "c<1"))).pins());
        assertEquals(List.of("a==2.0", "b==1.0"), resolve(index, opts, req.withOverrides(reqs("b==1.0"))).pins());
        assertEquals(List.of("a==2.0", "b==1.1"), resolve(index, opts, req.withExcludeNewer(Instant.parse("2024-01-05T00:00:00Z"))).pins());
    }

    @Test
    void resolve_prereleasesOnlyWhenNecessaryOrAsked() throws Exception {
        InMemoryIndex index = InMemoryIndex.builder("t")
                .release("a", "1.0", List.of())
                .release("a", "2.0b1", List.of())
                .release("p", "1.0a1", List.of())
                .build();
        assertEquals(List.of("a==1.0", "p==1.0a1"), resolve(index, "a", "p").pins());
        assertEquals(List.of("a==2.0b1"), resolve(index, "a>=2.0b1").pins());
        assertEquals(List.of("a==2.0b1"), resolve(index, ResolverOptions.defaults().withPrereleases(PrereleasePolicy.ALLOW),
                ResolutionRequest.of(reqs("a"), TARGET)).pins());
    }

    @Test
    void resolve_handlesCyclesAndSelfDependencies() throws Exception {
        InMemoryIndex index = InMemoryIndex.builder("t")
                .release("a", "1.0", List.of("b", "a", "a[x]; extra == 'y'"))
                .release("b", "1.0", List.of("a"))
                .build();
        assertEquals(List.of("a==1.0", "b==1.0"), resolve(index, "a[y]").pins());
    }

    @Test
    void resolve_statisticsAreFilled() throws Exception {
        InMemoryIndex index = InMemoryIndex.builder("t").release("a", "1.0", List.of()).build();
        ResolutionStatistics s = resolve(index, "a").statistics();
        assertTrue(s.candidates() >= 1 && s.constraints() >= 1 && s.rounds() >= 1 && s.solverCalls() >= 1);
    }
}
