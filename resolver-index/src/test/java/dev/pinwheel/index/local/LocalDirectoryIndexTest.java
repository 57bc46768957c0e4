package dev.pinwheel.index.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.HashMismatchException;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.IndexOptions;
import dev.pinwheel.index.MetadataUnavailableException;
import dev.pinwheel.index.PackageIndex;
import dev.pinwheel.index.PackageIndexes;
import dev.pinwheel.index.ProjectPage;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.index.simple.SimpleIndex;
import dev.pinwheel.index.testing.Pages;
import dev.pinwheel.index.testing.TestArchives;
import dev.pinwheel.name.PackageName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryIndexTest {
    @TempDir
    Path dir;

    private void write(String name, byte[] content) throws Exception {
        Files.write(dir.resolve(name), content);
    }

    @Test
    void listsWheelsAndSdistsOfTheProjectWithHashes() throws Exception {
        byte[] wheel = TestArchives.wheel("foo_bar-1.0", TestArchives.metadata("2.1", "foo-bar", "1.0", "Requires-Dist: six"), true, 0);
        write("foo_bar-1.0-py3-none-any.whl", wheel);
        write("foo-bar-1.1.tar.gz", TestArchives.sdistTarGz("foo-bar-1.1", TestArchives.metadata("2.2", "foo-bar", "1.1", "Requires-Dist: attrs"), false));
        write("foo_bar-0.1.tar.gz", TestArchives.sdistTarGz("foo_bar-0.1", TestArchives.metadata("1.2", "foo-bar", "0.1"), false));
        write("foo_bar-0.5.egg", new byte[] {1});
        write("foo_bar_baz-2.0-py3-none-any.whl", TestArchives.wheel("foo_bar_baz-2.0", TestArchives.metadata("2.1", "foo-bar-baz", "2.0"), true, 0));
        write("README.txt", new byte[] {1});
        Files.createDirectory(dir.resolve("foo_bar-9.0.tar.gz"));

        LocalDirectoryIndex index = LocalDirectoryIndex.open(dir);
        ProjectPage page = index.project(PackageName.parse("Foo.Bar")).orElseThrow();
        assertEquals(List.of("foo-bar-1.1.tar.gz", "foo_bar-0.1.tar.gz", "foo_bar-1.0-py3-none-any.whl"),
                page.files().stream().map(f -> f.filename().filename()).toList());
        assertEquals(1, page.skipped().size());
        assertTrue(page.skipped().get(0).startsWith("`foo_bar-0.5.egg`: "), page.skipped().get(0));
        DistributionFile w = page.files().get(2);
        assertEquals(TestArchives.sha256(wheel), w.sha256().orElseThrow());
        assertEquals(wheel.length, w.size().getAsLong());
        assertEquals(dir.resolve("foo_bar-1.0-py3-none-any.whl").toUri(), w.url());

        assertEquals("six", index.metadata(w).requiresDist().get(0).toString());
        assertEquals("attrs", index.metadata(page.files().get(0)).requiresDist().get(0).toString());
        assertInstanceOf(MetadataUnavailableException.class, assertThrows(IndexException.class, () -> index.metadata(page.files().get(1))));

        assertEquals(1, index.project(PackageName.parse("foo-bar-baz")).orElseThrow().files().size());
        assertTrue(index.project(PackageName.parse("foo")).isEmpty());
        assertTrue(index.project(PackageName.parse("readme")).isEmpty());
    }

    @Test
    void fileChangedAfterListingIsAHashMismatch() throws Exception {
        write("foo-1.0-py3-none-any.whl", TestArchives.wheel("foo-1.0", TestArchives.metadata("2.1", "foo", "1.0"), true, 0));
        LocalDirectoryIndex index = LocalDirectoryIndex.open(dir);
        DistributionFile f = index.project(PackageName.parse("foo")).orElseThrow().files().get(0);
        write("foo-1.0-py3-none-any.whl", TestArchives.wheel("foo-1.0", TestArchives.metadata("2.1", "foo", "1.0", "Requires-Dist: evil"), true, 0));
        HashMismatchException e = assertThrows(HashMismatchException.class, () -> index.metadata(f));
        assertEquals("foo-1.0-py3-none-any.whl", e.fileName());
    }

    @Test
    void refusesFilesOutsideTheDirectory() throws Exception {
        Path outside = dir.resolveSibling(dir.getFileName() + "-outside");
        Files.createDirectories(outside);
        Files.write(outside.resolve("foo-1.0-py3-none-any.whl"), TestArchives.wheel("foo-1.0", TestArchives.metadata("2.1", "foo", "1.0"), true, 0));
        write("foo-1.0-py3-none-any.whl", TestArchives.wheel("foo-1.0", TestArchives.metadata("2.1", "foo", "1.0"), true, 0));
        LocalDirectoryIndex index = LocalDirectoryIndex.open(dir);
        DistributionFile f = index.project(PackageName.parse("foo")).orElseThrow().files().get(0);
        DistributionFile escaped = DistributionFile.builder(f.filename(), dir.resolve("../" + outside.getFileName() + "/foo-1.0-py3-none-any.whl").toUri(), index.id()).build();
        UnusableFileException e = assertThrows(UnusableFileException.class, () -> index.metadata(escaped));
        assertEquals("`foo-1.0-py3-none-any.whl`: not a file in `" + dir.toAbsolutePath().normalize() + "` (index `" + index.id() + "`, `" + escaped.url() + "`)", e.getMessage());
    }

    @Test
    void notADirectory() {
        IndexException e = assertThrows(IndexException.class, () -> LocalDirectoryIndex.open(dir.resolve("missing")));
        assertTrue(e.getMessage().startsWith("`" + dir.resolve("missing") + "` is not a directory"), e.getMessage());
    }

    @Test
    void providersChooseByTheDirectoryLayout() throws Exception {
        write("foo-1.0-py3-none-any.whl", TestArchives.wheel("foo-1.0", TestArchives.metadata("2.1", "foo", "1.0"), true, 0));
        ClassLoader loader = getClass().getClassLoader();
        try (PackageIndex flat = PackageIndexes.load(dir.toUri(), IndexOptions.defaults(), loader)) {
            assertInstanceOf(LocalDirectoryIndex.class, flat);
        }
        Path simple = dir.resolve("simple");
        Files.createDirectories(simple);
        Files.writeString(simple.resolve("index.html"), Pages.html(List.of()));
        try (PackageIndex index = PackageIndexes.load(simple.toUri(), IndexOptions.defaults(), loader)) {
            assertInstanceOf(SimpleIndex.class, index);
        }
        try (PackageIndex index = PackageIndexes.load(java.net.URI.create("https://pypi.org/simple/"), IndexOptions.defaults(), loader)) {
            assertInstanceOf(SimpleIndex.class, index);
            assertEquals("https://pypi.org/simple/", index.id());
        }
    }
}
