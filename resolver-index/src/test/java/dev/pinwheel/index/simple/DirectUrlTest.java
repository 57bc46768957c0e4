package dev.pinwheel.index.simple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.DirectDistribution;
import dev.pinwheel.index.HashMismatchException;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.IndexStrategy;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.index.local.LocalDirectoryIndex;
import dev.pinwheel.index.testing.TestArchives;
import dev.pinwheel.index.testing.TestServer;
import dev.pinwheel.index.union.UnionIndex;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.Requirement;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code direct(project, url)}: the file a {@code name @ url} requirement names, read whole and hashed. */
class DirectUrlTest {
    private static final PackageName FOO = PackageName.parse("foo-bar");
    private static final String WHEEL = "foo_bar-1.0-py3-none-any.whl";
    private static final byte[] WHEEL_BYTES = TestArchives.wheel("foo_bar-1.0",
            TestArchives.metadata("2.1", "foo-bar", "1.0", "Requires-Dist: six>=1.16"), true, 10_000);

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

    private SimpleIndex index() throws IndexException {
        return SimpleIndex.builder(server.uri("/simple")).options(IndexOptions.defaults().withTimeout(Duration.ofSeconds(5))
                .withoutCache()).retryDelay(Duration.ofMillis(5)).build();
    }

    @Test
    void wheelOverHttp_isReadWholeWithItsSha256SizeAndMetadata() throws Exception {
        server.serve("/elsewhere/" + WHEEL, "application/octet-stream", WHEEL_BYTES);
        try (SimpleIndex index = index()) {
            DirectDistribution d = index.direct(FOO, server.uri("/elsewhere/" + WHEEL));
            assertEquals(server.uri("/elsewhere/" + WHEEL), d.file().url());
            assertEquals(TestArchives.sha256(WHEEL_BYTES), d.file().sha256().orElseThrow());
            assertEquals(WHEEL_BYTES.length, d.file().size().orElseThrow());
            assertEquals("1.0", d.metadata().version().toString());
            assertEquals(List.of(Requirement.parse("six>=1.16")), d.metadata().requiresDist());
        }
    }

    @Test
    void fragmentHash_isCheckedAndKept_andAMismatchIsAnError() throws Exception {
        server.serve("/f/" + WHEEL, "application/octet-stream", WHEEL_BYTES);
        String sha = TestArchives.sha256(WHEEL_BYTES);
        try (SimpleIndex index = index()) {
            DirectDistribution d = index.direct(FOO, URI.create(server.uri("/f/" + WHEEL) + "#sha256=" + sha.toUpperCase()));
            assertEquals(server.uri("/f/" + WHEEL), d.file().url(), "the fragment is not part of the file's URL");
            assertEquals(sha, d.file().sha256().orElseThrow());
            String wrong = "0".repeat(64);
            HashMismatchException e = assertThrows(HashMismatchException.class,
                    () -> index.direct(FOO, URI.create(server.uri("/f/" + WHEEL) + "#sha256=" + wrong)));
            assertTrue(e.getMessage().contains(WHEEL) && e.getMessage().contains(wrong), e.getMessage());
        }
    }

    @Test
    void sdistUnderPep643_andFileUrls_areRead() throws Exception {
        byte[] sdist = TestArchives.sdistTarGz("foo_bar-2.0", TestArchives.metadata("2.2", "foo-bar", "2.0", "Requires-Dist: idna"), false);
        Path file = Files.write(tmp.resolve("foo_bar-2.0.tar.gz"), sdist);
        try (SimpleIndex index = index()) {
            DirectDistribution d = index.direct(FOO, file.toUri());
            assertEquals("2.0", d.metadata().version().toString());
            assertEquals(List.of(Requirement.parse("idna")), d.metadata().requiresDist());
        }
        try (LocalDirectoryIndex local = LocalDirectoryIndex.open(Files.createDirectory(tmp.resolve("empty")))) {
            assertEquals(TestArchives.sha256(sdist), local.direct(FOO, file.toUri()).file().sha256().orElseThrow(),
                    "a local directory index reads file: URLs anywhere");
            assertThrows(UnusableFileException.class, () -> local.direct(FOO, server.uri("/f/" + WHEEL)));
        }
    }

    @Test
    void badUrls_areUnusableWithTheReason() throws Exception {
        server.serve("/f/other-1.0-py3-none-any.whl", "application/octet-stream", WHEEL_BYTES);
        try (SimpleIndex index = index()) {
            UnusableFileException notAFile = assertThrows(UnusableFileException.class,
                    () -> index.direct(FOO, server.uri("/f/foo-bar/")));
            assertTrue(notAFile.getMessage().contains("must name a wheel or source distribution"), notAFile.getMessage());
            UnusableFileException otherProject = assertThrows(UnusableFileException.class,
                    () -> index.direct(FOO, server.uri("/f/other-1.0-py3-none-any.whl")));
            assertTrue(otherProject.getMessage().contains("`other`"), otherProject.getMessage());
            assertThrows(UnusableFileException.class, () -> index.direct(FOO, URI.create("ftp://example.invalid/" + WHEEL)));
            server.serve("/f/" + WHEEL, "application/octet-stream", WHEEL_BYTES);
            UnusableFileException badHash = assertThrows(UnusableFileException.class,
                    () -> index.direct(FOO, URI.create(server.uri("/f/" + WHEEL) + "#sha256=not-hex")));
            assertTrue(badHash.getMessage().contains("`sha256` hash") && badHash.getMessage().contains("not-hex"),
                    "a malformed digest is refused, never skipped: " + badHash.getMessage());
            assertEquals(TestArchives.sha256(WHEEL_BYTES), index.direct(FOO,
                    URI.create(server.uri("/f/" + WHEEL) + "#egg=foo-bar&sha256=" + TestArchives.sha256(WHEEL_BYTES))).file().sha256().orElseThrow(),
                    "other fragment parts are ignored");
            IndexException missing = assertThrows(IndexException.class, () -> index.direct(FOO, server.uri("/missing/" + WHEEL)));
            assertTrue(missing.getMessage().contains("404"), missing.getMessage());
        }
    }

    @Test
    void union_asksEachIndexUntilOneReadsTheUrl() throws Exception {
        server.serve("/f/" + WHEEL, "application/octet-stream", WHEEL_BYTES);
        try (LocalDirectoryIndex local = LocalDirectoryIndex.open(Files.createDirectory(tmp.resolve("d")));
             SimpleIndex remote = index()) {
            UnionIndex union = UnionIndex.of(List.of(local, remote), IndexStrategy.FIRST_INDEX);
            DirectDistribution d = union.direct(FOO, server.uri("/f/" + WHEEL));
            assertEquals(remote.id(), d.file().indexId(), "the local directory refuses an http URL; the next index reads it");
            assertThrows(HashMismatchException.class,
                    () -> union.direct(FOO, URI.create(server.uri("/f/" + WHEEL) + "#sha256=" + "1".repeat(64))));
        }
    }
}
