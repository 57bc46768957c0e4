package dev.pinwheel.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinwheel.index.testing.TestArchives;
import dev.pinwheel.index.testing.TestServer;
import dev.pinwheel.name.PackageName;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipReaderTest {
    private static final String META = TestArchives.metadata("2.1", "Foo.Bar", "1.0", "Requires-Dist: requests>=2");

    @TempDir
    Path tmp;

    /** A ByteSource over an array, counting nothing: the shape of a local file. */
    static ByteSource bytes(byte[] data) {
        return new ByteSource() {
            @Override
            public long size() {
                return data.length;
            }

            @Override
            public byte[] read(long offset, int length) throws IOException {
                if (offset < 0 || offset + length > data.length) {
                    throw new EOFException("outside");
                }
                return Arrays.copyOfRange(data, (int) offset, (int) offset + length);
            }

            @Override
            public Optional<String> sha256() {
                return Optional.of(TestArchives.sha256(data));
            }
        };
    }

    private static String wheelMeta(byte[] wheel) throws IOException {
        return new String(Archives.wheelMetadata(bytes(wheel), PackageName.parse("foo-bar"), 1 << 20, "foo_bar-1.0-py3-none-any.whl"), StandardCharsets.UTF_8);
    }

    @Test
    void readsMetadataStoredAndDeflated() throws Exception {
        assertEquals(META, wheelMeta(TestArchives.wheel("foo_bar-1.0", META, true, 0)));
        assertEquals(META, wheelMeta(TestArchives.wheel("Foo.Bar-1.0", META, false, 0)));
    }

    @Test
    void missingDistInfoNamesWhatWasFound() {
        byte[] wheel = TestArchives.wheel("other-1.0", META, true, 0);
        IOException e = assertThrows(IOException.class, () -> wheelMeta(wheel));
        assertEquals("`foo_bar-1.0-py3-none-any.whl` has no `foo-bar-<version>.dist-info/METADATA` (found `other-1.0.dist-info`)", e.getMessage());
    }

    @Test
    void notAZip() {
        IOException e = assertThrows(IOException.class, () -> wheelMeta("this is not a zip archive at all, no".getBytes(StandardCharsets.UTF_8)));
        assertEquals("`foo_bar-1.0-py3-none-any.whl` is not a zip archive: no end of central directory record", e.getMessage());
    }

    private static int eocd(byte[] zip) {
        for (int i = zip.length - 22; i >= 0; i--) {
            if (ZipReader.le32(zip, i) == 0x06054b50) {
                return i;
            }
        }
        throw new AssertionError("no EOCD");
    }

    private static void put32(byte[] b, int i, long v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >> 8);
        b[i + 2] = (byte) (v >> 16);
        b[i + 3] = (byte) (v >> 24);
    }

    /** The central-directory record of {@code name}. */
    private static int cen(byte[] zip, String name) {
        int cd = (int) ZipReader.le32u(zip, eocd(zip) + 16);
        for (int p = cd; ZipReader.le32(zip, p) == 0x02014b50; ) {
            int n = ZipReader.le16(zip, p + 28);
            if (new String(zip, p + 46, n, StandardCharsets.UTF_8).equals(name)) {
                return p;
            }
            p += 46 + n + ZipReader.le16(zip, p + 30) + ZipReader.le16(zip, p + 32);
        }
        throw new AssertionError("no entry " + name);
    }

    @Test
    void centralDirectoryOutsideTheFileIsAnError() {
        byte[] wheel = TestArchives.wheel("foo_bar-1.0", META, true, 0);
        put32(wheel, eocd(wheel) + 16, wheel.length);
        IOException e = assertThrows(IOException.class, () -> wheelMeta(wheel));
        assertTrue(e.getMessage().startsWith("`foo_bar-1.0-py3-none-any.whl` states a central directory ("), e.getMessage());
    }

    @Test
    void lyingSizesAreCaught() {
        byte[] wheel = TestArchives.wheel("foo_bar-1.0", META, true, 0);
        int p = cen(wheel, "foo_bar-1.0.dist-info/METADATA");
        put32(wheel, p + 24, ZipReader.le32u(wheel, p + 24) + 1);
        IOException e = assertThrows(IOException.class, () -> wheelMeta(wheel));
        assertEquals("`foo_bar-1.0.dist-info/METADATA` in `foo_bar-1.0-py3-none-any.whl` inflates to a different size than the "
                + (META.length() + 1) + " bytes its directory states", e.getMessage());

        byte[] smaller = TestArchives.wheel("foo_bar-1.0", META, true, 0);
        int q = cen(smaller, "foo_bar-1.0.dist-info/METADATA");
        put32(smaller, q + 24, ZipReader.le32u(smaller, q + 24) - 1);
        assertThrows(ZipReader.ZipFormatException.class, () -> wheelMeta(smaller));
    }

    @Test
    void lyingCrcIsCaught() {
        byte[] wheel = TestArchives.wheel("foo_bar-1.0", META, false, 0);
        int p = cen(wheel, "foo_bar-1.0.dist-info/METADATA");
        put32(wheel, p + 16, ZipReader.le32u(wheel, p + 16) ^ 1);
        IOException e = assertThrows(IOException.class, () -> wheelMeta(wheel));
        assertEquals("`foo_bar-1.0.dist-info/METADATA` in `foo_bar-1.0-py3-none-any.whl` fails its CRC-32 check", e.getMessage());
    }

    @Test
    void lyingLocalOffsetIsCaught() {
        byte[] wheel = TestArchives.wheel("foo_bar-1.0", META, true, 0);
        int p = cen(wheel, "foo_bar-1.0.dist-info/METADATA");
        put32(wheel, p + 42, 0);
        IOException e = assertThrows(IOException.class, () -> wheelMeta(wheel));
        assertEquals("`foo_bar-1.0-py3-none-any.whl`: the local header at 0 does not name `foo_bar-1.0.dist-info/METADATA`", e.getMessage());
    }

    @Test
    void oversizedMetadataIsRefused() {
        String big = META + "Description: " + "x".repeat(2 << 20) + "\n";
        byte[] wheel = TestArchives.wheel("foo_bar-1.0", big, true, 0);
        IOException e = assertThrows(IOException.class, () -> wheelMeta(wheel));
        assertEquals("`foo_bar-1.0.dist-info/METADATA` in `foo_bar-1.0-py3-none-any.whl` is " + big.length()
                + " bytes, more than the limit of 1048576", e.getMessage());
    }

    @Test
    void readsZip64Archives() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 70_000; i++) {
            files.put("foo_bar/f" + i, new byte[0]);
        }
        files.put("foo_bar-1.0.dist-info/METADATA", META.getBytes(StandardCharsets.UTF_8));
        byte[] zip = TestArchives.zip(files, false);
        int e = eocd(zip);
        assertEquals(0x07064b50, ZipReader.le32(zip, e - 20), "the test archive is zip64");
        assertEquals(70_001, ZipReader.entries(bytes(zip), "big.whl").size());
        assertEquals(META, wheelMeta(zip));
    }

    @Test
    void remoteWheel_metadataInOneRequestWhenItIsInTheTail() throws Exception {
        byte[] wheel = TestArchives.wheel("foo_bar-1.0", META, true, 500_000);
        try (TestServer server = TestServer.start()) {
            server.serve("/foo_bar-1.0-py3-none-any.whl", "application/octet-stream", wheel);
            Fetcher f = new Fetcher(HttpSettings.defaults().withRetryDelay(Duration.ofMillis(5)));
            try (ByteSource src = f.open(server.uri("/foo_bar-1.0-py3-none-any.whl"), true, 64 * 1024, tmp)) {
                String m = new String(Archives.wheelMetadata(src, PackageName.parse("foo-bar"), 1 << 20, "w"), StandardCharsets.UTF_8);
                assertEquals(META, m);
                assertEquals(1, src.requests());
            }
            // with a tail too short for the central directory, ranges fetch what is missing
            server.clearRequests();
            try (ByteSource src = f.open(server.uri("/foo_bar-1.0-py3-none-any.whl"), true, 100, tmp)) {
                assertEquals(META, new String(Archives.wheelMetadata(src, PackageName.parse("foo-bar"), 1 << 20, "w"), StandardCharsets.UTF_8));
                assertTrue(src.requests() >= 2 && src.requests() <= 4, "requests: " + src.requests());
                int transferred = server.requests().size();
                assertEquals(src.requests(), transferred);
            }
        }
    }

    @Test
    void sdist_tarGzTopLevelPkgInfoOnly() throws Exception {
        String pkgInfo = TestArchives.metadata("2.2", "foo", "1.0", "Requires-Dist: six");
        byte[] sdist = TestArchives.sdistTarGz("foo-1.0", pkgInfo, true);
        assertEquals(pkgInfo, new String(Archives.tarGzPkgInfo(new ByteArrayInputStream(sdist), 1 << 20, "foo-1.0.tar.gz"), StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> Archives.tarGzPkgInfo(new ByteArrayInputStream(sdist), 10, "foo-1.0.tar.gz"));
        assertEquals("`PKG-INFO` in `foo-1.0.tar.gz` is " + pkgInfo.length() + " bytes, more than the limit of 10", e.getMessage());
        IOException trunc = assertThrows(IOException.class, () -> Archives.tarGzPkgInfo(new ByteArrayInputStream(Arrays.copyOf(sdist, sdist.length / 2)), 1 << 20, "foo-1.0.tar.gz"));
        assertTrue(trunc instanceof EOFException || trunc.getMessage().contains("truncated") || trunc.getMessage().contains("Unexpected end"), trunc.toString());
    }

    @Test
    void sdist_zip() throws Exception {
        String pkgInfo = TestArchives.metadata("2.2", "foo", "1.0");
        Path file = tmp.resolve("foo-1.0.zip");
        Files.write(file, TestArchives.sdistZip("foo-1.0", pkgInfo));
        try (ByteSource src = FileByteSource.open(file)) {
            assertEquals(pkgInfo, new String(Archives.zipSdistPkgInfo(src, 1 << 20, "foo-1.0.zip"), StandardCharsets.UTF_8));
            assertEquals(TestArchives.sha256(Files.readAllBytes(file)), src.sha256().orElseThrow());
        }
    }
}
