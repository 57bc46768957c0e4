package dev.pinwheel.lock;

import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.resolve.Resolution;
import dev.pinwheel.resolve.ResolutionException;
import dev.pinwheel.resolve.ResolutionRequest;
import dev.pinwheel.resolve.Resolver;
import dev.pinwheel.resolve.ResolverOptions;
import dev.pinwheel.resolve.Target;
import dev.pinwheel.tags.PythonPlatform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link LockBuilder} over a real resolution: labels, pip-compile's markers, edges, constraint labels, index URLs. */
class LockBuilderTest {
    private static final Target TARGET = Target.of("3.12", PythonPlatform.parse("x86_64-manylinux_2_28"));

    private static Resolution resolve(List<String> requirements, List<String> constraints) throws ResolutionException {
        InMemoryIndex index = InMemoryIndex.builder("mem")
                .release("app", "1.0", List.of("lib>=1", "shared"))
                .release("lib", "1.0", List.of("shared"))
                .release("lib", "2.0", List.of("shared"))
                .release("shared", "1.0", List.of())
                .release("tool", "1.0", List.of())
                .build();
        return Resolver.create(index, ResolverOptions.defaults()).resolve(ResolutionRequest.of(
                requirements.stream().map(Requirement::parse).toList(), TARGET)
                .withConstraints(constraints.stream().map(Requirement::parse).toList()));
    }

    @Test
    void build_labelsMarkersAndEdges() throws ResolutionException {
        Resolution r = resolve(List.of("app", "tool; sys_platform == \"linux\"", "lib<2"), List.of("shared==1.0"));
        Lock lock = LockBuilder.of(r, TARGET, req -> List.of("-r in.txt"))
                .constraintLabels(n -> n.normalized().equals("shared") ? List.of("-c c.txt") : List.of())
                .indexUrls(id -> Optional.of("https://" + id + ".example/simple"))
                .build();
        assertEquals("app==1.0\n"
                + "    # via -r in.txt\n"
                + "lib==1.0\n"
                + "    # via\n"
                + "    #   -r in.txt\n"
                + "    #   app\n"
                + "shared==1.0\n"
                + "    # via\n"
                + "    #   -c c.txt\n"
                + "    #   app\n"
                + "    #   lib\n"
                + "tool==1.0 ; sys_platform == \"linux\"\n"
                + "    # via -r in.txt\n", RequirementsTxt.render(lock, false, List.of()));
        assertEquals(List.of("-r in.txt app", "-r in.txt lib<2", "-r in.txt tool; sys_platform == \"linux\"",
                        "app lib>=1", "app shared", "lib shared"),
                lock.dependencies().stream().map(d -> d.from() + " " + d.requirement()).toList());
        assertEquals(Optional.of("https://mem.example/simple"), lock.packages().get(0).index());
        assertEquals(LockSources.DEFAULT, lock.sources());
    }
}
