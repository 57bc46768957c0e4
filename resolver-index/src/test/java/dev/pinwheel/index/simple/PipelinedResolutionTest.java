package dev.pinwheel.index.simple;

import static dev.pinwheel.index.testing.Pages.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.testing.Pages;
import dev.pinwheel.index.testing.TestArchives;
import dev.pinwheel.index.testing.TestServer;
import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.resolve.IndexUnavailableException;
import dev.pinwheel.resolve.Resolution;
import dev.pinwheel.resolve.ResolutionRequest;
import dev.pinwheel.resolve.Resolver;
import dev.pinwheel.resolve.ResolverOptions;
import dev.pinwheel.resolve.Target;
import dev.pinwheel.tags.Platforms;
import dev.pinwheel.tags.PythonTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The resolver's pipelined, speculative fetching over a real loopback server: the same answer and the same
 * requests as fetching one request at a time, nothing fetched in vain, and errors as before.
 */
class PipelinedResolutionTest {
    private static final Target TARGET = Target.of(MarkerEnvironment.forPython("3.12.1", MarkerEnvironment.Platform.LINUX_X86_64),
            PythonTarget.cpython(3, 12, Platforms.manylinux(2, 28, "x86_64")).tagSet());

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A universe: project, version, dependencies. Wheels with PEP 658 metadata files. */
    private void serve(Map<String, Map<String, List<String>>> universe) {
        universe.forEach((project, versions) -> {
            List<Pages.Link> links = new ArrayList<>();
            versions.forEach((version, deps) -> {
                String wheel = project + "-" + version + "-py3-none-any.whl";
                List<String> lines = new ArrayList<>();
                deps.forEach(d -> lines.add("Requires-Dist: " + d));
                byte[] meta = TestArchives.metadata("2.1", project, version, lines.toArray(String[]::new))
                        .getBytes(StandardCharsets.UTF_8);
                byte[] bytes = TestArchives.wheel(project + "-" + version, new String(meta, StandardCharsets.UTF_8), true, 0);
                server.serve("/files/" + wheel, "application/octet-stream", bytes);
                server.serve("/files/" + wheel + ".metadata", "application/octet-stream", meta);
                links.add(link("/files/" + wheel + "#sha256=" + TestArchives.sha256(bytes), wheel)
                        .attr("data-core-metadata", "sha256=" + TestArchives.sha256(meta)));
            });
            server.serve("/simple/" + project + "/", "text/html", Pages.html(links));
        });
    }

    private static Map<String, Map<String, List<String>>> universe() {
        Map<String, Map<String, List<String>>> u = new LinkedHashMap<>();
        u.put("a", Map.of("1.0", List.of("b>=1", "e; python_version < \"3.0\"")));
        u.put("b", Map.of("1.0", List.of("c"), "2.0", List.of("c<2", "d")));
        u.put("c", Map.of("1.0", List.of("d"), "2.0", List.of()));
        u.put("d", Map.of("1.0", List.of(), "1.1", List.of("a")));
        u.put("e", Map.of("1.0", List.of()));
        u.put("x", Map.of("1.0", List.of("d<1.1")));
        return u;
    }

    private Resolution resolve(int parallelism) throws Exception {
        IndexOptions o = IndexOptions.defaults().withTimeout(Duration.ofSeconds(5)).withoutCache()
                .withMaxParallelRequests(parallelism);
        try (SimpleIndex index = SimpleIndex.builder(server.uri("/simple")).options(o).retryDelay(Duration.ofMillis(5)).build()) {
            return Resolver.create(index, ResolverOptions.defaults().withParallelism(parallelism)).resolve(
                    ResolutionRequest.of(List.of(Requirement.parse("a"), Requirement.parse("x")), TARGET));
        }
    }

    @Test
    void pipelinedFetchingGivesTheSameAnswerWithTheSameRequests() throws Exception {
        serve(universe());
        Resolution one = resolve(1);
        List<TestServer.Seen> sequential = server.requests();
        server.clearRequests();
        Resolution many = resolve(6);
        List<TestServer.Seen> pipelined = server.requests();

        assertEquals(List.of("a==1.0", "b==2.0", "c==1.0", "d==1.0", "x==1.0"), one.pins());
        assertEquals(one.pins(), many.pins());
        assertEquals(one.dependencies(), many.dependencies());
        assertEquals(sorted(sequential), sorted(pipelined));
        assertTrue(sequential.stream().noneMatch(s -> s.path().contains("/e/")), "e's marker never applies");
        assertEquals(0, many.statistics().wastedFetches(), many.statistics().toString());
        assertTrue(many.statistics().speculativeFetches() > 0, many.statistics().toString());
        assertEquals(one.statistics().projectsFetched(), many.statistics().projectsFetched());
        assertEquals(one.statistics().metadataFetched(), many.statistics().metadataFetched());
    }

    @Test
    void aServerErrorOnAFileTheResolutionNeedsSurfacesAsBefore() throws Exception {
        serve(universe());
        server.resource("/files/c-1.0-py3-none-any.whl.metadata").status(503);
        IndexUnavailableException one = assertThrows(IndexUnavailableException.class, () -> resolve(1));
        IndexUnavailableException many = assertThrows(IndexUnavailableException.class, () -> resolve(6));
        assertTrue(one.getMessage().contains("c-1.0-py3-none-any.whl"), one.getMessage());
        assertEquals(one.getMessage().replaceAll(":\\d+/", "/"), many.getMessage().replaceAll(":\\d+/", "/"));
    }

    private static List<String> sorted(List<TestServer.Seen> seen) {
        return seen.stream().map(s -> s.method() + " " + s.path()).sorted().toList();
    }
}
