package dev.pinwheel.index.simple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.ProjectPage;
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

/** A flat index: one page of links to files of several projects (pip's {@code --find-links URL}). */
class FlatPageTest {
    private static final byte[] FOO = TestArchives.wheel("foo-1.0", TestArchives.metadata("2.1", "foo", "1.0", "Requires-Dist: bar"), true, 0);
    private static final byte[] FOO_BAR = TestArchives.wheel("foo_bar-2.0", TestArchives.metadata("2.1", "foo-bar", "2.0"), true, 0);
    private static final byte[] SDIST = TestArchives.sdistTarGz("foo-0.9", TestArchives.metadata("2.2", "foo", "0.9"), false);

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

    private static String page() {
        return "<html><body><h1>Downloads</h1>\n"
                + "<a href=\"files/foo-1.0-py3-none-any.whl#sha256=" + TestArchives.sha256(FOO) + "\">foo 1.0</a>\n"
                + "<a href=\"files/foo-0.9.tar.gz#sha256=" + TestArchives.sha256(SDIST) + "\">foo 0.9</a>\n"
                + "<a href=\"https://elsewhere.invalid/foo_bar-2.0-py3-none-any.whl#sha256=" + TestArchives.sha256(FOO_BAR) + "\">foo-bar</a>\n"
                + "<a href=\"../docs/\">docs</a>\n"
                + "</body></html>";
    }

    private SimpleIndex flat(java.net.URI url) throws IndexException {
        return SimpleIndex.builder(url).options(IndexOptions.defaults().withTimeout(Duration.ofSeconds(5)).withoutCache())
                .retryDelay(Duration.ofMillis(5)).flat().build();
    }

    @Test
    void eachProjectGetsItsOwnFilesFromOnePageReadOnce() throws Exception {
        server.serve("/links/index.html", "text/html", page());
        server.serve("/links/files/foo-1.0-py3-none-any.whl", "application/octet-stream", FOO);
        try (SimpleIndex index = flat(server.uri("/links/index.html"))) {
            ProjectPage foo = index.project(PackageName.parse("foo")).orElseThrow();
            assertEquals(List.of("foo-1.0-py3-none-any.whl", "foo-0.9.tar.gz"),
                    foo.files().stream().map(f -> f.filename().filename()).toList());
            assertEquals(List.of(), foo.skipped(), "foo-bar's file is not foo's, and leaves no note on foo's page");
            DistributionFile whl = foo.files().get(0);
            assertEquals(server.uri("/links/files/foo-1.0-py3-none-any.whl"), whl.url(), "links resolve against the page");
            assertEquals(TestArchives.sha256(FOO), whl.sha256().orElseThrow());
            assertEquals(List.of("bar"), index.metadata(whl).requiresDist().stream().map(Object::toString).toList());
            ProjectPage fooBar = index.project(PackageName.parse("Foo_Bar")).orElseThrow();
            assertEquals(List.of("foo_bar-2.0-py3-none-any.whl"), fooBar.files().stream().map(f -> f.filename().filename()).toList());
            assertTrue(index.project(PackageName.parse("absent")).isEmpty());
            assertEquals(1, server.requests("/links/index.html").size(), "the page is read once for every project");
        }
    }

    @Test
    void aLocalPageOfLinks_andAMissingPage() throws Exception {
        Files.createDirectories(tmp.resolve("files"));
        Files.write(tmp.resolve("files/foo-1.0-py3-none-any.whl"), FOO);
        Path html = Files.writeString(tmp.resolve("links.html"), page());
        try (SimpleIndex index = flat(html.toUri())) {
            ProjectPage foo = index.project(PackageName.parse("foo")).orElseThrow();
            assertEquals("1.0", index.metadata(foo.files().get(0)).version().toString());
        }
        try (SimpleIndex index = flat(server.uri("/nowhere.html"))) {
            IndexException e = assertThrows(IndexException.class, () -> index.project(PackageName.parse("foo")));
            assertTrue(e.getMessage().contains("page of links does not exist"), e.getMessage());
        }
    }
}
