package dev.pinwheel.index.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The on-disk cache shared between runs and processes.
 *
 * <p>Two areas: {@code http-v1/} holds pages with their validators ({@code ETag}, {@code Last-Modified}) and
 * freshness ({@code Cache-Control: max-age}); {@code blob-v1/} holds immutable content addressed by a key that
 * includes its hash (metadata files, metadata read from a wheel), kept for good.
 *
 * <p>Every write goes to a temporary file in the target directory and is then moved into place atomically,
 * so a reader in this or another process sees either the old entry or the new one, never a torn one. A
 * corrupt or unreadable entry is treated as a miss. Thread-safe; holds no state beyond the root path.
 */
public final class DiskCache {
    private static final System.Logger LOG = System.getLogger(DiskCache.class.getName());
    private static final String MAGIC = "pinwheel-http-cache 1";

    private final Path root;

    public DiskCache(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    /** A cached page: validators, freshness, the final URI and the body. */
    public static final class Entry {
        private final URI finalUri;
        private final Map<String, String> headers;
        private final long storedAtMillis;
        private final long maxAgeSeconds;
        private final byte[] body;

        /**
         * @param headers        {@code content-type}, {@code etag}, {@code last-modified} when present
         * @param maxAgeSeconds  how long the entry is fresh after {@code storedAtMillis}; 0 means revalidate each time
         */
        public Entry(URI finalUri, Map<String, String> headers, long storedAtMillis, long maxAgeSeconds, byte[] body) {
            this.finalUri = finalUri;
            this.headers = Map.copyOf(headers);
            this.storedAtMillis = storedAtMillis;
            this.maxAgeSeconds = maxAgeSeconds;
            this.body = body;
        }

        public URI finalUri() {
            return finalUri;
        }

        public Map<String, String> headers() {
            return headers;
        }

        public long storedAtMillis() {
            return storedAtMillis;
        }

        public long maxAgeSeconds() {
            return maxAgeSeconds;
        }

        public byte[] body() {
            return body;
        }

        public boolean isFresh(long nowMillis) {
            return maxAgeSeconds > 0 && nowMillis - storedAtMillis < maxAgeSeconds * 1000L;
        }

        /** This entry, revalidated now with new freshness. */
        public Entry refreshed(long nowMillis, long newMaxAge, Map<String, String> newValidators) {
            Map<String, String> h = new HashMap<>(headers);
            h.putAll(newValidators);
            return new Entry(finalUri, h, nowMillis, newMaxAge, body);
        }
    }

    /** The hex SHA-256 of the parts joined by newlines: a file name safe for any key. */
    public static String key(String... parts) {
        MessageDigest md = sha256();
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private Path httpPath(String key) {
        return root.resolve("http-v1").resolve(key.substring(0, 2)).resolve(key);
    }

    private Path blobPath(String namespace, String key) {
        return root.resolve("blob-v1").resolve(namespace).resolve(key.substring(0, 2)).resolve(key);
    }

    /** The cached page for {@code key}, or empty on a miss or a corrupt entry. */
    public Optional<Entry> readHttp(String key) {
        Path p = httpPath(key);
        byte[] all;
        try {
            all = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot read cache entry " + p + ": " + e);
            return Optional.empty();
        }
        return decode(all, p);
    }

    private static Optional<Entry> decode(byte[] all, Path p) {
        int end = -1;
        for (int i = 0; i + 1 < all.length; i++) {
            if (all[i] == '\n' && all[i + 1] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            LOG.log(System.Logger.Level.DEBUG, "Corrupt cache entry " + p);
            return Optional.empty();
        }
        String[] lines = new String(all, 0, end, StandardCharsets.UTF_8).split("\n");
        if (!MAGIC.equals(lines[0])) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fields.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
            }
        }
        try {
            URI finalUri = URI.create(fields.remove("x-final-uri"));
            long stored = Long.parseLong(fields.remove("x-stored-at"));
            long maxAge = Long.parseLong(fields.remove("x-max-age"));
            long length = Long.parseLong(fields.remove("x-length"));
            byte[] body = java.util.Arrays.copyOfRange(all, end + 2, all.length);
            if (body.length != length) {
                LOG.log(System.Logger.Level.DEBUG, "Truncated cache entry " + p);
                return Optional.empty();
            }
            return Optional.of(new Entry(finalUri, fields, stored, maxAge, body));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Corrupt cache entry " + p + ": " + e);
            return Optional.empty();
        }
    }

    /** Stores a page atomically, replacing any previous entry. */
    public void writeHttp(String key, Entry entry) throws IOException {
        StringBuilder head = new StringBuilder(MAGIC).append('\n');
        head.append("x-final-uri: ").append(Uris.withoutUserInfo(entry.finalUri())).append('\n');
        head.append("x-stored-at: ").append(entry.storedAtMillis()).append('\n');
        head.append("x-max-age: ").append(entry.maxAgeSeconds()).append('\n');
        head.append("x-length: ").append(entry.body().length).append('\n');
        for (Map.Entry<String, String> h : entry.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-")) {
                continue;
            }
            head.append(name).append(": ").append(h.getValue().replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        head.append('\n');
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + entry.body().length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(entry.body(), 0, all, h.length, entry.body().length);
        writeAtomically(httpPath(key), all);
    }

    /** Immutable content by namespace and key, or empty on a miss. */
    public Optional<byte[]> readBlob(String namespace, String key) {
        Path p = blobPath(namespace, key);
        try {
            return Optional.of(Files.readAllBytes(p));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot read cache entry " + p + ": " + e);
            return Optional.empty();
        }
    }

    /** Stores immutable content atomically. The caller has verified it (by hash) before. */
    public void writeBlob(String namespace, String key, byte[] content) throws IOException {
        writeAtomically(blobPath(namespace, key), content);
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
