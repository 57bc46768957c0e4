package dev.pinwheel.index.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds real wheels and sdists in memory for tests. */
public final class TestArchives {
    private TestArchives() {
    }

    /** Core metadata text: {@code Metadata-Version}, {@code Name}, {@code Version}, then extra header lines. */
    public static String metadata(String metadataVersion, String name, String version, String... lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("Metadata-Version: ").append(metadataVersion).append('\n');
        sb.append("Name: ").append(name).append('\n');
        sb.append("Version: ").append(version).append('\n');
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        sb.append('\n');
        return sb.toString();
    }

    /**
     * A wheel: the package module, then {@code {stem}.dist-info/METADATA}, {@code WHEEL}, {@code RECORD}.
     *
     * @param stem    e.g. {@code foo_bar-1.0}
     * @param padding bytes of incompressible filler in a module before the dist-info (to push METADATA away from the tail)
     */
    public static byte[] wheel(String stem, String metadata, boolean deflate, int padding) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String pkg = stem.substring(0, stem.indexOf('-'));
        files.put(pkg + "/__init__.py", "VALUE = 1\n".getBytes(StandardCharsets.UTF_8));
        if (padding > 0) {
            byte[] filler = new byte[padding];
            new java.util.Random(42).nextBytes(filler);
            files.put(pkg + "/data.bin", filler);
        }
        files.put(stem + ".dist-info/METADATA", metadata.getBytes(StandardCharsets.UTF_8));
        files.put(stem + ".dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: pinwheel-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n".getBytes(StandardCharsets.UTF_8));
        files.put(stem + ".dist-info/RECORD", "".getBytes(StandardCharsets.UTF_8));
        return zip(files, deflate);
    }

    /** A zip of the given entries, in order, stored or deflated. */
    public static byte[] zip(Map<String, byte[]> files, boolean deflate) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                if (!deflate) {
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(f.getValue().length);
                    e.setCompressedSize(f.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(f.getValue());
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A {@code .tar.gz} sdist with {@code {root}/PKG-INFO}, {@code {root}/setup.py} and, if {@code longPath}, a pax long name. */
    public static byte[] sdistTarGz(String root, String pkgInfo, boolean longPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            tarEntry(gz, root + "/setup.py", "raise SystemExit('never run me')\n".getBytes(StandardCharsets.UTF_8), '0');
            if (longPath) {
                String longName = root + "/" + "deep/".repeat(30) + "file.txt";
                byte[] rec = paxRecord("path", longName);
                tarEntry(gz, "PaxHeader/x", rec, 'x');
                tarEntry(gz, "truncated-name", "long".getBytes(StandardCharsets.UTF_8), '0');
            }
            tarEntry(gz, root + "/src/" + "pkg.egg-info/PKG-INFO", "Metadata-Version: 1.0\nName: wrong\nVersion: 0\n".getBytes(StandardCharsets.UTF_8), '0');
            tarEntry(gz, root + "/PKG-INFO", pkgInfo.getBytes(StandardCharsets.UTF_8), '0');
            gz.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip sdist with {@code {root}/PKG-INFO}. */
    public static byte[] sdistZip(String root, String pkgInfo) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(root + "/setup.py", "raise SystemExit('never run me')\n".getBytes(StandardCharsets.UTF_8));
        files.put(root + "/PKG-INFO", pkgInfo.getBytes(StandardCharsets.UTF_8));
        return zip(files, true);
    }

    private static byte[] paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int len = body.length() + 1;
        while (String.valueOf(len).length() + body.length() != len) {
            len = String.valueOf(len).length() + body.length();
        }
        return (len + body).getBytes(StandardCharsets.UTF_8);
    }

    private static void tarEntry(java.io.OutputStream out, String name, byte[] content, char type) throws IOException {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format(java.util.Locale.ROOT, "%011o", content.length));
        put(h, 136, String.format(java.util.Locale.ROOT, "%011o", 0));
        h[156] = (byte) type;
        put(h, 257, "ustar");
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format(java.util.Locale.ROOT, "%06o", sum));
        h[155] = ' ';
        out.write(h);
        out.write(content);
        int pad = (512 - content.length % 512) % 512;
        out.write(new byte[pad]);
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    /** Hex SHA-256. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
