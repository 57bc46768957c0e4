package dev.pinwheel.resolve;

import static dev.pinwheel.resolve.ResolverTest.TARGET;
import static dev.pinwheel.resolve.ResolverTest.reqs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.Version;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolutionListenerTest {

    private static List<String> events(InMemoryIndex index, int parallelism) throws ResolutionException {
        List<String> events = new ArrayList<>();
        Resolver.create(index, ResolverOptions.defaults().withParallelism(parallelism))
                .resolve(ResolutionRequest.of(reqs("a"), TARGET), new ResolutionListener() {
                    @Override
                    public void projectAdded(PackageName name, int versions, int candidates) {
                        events.add("project " + name + " " + versions + " " + candidates);
                    }

                    @Override
                    public void metadataRead(PackageName name, Version version) {
                        events.add("metadata " + name + " " + version);
                    }

                    @Override
                    public void solving(int round, int candidates, int expanded) {
                        events.add("round " + round + " " + candidates + " " + expanded);
                    }
                });
        return events;
    }

    @Test
    void projectsMetadataAndRounds_inTheResolutionsOwnOrder() throws Exception {
        // a 2.0 needs b>=2; b 2.0 needs c, which the index does not have: b 1.0 is the answer, in a second round
        InMemoryIndex index = InMemoryIndex.builder("t")
                .release("a", "1.0", List.of())
                .release("a", "2.0", List.of("b"))
                .release("b", "1.0", List.of())
                .release("b", "2.0", List.of("c"))
                .build();
        List<String> expected = List.of(
                "project a 2 2", "metadata a 2.0", "project b 2 4", "metadata b 2.0", "project c 0 4",
                "round 1 4 2", "metadata b 1.0", "round 2 4 3");
        assertEquals(expected, events(index, 1));
        assertEquals(expected, events(index, 4), "the same calls whatever the fetching threads do");
    }
}
