package dev.pinwheel.index.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a zip archive through a {@link ByteSource}, touching only the end of central directory (with zip64),
 * the central directory and the entries asked for: over HTTP ranges, a wheel's {@code METADATA} costs one to
 * three small requests instead of the whole file.
 *
 * <p>Every number the archive states is checked against the others (offsets inside the file, the central
 * directory before its end record, local headers matching, sizes and CRC-32 of what is inflated), so an
 * archive that lies gives a {@link ZipFormatException}, never wrong content. Stateless and thread-safe.
 */
public final class ZipReader {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int LOC_SIG = 0x04034b50;
    private static final int EOCD_LEN = 22;
    private static final int MAX_COMMENT = 0xffff;
    private static final int MAX_CENTRAL_DIRECTORY = 64 << 20;

    private ZipReader() {
    }

    /** Thrown when the archive is not a zip or contradicts itself. */
    public static final class ZipFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        public ZipFormatException(String message) {
            super(message);
        }

        public ZipFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * One central-directory entry.
     *
     * @param name             the entry name
     * @param method           0 stored, 8 deflated
     * @param flags            general purpose flags
     * @param crc              CRC-32 of the content
     * @param compressedSize   bytes stored
     * @param size             bytes after inflating
     * @param localHeaderOffset where the local header starts
     */
    public record Entry(String name, int method, int flags, long crc, long compressedSize, long size, long localHeaderOffset) {
        public Entry {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Reads the central directory. */
    public static List<Entry> entries(ByteSource src, String what) throws IOException {
        long size = src.size();
        if (size < EOCD_LEN) {
            throw new ZipFormatException("`" + what + "` is not a zip archive: only " + size + " bytes");
        }
        // Most archives have no comment: look in the last KiB first (free when the source already holds the
        // tail), and only then in the largest region a comment allows.
        int tailLen = (int) Math.min(size, 1024);
        long tailStart = size - tailLen;
        byte[] tail = src.read(tailStart, tailLen);
        int eocd = findEocd(tail);
        if (eocd < 0 && tailLen < Math.min(size, EOCD_LEN + MAX_COMMENT)) {
            tailLen = (int) Math.min(size, EOCD_LEN + MAX_COMMENT);
            tailStart = size - tailLen;
            tail = src.read(tailStart, tailLen);
            eocd = findEocd(tail);
        }
        if (eocd < 0) {
            throw new ZipFormatException("`" + what + "` is not a zip archive: no end of central directory record");
        }
        long eocdOffset = tailStart + eocd;
        long count = le16(tail, eocd + 10);
        long cdSize = le32u(tail, eocd + 12);
        long cdOffset = le32u(tail, eocd + 16);
        long cdEndLimit = eocdOffset;
        if (eocd >= 20 && le32(tail, eocd - 20) == ZIP64_LOCATOR_SIG) {
            long z64Offset = le64(tail, eocd - 20 + 8);
            if (z64Offset < 0 || z64Offset + 56 > eocdOffset - 20) {
                throw new ZipFormatException("`" + what + "` has a zip64 locator pointing outside the archive");
            }
            byte[] z = src.read(z64Offset, 56);
            if (le32(z, 0) != ZIP64_EOCD_SIG) {
                throw new ZipFormatException("`" + what + "` has no zip64 end of central directory record where its locator points");
            }
            count = le64(z, 32);
            cdSize = le64(z, 40);
            cdOffset = le64(z, 48);
            cdEndLimit = z64Offset;
        } else if (count == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
            throw new ZipFormatException("`" + what + "` needs zip64 records but has none");
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > cdEndLimit || count < 0 || count > cdSize / 46 + 1) {
            throw new ZipFormatException("`" + what + "` states a central directory (" + count + " entries, " + cdSize + " bytes at "
                    + cdOffset + ") that does not fit before its end record at " + cdEndLimit);
        }
        if (cdSize > MAX_CENTRAL_DIRECTORY) {
            throw new ZipFormatException("`" + what + "` has a central directory of " + cdSize + " bytes, more than the limit of " + MAX_CENTRAL_DIRECTORY);
        }
        byte[] cd = src.read(cdOffset, (int) cdSize);
        List<Entry> entries = new ArrayList<>((int) Math.min(count, 100_000));
        int p = 0;
        for (long i = 0; i < count; i++) {
            if (p + 46 > cd.length || le32(cd, p) != CEN_SIG) {
                throw new ZipFormatException("`" + what + "` has a broken central directory at entry " + i + " of " + count);
            }
            int flags = le16(cd, p + 8);
            int method = le16(cd, p + 10);
            long crc = le32u(cd, p + 16);
            long comp = le32u(cd, p + 20);
            long uncomp = le32u(cd, p + 24);
            int nameLen = le16(cd, p + 28);
            int extraLen = le16(cd, p + 30);
            int commentLen = le16(cd, p + 32);
            long local = le32u(cd, p + 42);
            if (p + 46 + nameLen + extraLen + commentLen > cd.length) {
                throw new ZipFormatException("`" + what + "` has a central directory entry " + i + " that runs past the directory");
            }
            String name = new String(cd, p + 46, nameLen, StandardCharsets.UTF_8);
            int e = p + 46 + nameLen;
            int eEnd = e + extraLen;
            while (e + 4 <= eEnd) {
                int id = le16(cd, e);
                int len = le16(cd, e + 2);
                if (id == 0x0001) {
                    int q = e + 4;
                    int qEnd = Math.min(e + 4 + len, eEnd);
                    if (uncomp == 0xffffffffL && q + 8 <= qEnd) {
                        uncomp = le64(cd, q);
                        q += 8;
                    }
                    if (comp == 0xffffffffL && q + 8 <= qEnd) {
                        comp = le64(cd, q);
                        q += 8;
                    }
                    if (local == 0xffffffffL && q + 8 <= qEnd) {
                        local = le64(cd, q);
                    }
                }
                e += 4 + len;
            }
            if (local < 0 || comp < 0 || uncomp < 0 || local + 30 + comp > cdOffset) {
                throw new ZipFormatException("`" + what + "` states that `" + name + "` (" + comp + " bytes at " + local
                        + ") lies outside the data before the central directory");
            }
            entries.add(new Entry(name, method, flags, crc, comp, uncomp, local));
            p += 46 + nameLen + extraLen + commentLen;
        }
        return entries;
    }

    private static int findEocd(byte[] tail) {
        for (int i = tail.length - EOCD_LEN; i >= 0; i--) {
            if (le32(tail, i) == EOCD_SIG && i + EOCD_LEN + le16(tail, i + 20) <= tail.length) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The content of one entry, inflated and checked against its size and CRC-32.
     *
     * @param maxSize the largest content accepted
     */
    public static byte[] read(ByteSource src, Entry entry, long maxSize, String what) throws IOException {
        if (entry.size() > maxSize) {
            throw new ZipFormatException("`" + entry.name() + "` in `" + what + "` is " + entry.size() + " bytes, more than the limit of " + maxSize);
        }
        if (entry.size() > Integer.MAX_VALUE - 8 || entry.compressedSize() > Integer.MAX_VALUE - 8) {
            throw new ZipFormatException("`" + entry.name() + "` in `" + what + "` is too large to read into memory (" + entry.size() + " bytes)");
        }
        if ((entry.flags() & 1) != 0) {
            throw new ZipFormatException("`" + entry.name() + "` in `" + what + "` is encrypted");
        }
        if (entry.method() != 0 && entry.method() != 8) {
            throw new ZipFormatException("`" + entry.name() + "` in `" + what + "` uses compression method " + entry.method() + "; only stored (0) and deflated (8) are read");
        }
        byte[] nameBytes = entry.name().getBytes(StandardCharsets.UTF_8);
        // Read the local header and, speculatively, the data after a short extra field, in one go.
        int guess = (int) Math.min(30 + nameBytes.length + 64 + entry.compressedSize(), src.size() - entry.localHeaderOffset());
        byte[] chunk = src.read(entry.localHeaderOffset(), Math.max(30, Math.min(guess, Integer.MAX_VALUE - 8)));
        if (le32(chunk, 0) != LOC_SIG) {
            throw new ZipFormatException("`" + what + "` has no local header for `" + entry.name() + "` at " + entry.localHeaderOffset());
        }
        int nameLen = le16(chunk, 26);
        int extraLen = le16(chunk, 28);
        if (nameLen != nameBytes.length || 30 + nameLen > chunk.length
                || !java.util.Arrays.equals(chunk, 30, 30 + nameLen, nameBytes, 0, nameBytes.length)) {
            throw new ZipFormatException("`" + what + "`: the local header at " + entry.localHeaderOffset() + " does not name `" + entry.name() + "`");
        }
        long dataStart = 30L + nameLen + extraLen;
        byte[] data;
        if (dataStart + entry.compressedSize() <= chunk.length) {
            data = java.util.Arrays.copyOfRange(chunk, (int) dataStart, (int) (dataStart + entry.compressedSize()));
        } else {
            if (entry.compressedSize() > Integer.MAX_VALUE - 8) {
                throw new ZipFormatException("`" + entry.name() + "` in `" + what + "` is too large");
            }
            data = src.read(entry.localHeaderOffset() + dataStart, (int) entry.compressedSize());
        }
        byte[] out;
        if (entry.method() == 0) {
            if (entry.compressedSize() != entry.size()) {
                throw new ZipFormatException("`" + entry.name() + "` in `" + what + "` is stored but states different sizes");
            }
            out = data;
        } else {
            out = inflate(data, entry, what);
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != entry.crc()) {
            throw new ZipFormatException("`" + entry.name() + "` in `" + what + "` fails its CRC-32 check");
        }
        return out;
    }

    private static byte[] inflate(byte[] data, Entry entry, String what) throws ZipFormatException {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(data);
            // Grow the output as it comes instead of trusting the stated size for an allocation: a lying
            // directory must not make us reserve gigabytes. One byte past the stated size proves a lie.
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(entry.size(), 1 << 16));
            byte[] buf = new byte[1 << 14];
            long want = entry.size() + 1;
            while (out.size() < want && !inf.finished()) {
                int k = inf.inflate(buf, 0, (int) Math.min(buf.length, want - out.size()));
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, k);
            }
            if (out.size() != entry.size() || !inf.finished()) {
                throw new ZipFormatException("`" + entry.name() + "` in `" + what + "` inflates to a different size than the "
                        + entry.size() + " bytes its directory states");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ZipFormatException("`" + entry.name() + "` in `" + what + "` is not valid deflate data: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    static int le32(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    static long le32u(byte[] b, int i) {
        return le32(b, i) & 0xffffffffL;
    }

    static long le64(byte[] b, int i) {
        return le32u(b, i) | le32u(b, i + 4) << 32;
    }
}
