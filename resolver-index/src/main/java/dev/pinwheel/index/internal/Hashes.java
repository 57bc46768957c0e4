package dev.pinwheel.index.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Hash algorithms named as on simple pages ({@code sha256}, ...), mapped to the JDK's. Stateless. */
public final class Hashes {
    private static final Map<String, String> JDK_NAMES = Map.of(
            "md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224", "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");
    /** Strongest first. */
    private static final String[] PREFERENCE = {"sha512", "sha384", "sha256", "sha224", "sha1", "md5"};

    private Hashes() {
    }

    /** A mismatch: which algorithm, what the index said, what the content has. */
    public record Mismatch(String algorithm, String expected, String actual) {
    }

    /** The strongest algorithm among {@code hashes} that the JDK can compute. */
    public static Optional<String> strongest(Map<String, String> hashes) {
        for (String a : PREFERENCE) {
            if (hashes.containsKey(a)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Hex digest of bytes. */
    public static String digest(String algorithm, byte[] data) {
        MessageDigest md = md(algorithm);
        return HexFormat.of().formatHex(md.digest(data));
    }

    /** Hex digest of a file. */
    public static String digest(String algorithm, Path file) throws IOException {
        MessageDigest md = md(algorithm);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Checks {@code data} against the strongest known hash in {@code expected}; empty when it matches or none is known. */
    public static Optional<Mismatch> check(Map<String, String> expected, byte[] data) {
        Optional<String> algo = strongest(expected);
        if (algo.isEmpty()) {
            return Optional.empty();
        }
        String want = expected.get(algo.get()).toLowerCase(Locale.ROOT);
        String got = digest(algo.get(), data);
        return want.equals(got) ? Optional.empty() : Optional.of(new Mismatch(algo.get(), want, got));
    }

    /** As {@link #check(Map, byte[])} for the whole content of a source (a local or downloaded file). */
    public static Optional<Mismatch> check(Map<String, String> expected, FileByteSource src) throws IOException {
        Optional<String> algo = strongest(expected);
        if (algo.isEmpty()) {
            return Optional.empty();
        }
        String want = expected.get(algo.get()).toLowerCase(Locale.ROOT);
        String got = algo.get().equals("sha256") ? src.sha256().orElseThrow(() -> new IOException("Cannot hash `" + src.path() + "`"))
                : digest(algo.get(), src.path());
        return want.equals(got) ? Optional.empty() : Optional.of(new Mismatch(algo.get(), want, got));
    }

    private static MessageDigest md(String algorithm) {
        String jdk = JDK_NAMES.get(algorithm.toLowerCase(Locale.ROOT));
        if (jdk == null) {
            throw new IllegalArgumentException("Unsupported hash algorithm: " + algorithm);
        }
        try {
            return MessageDigest.getInstance(jdk);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jdk + " is required by the Java platform", e);
        }
    }
}
