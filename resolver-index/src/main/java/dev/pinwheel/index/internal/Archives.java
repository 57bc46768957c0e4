package dev.pinwheel.index.internal;

import dev.pinwheel.name.PackageName;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Finds core metadata inside distribution archives: {@code {name}-{version}.dist-info/METADATA} in a wheel,
 * and the top-level {@code PKG-INFO} of an sdist ({@code .tar.gz} or {@code .zip}). Nothing is extracted to
 * disk and nothing is executed. Stateless and thread-safe.
 */
public final class Archives {
    private Archives() {
    }

    /**
     * The {@code METADATA} of a wheel: the single {@code *.dist-info/METADATA} at the top level whose directory
     * names the project (compared normalized, since build tools spell it differently).
     */
    public static byte[] wheelMetadata(ByteSource src, PackageName project, long maxSize, String what) throws IOException {
        List<ZipReader.Entry> found = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (ZipReader.Entry e : ZipReader.entries(src, what)) {
            String n = e.name();
            int slash = n.indexOf('/');
            if (slash < 0 || !n.substring(slash + 1).equals("METADATA")) {
                continue;
            }
            String dir = n.substring(0, slash);
            if (!dir.toLowerCase(Locale.ROOT).endsWith(".dist-info")) {
                continue;
            }
            String stem = dir.substring(0, dir.length() - ".dist-info".length());
            int dash = stem.lastIndexOf('-');
            String name = dash < 0 ? stem : stem.substring(0, dash);
            if (PackageName.normalize(name).equals(project.normalized())) {
                found.add(e);
            } else {
                others.add(dir);
            }
        }
        if (found.size() != 1) {
            throw new ZipReader.ZipFormatException(found.isEmpty()
                    ? "`" + what + "` has no `" + project.normalized() + "-<version>.dist-info/METADATA`" + (others.isEmpty() ? "" : " (found `" + String.join("`, `", others) + "`)")
                    : "`" + what + "` has " + found.size() + " `.dist-info/METADATA` entries for `" + project.normalized() + "`");
        }
        return ZipReader.read(src, found.get(0), maxSize, what);
    }

    /** The top-level {@code PKG-INFO} of a zip sdist ({@code {name}-{version}/PKG-INFO}). */
    public static byte[] zipSdistPkgInfo(ByteSource src, long maxSize, String what) throws IOException {
        ZipReader.Entry found = null;
        for (ZipReader.Entry e : ZipReader.entries(src, what)) {
            if (isTopLevelPkgInfo(e.name())) {
                if (found != null) {
                    throw new ZipReader.ZipFormatException("`" + what + "` has more than one top-level `PKG-INFO`");
                }
                found = e;
            }
        }
        if (found == null) {
            throw new ZipReader.ZipFormatException("`" + what + "` has no `<name>-<version>/PKG-INFO`");
        }
        return ZipReader.read(src, found, maxSize, what);
    }

    static boolean isTopLevelPkgInfo(String entryName) {
        String n = entryName.startsWith("./") ? entryName.substring(2) : entryName;
        int slash = n.indexOf('/');
        return slash > 0 && n.substring(slash + 1).equals("PKG-INFO") && !n.substring(0, slash).equals("..");
    }

    /**
     * The top-level {@code PKG-INFO} of a {@code .tar.gz} sdist, read as a stream (ustar, pax {@code path} and
     * GNU long names understood).
     */
    public static byte[] tarGzPkgInfo(InputStream in, long maxSize, String what) throws IOException {
        TarStream tar = new TarStream(new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16), what);
        for (TarStream.Header h = tar.next(); h != null; h = tar.next()) {
            if (h.regular && isTopLevelPkgInfo(h.name)) {
                if (h.size > maxSize) {
                    throw new IOException("`PKG-INFO` in `" + what + "` is " + h.size + " bytes, more than the limit of " + maxSize);
                }
                return tar.content(h);
            }
        }
        throw new IOException("`" + what + "` has no `<name>-<version>/PKG-INFO`");
    }

    /** A minimal tar reader: enough to find one file by name. */
    private static final class TarStream {
        static final class Header {
            final String name;
            final long size;
            final boolean regular;

            Header(String name, long size, boolean regular) {
                this.name = name;
                this.size = size;
                this.regular = regular;
            }
        }

        private final InputStream in;
        private final String what;
        private long pendingSkip;

        TarStream(InputStream in, String what) {
            this.in = in;
            this.what = what;
        }

        Header next() throws IOException {
            skip(pendingSkip);
            pendingSkip = 0;
            String longName = null;
            while (true) {
                byte[] block = new byte[512];
                if (!readBlock(block)) {
                    return null;
                }
                if (isZero(block)) {
                    return null;
                }
                String name = cString(block, 0, 100);
                long size = octal(block, 124, 12);
                byte type = block[156];
                String magic = cString(block, 257, 6);
                if (magic.startsWith("ustar")) {
                    String prefix = cString(block, 345, 155);
                    if (!prefix.isEmpty()) {
                        name = prefix + "/" + name;
                    }
                }
                long padded = (size + 511) / 512 * 512;
                if (type == 'L' || type == 'x') {
                    if (size > 1 << 20) {
                        throw new IOException("`" + what + "` has an oversized tar extended header");
                    }
                    byte[] data = readFully((int) size);
                    skip(padded - size);
                    if (type == 'L') {
                        longName = cString(data, 0, data.length);
                    } else {
                        String path = paxPath(data);
                        if (path != null) {
                            longName = path;
                        }
                    }
                    continue;
                }
                if (type == 'g') {
                    skip(padded);
                    continue;
                }
                pendingSkip = padded;
                return new Header(longName != null ? longName : name, size, type == '0' || type == 0);
            }
        }

        byte[] content(Header h) throws IOException {
            byte[] data = readFully((int) h.size);
            pendingSkip -= h.size;
            return data;
        }

        private static String paxPath(byte[] data) {
            String s = new String(data, StandardCharsets.UTF_8);
            for (String rec : s.split("\n")) {
                int sp = rec.indexOf(' ');
                if (sp > 0 && rec.startsWith("path=", sp + 1)) {
                    return rec.substring(sp + 1 + 5);
                }
            }
            return null;
        }

        private boolean readBlock(byte[] block) throws IOException {
            int n = in.readNBytes(block, 0, 512);
            if (n == 0) {
                return false;
            }
            if (n < 512) {
                throw new EOFException("`" + what + "` is a truncated tar archive");
            }
            return true;
        }

        private byte[] readFully(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            if (b.length != n) {
                throw new EOFException("`" + what + "` is a truncated tar archive");
            }
            return b;
        }

        private void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long k = in.skip(left);
                if (k <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("`" + what + "` is a truncated tar archive");
                    }
                    k = 1;
                }
                left -= k;
            }
        }

        private static boolean isZero(byte[] b) {
            for (byte x : b) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }

        private static String cString(byte[] b, int off, int len) {
            int end = off;
            while (end < off + len && end < b.length && b[end] != 0) {
                end++;
            }
            return new String(b, off, end - off, StandardCharsets.UTF_8);
        }

        private long octal(byte[] b, int off, int len) throws IOException {
            if ((b[off] & 0x80) != 0) {
                long v = 0;
                for (int i = off + 1; i < off + len; i++) {
                    v = v << 8 | (b[i] & 0xff);
                }
                return v;
            }
            String s = cString(b, off, len).strip();
            if (s.isEmpty()) {
                return 0;
            }
            try {
                return Long.parseLong(s, 8);
            } catch (NumberFormatException e) {
                throw new IOException("`" + what + "` has a tar header with a malformed size `" + s + "`", e);
            }
        }
    }
}
