package dev.pinwheel.index.union;

import static dev.pinwheel.index.testing.Pages.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.IndexStrategy;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.index.local.LocalDirectoryIndex;
import dev.pinwheel.index.simple.SimpleIndex;
import dev.pinwheel.index.testing.Pages;
import dev.pinwheel.index.testing.TestArchives;
import dev.pinwheel.index.testing.TestServer;
import dev.pinwheel.name.PackageName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A private index (on a loopback server) in front of a public one (another path), and a local folder. */
class UnionIndexTest {
    private static final PackageName INTERNAL = PackageName.parse("acme-internal");
    private TestServer server;
    private SimpleIndex privateIndex;
    private SimpleIndex publicIndex;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        byte[] good = TestArchives.wheel("acme_internal-1.0", TestArchives.metadata("2.1", "acme-internal", "1.0"), true, 0);
        byte[] evil = TestArchives.wheel("acme_internal-99.0", TestArchives.metadata("2.1", "acme-internal", "99.0", "Requires-Dist: evil"), true, 0);
        server.serve("/private/files/acme_internal-1.0-py3-none-any.whl", "application/octet-stream", good);
        server.serve("/public/files/acme_internal-99.0-py3-none-any.whl", "application/octet-stream", evil);
        server.serve("/private/simple/acme-internal/", "text/html", Pages.html(List.of(
                link("../../files/acme_internal-1.0-py3-none-any.whl#sha256=" + TestArchives.sha256(good), "acme_internal-1.0-py3-none-any.whl"))));
        server.serve("/public/simple/acme-internal/", "text/html", Pages.html(List.of(
                link("../../files/acme_internal-99.0-py3-none-any.whl#sha256=" + TestArchives.sha256(evil), "acme_internal-99.0-py3-none-any.whl"))));
        server.serve("/public/simple/six/", "application/vnd.pypi.simple.v1+json", Pages.json("six", List.of(link("../../files/six-1.16.0-py2.py3-none-any.whl", "six-1.16.0-py2.py3-none-any.whl"))));
        IndexOptions o = IndexOptions.defaults().withRetries(0).withTimeout(Duration.ofSeconds(5));
        privateIndex = SimpleIndex.builder(server.uri("/private/simple/")).id("private").options(o).build();
        publicIndex = SimpleIndex.builder(server.uri("/public/simple/")).id("pypi").options(o).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> names(ProjectPage p) {
        return p.files().stream().map(f -> f.filename().filename()).toList();
    }

    @Test
    void firstIndex_takesTheProjectFromTheFirstIndexThatHasIt() throws Exception {
        UnionIndex union = UnionIndex.of(List.of(privateIndex, publicIndex));
        assertEquals(IndexStrategy.FIRST_INDEX, union.strategy());
        ProjectPage page = union.project(INTERNAL).orElseThrow();
        assertEquals(List.of("acme_internal-1.0-py3-none-any.whl"), names(page));
        assertEquals("private", page.files().get(0).indexId());
        assertTrue(union.metadata(page.files().get(0)).requiresDist().isEmpty());
        assertEquals(List.of("six-1.16.0-py2.py3-none-any.whl"), names(union.project(PackageName.parse("six")).orElseThrow()));
        assertEquals("pypi", union.project(PackageName.parse("six")).orElseThrow().indexId());
        assertTrue(union.project(PackageName.parse("absent")).isEmpty());
        assertEquals(0, server.requests("/public/simple/acme-internal/").size(), "the public index is never asked for a private project");
    }

    @Test
    void unsafeBestMatch_mergesEveryIndex() throws Exception {
        UnionIndex union = UnionIndex.of(List.of(privateIndex, publicIndex), IndexStrategy.UNSAFE_BEST_MATCH);
        ProjectPage page = union.project(INTERNAL).orElseThrow();
        assertEquals(List.of("acme_internal-1.0-py3-none-any.whl", "acme_internal-99.0-py3-none-any.whl"), names(page));
        DistributionFile evil = page.files().get(1);
        assertEquals("pypi", evil.indexId());
        assertEquals("evil", union.metadata(evil).requiresDist().get(0).toString());
    }

    @Test
    void firstIndex_aFailingIndexStopsTheSearchAndIsNamed() throws Exception {
        server.resource("/private/simple/acme-internal/").fail(100, 500);
        UnionIndex union = UnionIndex.of(List.of(privateIndex, publicIndex));
        IndexException e = assertThrows(IndexException.class, () -> union.project(INTERNAL));
        assertEquals("private", e.indexId());
        assertTrue(e.getMessage().startsWith("Index `private` failed for `acme-internal`, and with the first-index strategy a later index may not answer in its place: "
                + "Cannot fetch the page of `acme-internal`: HTTP status 500"), e.getMessage());
        assertEquals(0, server.requests("/public/simple/acme-internal/").size());
    }

    @Test
    void unsafeBestMatch_reportsAFailingIndexAndGoesOn() throws Exception {
        server.resource("/private/simple/acme-internal/").fail(100, 500);
        UnionIndex union = UnionIndex.of(List.of(privateIndex, publicIndex), IndexStrategy.UNSAFE_BEST_MATCH);
        ProjectPage page = union.project(INTERNAL).orElseThrow();
        assertEquals(List.of("acme_internal-99.0-py3-none-any.whl"), names(page));
        assertEquals(1, page.skipped().size());
        assertTrue(page.skipped().get(0).startsWith("index `private` failed: Cannot fetch the page of `acme-internal`: HTTP status 500"), page.skipped().get(0));
        // no answering index has it and one failed: not "absent", an error
        server.serve("/private/simple/absent/", "text/html", "").fail(100, 500);
        IndexException unknown = assertThrows(IndexException.class, () -> union.project(PackageName.parse("absent")));
        assertTrue(unknown.getMessage().startsWith("No answering index has `absent`, and `private` failed: "), unknown.getMessage());
        assertEquals("private", unknown.indexId());
    }

    @Test
    void unsafeBestMatch_everyIndexFailingIsAnErrorWithEachFailure() throws Exception {
        server.resource("/private/simple/acme-internal/").fail(100, 500);
        server.resource("/public/simple/acme-internal/").fail(100, 503);
        UnionIndex union = UnionIndex.of(List.of(privateIndex, publicIndex), IndexStrategy.UNSAFE_BEST_MATCH);
        IndexException e = assertThrows(IndexException.class, () -> union.project(INTERNAL));
        assertTrue(e.getMessage().startsWith("Every index failed for `acme-internal`: `private`, `pypi`"), e.getMessage());
        assertEquals(1, e.getSuppressed().length);
    }

    @Test
    void localFolderFirst_thenTheServer() throws Exception {
        Files.write(dir.resolve("six-1.17.0-py2.py3-none-any.whl"), TestArchives.wheel("six-1.17.0", TestArchives.metadata("2.1", "six", "1.17.0"), true, 0));
        PackageIndex local = LocalDirectoryIndex.open(dir, "wheelhouse");
        UnionIndex union = UnionIndex.of(List.of(local, privateIndex, publicIndex));
        ProjectPage six = union.project(PackageName.parse("six")).orElseThrow();
        assertEquals("wheelhouse", six.indexId());
        assertEquals("1.17.0", union.metadata(six.files().get(0)).version().toString());
        assertEquals("private", union.project(INTERNAL).orElseThrow().indexId());
    }

    @Test
    void metadataOfAForeignFileIsAnError() throws Exception {
        UnionIndex union = UnionIndex.of(List.of(privateIndex));
        DistributionFile f = publicIndex.project(INTERNAL).orElseThrow().files().get(0);
        IndexException e = assertThrows(IndexException.class, () -> union.metadata(f));
        assertTrue(e.getMessage().startsWith("`acme_internal-99.0-py3-none-any.whl` comes from index `pypi`, which is not part of this union"), e.getMessage());
    }

    @Test
    void duplicateIdsAndEmptyListsAreRejected() {
        assertEquals("indexes is empty", assertThrows(IllegalArgumentException.class, () -> UnionIndex.of(List.of())).getMessage());
        assertEquals("Two indexes share the id `private`; give each a distinct id",
                assertThrows(IllegalArgumentException.class, () -> UnionIndex.of(List.of(privateIndex, privateIndex))).getMessage());
    }
}
