package dev.pinwheel.index.simple;

import static dev.pinwheel.index.testing.Pages.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.HashMismatchException;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.MetadataUnavailableException;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.index.testing.Pages;
import dev.pinwheel.index.testing.TestArchives;
import dev.pinwheel.index.testing.TestServer;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimpleIndexTest {
    private static final PackageName FOO = PackageName.parse("Foo.Bar");
    private static final String WHEEL = "foo_bar-1.0-py3-none-any.whl";
    private static final String META = TestArchives.metadata("2.1", "foo-bar", "1.0", "Requires-Python: >=3.8", "Requires-Dist: requests>=2.31", "Requires-Dist: tomli; python_version < \"3.11\"");
    private static final byte[] WHEEL_BYTES = TestArchives.wheel("foo_bar-1.0", META, true, 200_000);

    private TestServer server;
    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private IndexOptions options() {
        return IndexOptions.defaults().withTimeout(Duration.ofSeconds(5)).withoutCache();
    }

    private SimpleIndex index() throws IndexException {
        return SimpleIndex.builder(server.uri("/simple")).options(options()).retryDelay(Duration.ofMillis(5)).build();
    }

    private static String sha(byte[] b) {
        return TestArchives.sha256(b);
    }

    private static List<String> deps(Metadata m) {
        return m.requiresDist().stream().map(Requirement::toString).toList();
    }

    @Test
    void project_htmlPageWithEverything() throws Exception {
        byte[] sdist = TestArchives.sdistTarGz("foo_bar-0.9", TestArchives.metadata("2.2", "foo-bar", "0.9"), false);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(
                link("../../files/" + WHEEL + "#sha256=" + sha(WHEEL_BYTES), WHEEL).attr("data-requires-python", ">=3.8,<4"),
                link("/files/foo_bar-0.9.tar.gz#sha256=" + sha(sdist), "foo_bar-0.9.tar.gz").attr("data-yanked", "broken build"),
                link("foo_bar-0.8.egg", "foo_bar-0.8.egg"),
                link("file:///etc/passwd", "foo_bar-0.1.tar.gz"),
                link("/files/other-1.0-py3-none-any.whl", "other-1.0-py3-none-any.whl"))));
        try (SimpleIndex index = index()) {
            ProjectPage page = index.project(FOO).orElseThrow();
            assertEquals(2, page.files().size());
            DistributionFile w = page.files().get(0);
            assertEquals(WHEEL, w.filename().filename());
            assertEquals(server.uri("/files/" + WHEEL), w.url());
            assertEquals(Map.of("sha256", sha(WHEEL_BYTES)), w.hashes());
            assertEquals(Optional.of(">=3.8,<4"), w.requiresPython());
            assertFalse(w.isYanked());
            assertEquals(index.id(), w.indexId());
            DistributionFile s = page.files().get(1);
            assertEquals(Optional.of("broken build"), s.yanked());
            assertEquals(List.of(
                    "`foo_bar-0.8.egg`: Unsupported distribution file extension `.egg`; expected `.whl`, `.tar.gz` or `.zip`",
                    "`passwd`: links with scheme `file` are not followed from a remote index (`file:///etc/passwd`)",
                    "`other-1.0-py3-none-any.whl`: a wheel of `other`, not `Foo.Bar`"), fixEgg(page.skipped()));
            assertEquals(List.of("/simple/foo-bar/"), server.requests().stream().map(TestServer.Seen::path).toList());
        }
    }

    /** The egg's reason comes from the tags module's own message; only its start is ours to check. */
    private static List<String> fixEgg(List<String> skipped) {
        List<String> out = new ArrayList<>();
        for (String s : skipped) {
            out.add(s.startsWith("`foo_bar-0.8.egg`: ") ? "`foo_bar-0.8.egg`: Unsupported distribution file extension `.egg`; expected `.whl`, `.tar.gz` or `.zip`" : s);
        }
        return out;
    }

    @Test
    void project_jsonPageWithPep700Fields() throws Exception {
        server.serve("/simple/foo-bar/", "application/vnd.pypi.simple.v1+json", Pages.json("foo-bar", List.of(
                link("https://files.example.org/" + WHEEL, WHEEL)
                        .json("hashes", Map.of("sha256", sha(WHEEL_BYTES)))
                        .json("requires-python", ">=3.8")
                        .json("core-metadata", Map.of("sha256", sha(META.getBytes(StandardCharsets.UTF_8))))
                        .json("upload-time", "2024-05-01T10:00:00.000000Z")
                        .json("size", (long) WHEEL_BYTES.length)
                        .json("yanked", true))));
        try (SimpleIndex index = index()) {
            DistributionFile f = index.project(FOO).orElseThrow().files().get(0);
            assertEquals(URI.create("https://files.example.org/" + WHEEL), f.url());
            assertEquals(Optional.of(""), f.yanked());
            assertEquals(Optional.of(Map.of("sha256", sha(META.getBytes(StandardCharsets.UTF_8)))), f.coreMetadata());
            assertEquals(Optional.of(Instant.parse("2024-05-01T10:00:00Z")), f.uploadTime());
            assertEquals(WHEEL_BYTES.length, f.size().getAsLong());
        }
    }

    @Test
    void project_missingIsEmptyAndServerErrorsAreRetried() throws Exception {
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of())).fail(2, 502);
        try (SimpleIndex index = index()) {
            assertTrue(index.project(PackageName.parse("nothing-here")).isEmpty());
            assertTrue(index.project(FOO).orElseThrow().files().isEmpty());
        }
        assertEquals(3, server.requests("/simple/foo-bar/").size());
    }

    @Test
    void project_redirectedPageResolvesLinksAgainstTheFinalUrl() throws Exception {
        server.redirect("/simple/foo-bar/", "/mirror/pkgs/foo-bar/", 301);
        server.serve("/mirror/pkgs/foo-bar/", "text/html", Pages.html(List.of(link("../../dl/" + WHEEL, WHEEL))));
        try (SimpleIndex index = index()) {
            assertEquals(server.uri("/mirror/dl/" + WHEEL), index.project(FOO).orElseThrow().files().get(0).url());
        }
    }

    @Test
    void project_malformedJsonNamesUrlAndProblem() throws Exception {
        server.serve("/simple/foo-bar/", "application/vnd.pypi.simple.v1+json", "{\"meta\": {\"api-version\": \"1.0\"}, \"files\": [");
        try (SimpleIndex index = index()) {
            IndexException e = assertThrows(IndexException.class, () -> index.project(FOO));
            assertEquals("Malformed simple page for `Foo.Bar`: invalid JSON at line 1, column 44: Unexpected end-of-input: expected close marker for Array"
                    + " (index `" + index.id() + "`, `" + server.uri("/simple/foo-bar/") + "`)", e.getMessage());
        }
    }

    @Test
    void project_unreachableIndexIsAnErrorWithTheIndexName() throws Exception {
        server.serve("/simple/foo-bar/", "text/html", "x").fail(100, 503);
        try (SimpleIndex index = SimpleIndex.builder(server.uri("/simple/")).id("internal").options(options().withRetries(1)).retryDelay(Duration.ofMillis(1)).build()) {
            IndexException e = assertThrows(IndexException.class, () -> index.project(FOO));
            assertEquals("internal", e.indexId());
            assertEquals("Cannot fetch the page of `Foo.Bar`: HTTP status 503 for `" + server.uri("/simple/foo-bar/") + "` (index `internal`, `"
                    + server.uri("/simple/foo-bar/") + "`)", e.getMessage());
        }
    }

    private DistributionFile wheelOnPage(String pageBody, String type) throws Exception {
        server.serve("/simple/foo-bar/", type, pageBody);
        try (SimpleIndex index = index()) {
            return index.project(FOO).orElseThrow().files().get(0);
        }
    }

    @Test
    void metadata_fromThePep658FileOnly() throws Exception {
        byte[] meta = META.getBytes(StandardCharsets.UTF_8);
        server.serve("/files/" + WHEEL, "application/octet-stream", WHEEL_BYTES);
        server.serve("/files/" + WHEEL + ".metadata", "application/octet-stream", meta);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(
                link("/files/" + WHEEL + "#sha256=" + sha(WHEEL_BYTES), WHEEL).attr("data-core-metadata", "sha256=" + sha(meta)))));
        try (SimpleIndex index = index()) {
            DistributionFile f = index.project(FOO).orElseThrow().files().get(0);
            Metadata m = index.metadata(f);
            assertEquals(List.of("requests>=2.31", "tomli; python_version < \"3.11\""), deps(m));
            index.metadata(f);
        }
        assertEquals(1, server.requests("/files/" + WHEEL + ".metadata").size());
        assertEquals(0, server.requests("/files/" + WHEEL).size());
    }

    @Test
    void metadata_pep658WrongHashIsAMismatch() throws Exception {
        byte[] meta = META.getBytes(StandardCharsets.UTF_8);
        server.serve("/files/" + WHEEL + ".metadata", "application/octet-stream", meta);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(
                link("/files/" + WHEEL, WHEEL).attr("data-dist-info-metadata", "sha256=" + "0".repeat(64)))));
        try (SimpleIndex index = index()) {
            DistributionFile f = index.project(FOO).orElseThrow().files().get(0);
            HashMismatchException e = assertThrows(HashMismatchException.class, () -> index.metadata(f));
            assertEquals(WHEEL + ".metadata", e.fileName());
            assertEquals("0".repeat(64), e.expected());
            assertEquals(sha(meta), e.actual());
        }
    }

    @Test
    void metadata_byRangeRequestsWithoutTheWholeWheel() throws Exception {
        server.serve("/files/" + WHEEL, "application/octet-stream", WHEEL_BYTES);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(link("/files/" + WHEEL + "#sha256=" + sha(WHEEL_BYTES), WHEEL))));
        try (SimpleIndex index = index()) {
            DistributionFile f = index.project(FOO).orElseThrow().files().get(0);
            assertEquals(List.of("requests>=2.31", "tomli; python_version < \"3.11\""), deps(index.metadata(f)));
        }
        List<TestServer.Seen> gets = server.requests("/files/" + WHEEL);
        assertEquals(1, gets.size(), "the tail holds the central directory and METADATA");
        assertEquals("bytes=-65536", gets.get(0).header("range"));
    }

    @Test
    void metadata_wholeFileWhenRangesAreIgnored_andTheHashIsChecked() throws Exception {
        server.serve("/files/" + WHEEL, "application/octet-stream", WHEEL_BYTES).ranges(false);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(link("/files/" + WHEEL + "#sha256=" + sha(WHEEL_BYTES), WHEEL))));
        try (SimpleIndex index = index()) {
            DistributionFile f = index.project(FOO).orElseThrow().files().get(0);
            assertEquals(2, index.metadata(f).requiresDist().size());
            DistributionFile wrong = f.toBuilder().hash("sha256", "1".repeat(64)).build();
            HashMismatchException e = assertThrows(HashMismatchException.class, () -> index.metadata(wrong));
            assertEquals("Hash mismatch for `" + WHEEL + "`: expected sha256:" + "1".repeat(64) + ", got sha256:" + sha(WHEEL_BYTES)
                    + " (index `" + index.id() + "`, `" + server.uri("/files/" + WHEEL) + "`)", e.getMessage());
        }
        assertEquals(2, server.requests("/files/" + WHEEL).size());
    }

    @Test
    void metadata_wrongHashWithRangesDisabledIsAMismatch() throws Exception {
        server.serve("/files/" + WHEEL, "application/octet-stream", WHEEL_BYTES);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(link("/files/" + WHEEL + "#sha256=" + "2".repeat(64), WHEEL))));
        try (SimpleIndex index = SimpleIndex.builder(server.uri("/simple/")).options(options()).rangeRequests(false).build()) {
            DistributionFile f = index.project(FOO).orElseThrow().files().get(0);
            assertThrows(HashMismatchException.class, () -> index.metadata(f));
        }
        assertEquals(null, server.requests("/files/" + WHEEL).get(0).header("range"));
    }

    @Test
    void metadata_lyingZipFallsBackToTheWholeFileAndFailsClearly() throws Exception {
        byte[] bad = WHEEL_BYTES.clone();
        // point the EOCD's central directory offset past the end: the tail read cannot be trusted
        int eocd = bad.length - 22;
        bad[eocd + 16] = (byte) 0xff;
        bad[eocd + 17] = (byte) 0xff;
        bad[eocd + 18] = (byte) 0xff;
        bad[eocd + 19] = (byte) 0x0f;
        server.serve("/files/" + WHEEL, "application/octet-stream", bad);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(link("/files/" + WHEEL + "#sha256=" + sha(bad), WHEEL))));
        try (SimpleIndex index = index()) {
            DistributionFile f = index.project(FOO).orElseThrow().files().get(0);
            UnusableFileException e = assertThrows(UnusableFileException.class, () -> index.metadata(f));
            assertTrue(e.getMessage().startsWith("`" + WHEEL + "`: `" + WHEEL + "` states a central directory ("), e.getMessage());
        }
        assertEquals(2, server.requests("/files/" + WHEEL).size(), "one range read, then the whole file");
    }

    @Test
    void metadata_mustNameTheFilesProjectAndVersion() throws Exception {
        byte[] wheel = TestArchives.wheel("foo_bar-1.0", TestArchives.metadata("2.1", "foo-bar", "2.0"), true, 0);
        server.serve("/files/" + WHEEL, "application/octet-stream", wheel);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(link("/files/" + WHEEL, WHEEL))));
        try (SimpleIndex index = index()) {
            DistributionFile f = index.project(FOO).orElseThrow().files().get(0);
            UnusableFileException e = assertThrows(UnusableFileException.class, () -> index.metadata(f));
            assertEquals("`" + WHEEL + "`: its metadata describes `foo-bar 2.0`, not `foo_bar 1.0` (index `" + index.id() + "`, `"
                    + server.uri("/files/" + WHEEL) + "`)", e.getMessage());
        }
    }

    @Test
    void metadata_sdistPkgInfoUnderPep643() throws Exception {
        byte[] good = TestArchives.sdistTarGz("foo_bar-1.1", TestArchives.metadata("2.2", "foo-bar", "1.1", "Requires-Dist: six", "Dynamic: Classifier"), true);
        byte[] old = TestArchives.sdistTarGz("foo_bar-1.2", TestArchives.metadata("2.1", "foo-bar", "1.2", "Requires-Dist: six"), false);
        byte[] dyn = TestArchives.sdistZip("foo_bar-1.3", TestArchives.metadata("2.4", "foo-bar", "1.3", "Dynamic: Requires-Dist"));
        server.serve("/files/foo_bar-1.1.tar.gz", "application/octet-stream", good);
        server.serve("/files/foo_bar-1.2.tar.gz", "application/octet-stream", old);
        server.serve("/files/foo_bar-1.3.zip", "application/octet-stream", dyn);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(
                link("/files/foo_bar-1.1.tar.gz#sha256=" + sha(good), "foo_bar-1.1.tar.gz"),
                link("/files/foo_bar-1.2.tar.gz#sha256=" + sha(old), "foo_bar-1.2.tar.gz"),
                link("/files/foo_bar-1.3.zip#sha256=" + sha(dyn), "foo_bar-1.3.zip"))));
        try (SimpleIndex index = index()) {
            List<DistributionFile> files = index.project(FOO).orElseThrow().files();
            assertEquals(List.of("six"), deps(index.metadata(files.get(0))));
            MetadataUnavailableException e = assertThrows(MetadataUnavailableException.class, () -> index.metadata(files.get(1)));
            assertEquals("`foo_bar-1.2.tar.gz`: needs a build to know its dependencies (its `PKG-INFO` has `Metadata-Version: 2.1`, and only 2.2 or later (PEP 643) says whether dependencies are final); Pinwheel does not run builds"
                    + " (index `" + index.id() + "`, `" + server.uri("/files/foo_bar-1.2.tar.gz") + "`)", e.getMessage());
            MetadataUnavailableException d = assertThrows(MetadataUnavailableException.class, () -> index.metadata(files.get(2)));
            assertTrue(d.getMessage().contains("(its `PKG-INFO` declares `Dynamic: Requires-Dist`)"), d.getMessage());
        }
    }

    @Test
    void metadata_oversizedIsUnusable() throws Exception {
        String big = TestArchives.metadata("2.1", "foo-bar", "1.0") + "x".repeat(17 << 20);
        byte[] wheel = TestArchives.wheel("foo_bar-1.0", big, true, 0);
        server.serve("/files/" + WHEEL, "application/octet-stream", wheel);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(link("/files/" + WHEEL, WHEEL))));
        try (SimpleIndex index = index()) {
            DistributionFile f = index.project(FOO).orElseThrow().files().get(0);
            UnusableFileException e = assertThrows(UnusableFileException.class, () -> index.metadata(f));
            assertTrue(e.getMessage().contains("more than the limit of 16777216"), e.getMessage());
        }
    }

    @Test
    void metadata_concurrentCallsShareOneFetch() throws Exception {
        server.serve("/files/" + WHEEL, "application/octet-stream", WHEEL_BYTES).delay(Duration.ofMillis(200));
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(link("/files/" + WHEEL, WHEEL))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SimpleIndex index = index()) {
            DistributionFile f = index.project(FOO).orElseThrow().files().get(0);
            List<Future<Metadata>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> index.metadata(f)));
            }
            for (Future<Metadata> fu : futures) {
                assertEquals(2, fu.get().requiresDist().size());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, server.requests("/files/" + WHEEL).size());
    }

    @Test
    void cache_offlineRunServesPagesAndMetadataWithoutTheNetwork() throws Exception {
        byte[] meta = META.getBytes(StandardCharsets.UTF_8);
        server.serve("/files/" + WHEEL, "application/octet-stream", WHEEL_BYTES);
        server.serve("/files/" + WHEEL + ".metadata", "application/octet-stream", meta);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(
                link("/files/" + WHEEL + "#sha256=" + sha(WHEEL_BYTES), WHEEL).attr("data-core-metadata", "sha256=" + sha(meta)))))
                .etag("\"v1\"");
        server.serve("/simple/other/", "text/html", Pages.html(List.of(link("/files/other-1.0.tar.gz#sha256=" + "3".repeat(64), "other-1.0.tar.gz"))));
        Path cache = tmp.resolve("cache");
        try (SimpleIndex online = SimpleIndex.create(server.uri("/simple/"), options().withCacheDir(cache))) {
            online.metadata(online.project(FOO).orElseThrow().files().get(0));
            online.project(PackageName.parse("other"));
        }
        server.clearRequests();
        try (SimpleIndex offline = SimpleIndex.create(server.uri("/simple/"), options().withCacheDir(cache).withOffline(true))) {
            DistributionFile f = offline.project(FOO).orElseThrow().files().get(0);
            assertEquals(2, offline.metadata(f).requiresDist().size());
            DistributionFile other = offline.project(PackageName.parse("other")).orElseThrow().files().get(0);
            IndexException e = assertThrows(IndexException.class, () -> offline.metadata(other));
            assertTrue(e.getMessage().contains("Offline mode: `" + server.uri("/files/other-1.0.tar.gz") + "` is not in the cache"), e.getMessage());
            assertEquals(0, offline.requestCount());
        }
        assertEquals(List.of(), server.requests());
        // online again: the page is revalidated (304), the metadata file is not fetched again
        try (SimpleIndex again = SimpleIndex.create(server.uri("/simple/"), options().withCacheDir(cache))) {
            again.metadata(again.project(FOO).orElseThrow().files().get(0));
        }
        assertEquals(List.of("/simple/foo-bar/"), server.requests().stream().map(TestServer.Seen::path).toList());
        assertEquals("\"v1\"", server.requests().get(0).header("if-none-match"));
    }

    @Test
    void credentialsNeverAppearInIdsOrMessages() throws Exception {
        server.serve("/simple/foo-bar/", "text/html", "x").fail(100, 500);
        URI withCreds = URI.create("http://user:hunter2@127.0.0.1:" + server.port() + "/simple/");
        try (SimpleIndex index = SimpleIndex.builder(withCreds).options(options().withRetries(0)).build()) {
            assertFalse(index.id().contains("hunter2"), index.id());
            IndexException e = assertThrows(IndexException.class, () -> index.project(FOO));
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
            assertTrue(server.requests().get(0).header("authorization").startsWith("Basic "));
        }
    }

    @Test
    void staticIndexOnDisk_andLinksThatEscapeAreRefused() throws Exception {
        Path root = tmp.resolve("repo");
        Files.createDirectories(root.resolve("simple/foo-bar"));
        Files.createDirectories(root.resolve("files"));
        Files.write(root.resolve("files/" + WHEEL), WHEEL_BYTES);
        Files.write(tmp.resolve("foo_bar-0.1-py3-none-any.whl"), WHEEL_BYTES);
        Files.writeString(root.resolve("simple/index.html"), Pages.html(List.of(link("foo-bar/", "foo-bar"))));
        Files.writeString(root.resolve("simple/foo-bar/index.html"), Pages.html(List.of(
                link("../../files/" + WHEEL + "#sha256=" + sha(WHEEL_BYTES), WHEEL),
                link("../../../foo_bar-0.1-py3-none-any.whl", "foo_bar-0.1-py3-none-any.whl"))));
        try (SimpleIndex index = SimpleIndex.create(root.resolve("simple").toUri(), options())) {
            ProjectPage page = index.project(FOO).orElseThrow();
            assertEquals(1, page.files().size());
            assertEquals(1, page.skipped().size());
            assertTrue(page.skipped().get(0).startsWith("`foo_bar-0.1-py3-none-any.whl`: the link leaves the index directory `"), page.skipped().get(0));
            assertEquals(2, index.metadata(page.files().get(0)).requiresDist().size());
            // a file URL outside the root handed in directly is refused as well
            DistributionFile outside = page.files().get(0).toBuilder().build();
            DistributionFile escaped = DistributionFile.builder(outside.filename(), tmp.resolve("foo_bar-0.1-py3-none-any.whl").toUri(), index.id()).build();
            assertInstanceOf(UnusableFileException.class, assertThrows(IndexException.class, () -> index.metadata(escaped)));
            assertTrue(index.project(PackageName.parse("absent")).isEmpty());
        }
    }

    @Test
    void project_slowServerIsATimeoutNamingTheIndex() throws Exception {
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of())).delay(Duration.ofSeconds(3));
        try (SimpleIndex index = SimpleIndex.builder(server.uri("/simple/")).id("slow").options(options().withTimeout(Duration.ofMillis(200)).withRetries(0)).build()) {
            IndexException e = assertThrows(IndexException.class, () -> index.project(FOO));
            assertEquals("Cannot fetch the page of `Foo.Bar`: No response within 200 ms for `" + server.uri("/simple/foo-bar/") + "` after 1 attempt"
                    + " (index `slow`, `" + server.uri("/simple/foo-bar/") + "`)", e.getMessage());
        }
    }

    @Test
    void project_truncatedPageIsRetriedNeverHalfRead() throws Exception {
        List<Pages.Link> links = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            links.add(link("/files/foo_bar-1." + i + ".tar.gz", "foo_bar-1." + i + ".tar.gz"));
        }
        server.serve("/simple/foo-bar/", "text/html", Pages.html(links)).drop(1);
        try (SimpleIndex index = index()) {
            assertEquals(2000, index.project(FOO).orElseThrow().files().size());
        }
        server.resource("/simple/foo-bar/").drop(100);
        try (SimpleIndex index = SimpleIndex.builder(server.uri("/simple/")).options(options().withRetries(1)).retryDelay(Duration.ofMillis(1)).build()) {
            IndexException e = assertThrows(IndexException.class, () -> index.project(FOO));
            assertTrue(e.getMessage().startsWith("Cannot fetch the page of `Foo.Bar`: Request failed ("), e.getMessage());
        }
    }

    @Test
    void cache_metadataReadFromArchivesIsKeptByTheFilesHash() throws Exception {
        byte[] sdist = TestArchives.sdistTarGz("foo_bar-1.1", TestArchives.metadata("2.2", "foo-bar", "1.1", "Requires-Dist: six"), false);
        server.serve("/files/" + WHEEL, "application/octet-stream", WHEEL_BYTES);
        server.serve("/files/foo_bar-1.1.tar.gz", "application/octet-stream", sdist);
        server.serve("/simple/foo-bar/", "text/html", Pages.html(List.of(
                link("/files/" + WHEEL + "#sha256=" + sha(WHEEL_BYTES), WHEEL),
                link("/files/foo_bar-1.1.tar.gz#sha256=" + sha(sdist), "foo_bar-1.1.tar.gz"))));
        Path cache = tmp.resolve("cache");
        try (SimpleIndex online = SimpleIndex.create(server.uri("/simple/"), options().withCacheDir(cache))) {
            for (DistributionFile f : online.project(FOO).orElseThrow().files()) {
                online.metadata(f);
            }
        }
        assertEquals(1, server.requests("/files/" + WHEEL).size());
        assertEquals(1, server.requests("/files/foo_bar-1.1.tar.gz").size());
        try (SimpleIndex offline = SimpleIndex.create(server.uri("/simple/"), options().withCacheDir(cache).withOffline(true))) {
            List<DistributionFile> files = offline.project(FOO).orElseThrow().files();
            assertEquals(2, offline.metadata(files.get(0)).requiresDist().size());
            assertEquals(List.of("six"), deps(offline.metadata(files.get(1))));
        }
        assertEquals(1, server.requests("/files/" + WHEEL).size());
        assertEquals(1, server.requests("/files/foo_bar-1.1.tar.gz").size());
        try (var left = Files.list(cache.resolve("tmp"))) {
            assertEquals(0, left.count(), "downloads are deleted after use");
        }
    }
}
