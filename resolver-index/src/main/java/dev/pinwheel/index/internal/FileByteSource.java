package dev.pinwheel.index.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/** A {@link ByteSource} over a file on disk, optionally deleted on close (a downloaded temporary file). */
public final class FileByteSource implements ByteSource {
    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final boolean deleteOnClose;
    private String sha256;

    private FileByteSource(Path path, String sha256, boolean deleteOnClose) throws IOException {
        this.path = Objects.requireNonNull(path, "path");
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
        this.sha256 = sha256;
        this.deleteOnClose = deleteOnClose;
    }

    /** Opens a local file; its hash is computed on first request. */
    public static FileByteSource open(Path path) throws IOException {
        return new FileByteSource(path, null, false);
    }

    /** Wraps a downloaded temporary file whose hash is known; the file is deleted on close. */
    public static FileByteSource temporary(Path path, String sha256) throws IOException {
        return new FileByteSource(path, sha256, true);
    }

    public Path path() {
        return path;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new EOFException("Range " + offset + "+" + length + " is outside `" + path.getFileName() + "` (" + size + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            int n = channel.read(buf, offset + buf.position());
            if (n < 0) {
                throw new EOFException("Unexpected end of `" + path.getFileName() + "`");
            }
        }
        return buf.array();
    }

    @Override
    public Optional<String> sha256() {
        if (sha256 == null) {
            try {
                sha256 = hashFile(path);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(sha256);
    }

    /** The hex SHA-256 of a file. */
    public static String hashFile(Path path) throws IOException {
        MessageDigest md = DiskCache.sha256();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (deleteOnClose) {
                Files.deleteIfExists(path);
            }
        }
    }
}
