package dev.pinwheel.name;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of a Python project, as in the PyPA
 * <a href="https://packaging.python.org/en/latest/specifications/name-normalization/">name normalization</a>
 * specification (PEP 503, PEP 508).
 *
 * <p>A valid name consists of ASCII letters, digits, {@code .}, {@code _} and {@code -}, and starts and ends
 * with a letter or digit. Two names are equal when their normalized forms are: runs of {@code -}, {@code _}
 * and {@code .} become a single {@code -}, and letters become lower case, so {@code Foo.Bar}, {@code foo_bar}
 * and {@code FOO--bar} all name the project {@code foo-bar}. The original spelling is kept for display.
 *
 * <pre>{@code
 * PackageName n = PackageName.parse("Zope.Interface");
 * n.normalized();   // "zope-interface"
 * n.toString();     // "Zope.Interface"
 * n.equals(PackageName.parse("zope_interface"));  // true
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; ordering is by the normalized form.
 */
public final class PackageName implements Comparable<PackageName> {
    private final String original;
    private final String normalized;

    private PackageName(String original, String normalized) {
        this.original = original;
        this.normalized = normalized;
    }

    /**
     * Parses and validates a project name.
     *
     * @throws InvalidNameException if the name is empty, contains a character other than ASCII letters,
     *                              digits, {@code .}, {@code _} and {@code -}, or starts or ends with a
     *                              punctuation character
     */
    public static PackageName parse(String name) {
        Objects.requireNonNull(name, "name");
        int bad = firstInvalidIndex(name);
        if (bad >= 0) {
            throw new InvalidNameException(problem(name, bad), name, bad, 1);
        }
        return new PackageName(name, normalize(name));
    }

    /**
     * Parses a project name as it may appear in a PEP 508 requirement read by packaging 26: like
     * {@link #parse(String)}, but the name may also end with {@code _}, because packaging's name token
     * ends at a regular-expression word boundary and {@code _} is a word character. packaging reads
     * {@code a_} as the project {@code a-}; so does this method. Use {@link #parse(String)} elsewhere.
     *
     * @throws InvalidNameException as {@link #parse(String)}, for names outside that one extension
     */
    public static PackageName parseRequirementName(String name) {
        Objects.requireNonNull(name, "name");
        int bad = firstInvalidIndex(name);
        if (bad == name.length() - 1 && bad > 0 && name.charAt(bad) == '_' && isAlnum(name.charAt(0))) {
            return new PackageName(name, normalize(name));
        }
        return parse(name);
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    public static Optional<PackageName> tryParse(String name) {
        if (name == null || firstInvalidIndex(name) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new PackageName(name, normalize(name)));
    }

    /** Whether {@code name} is a valid project name. */
    public static boolean isValid(String name) {
        return firstInvalidIndex(name) < 0;
    }

    /**
     * The normalized form of any name-like string: runs of {@code -}, {@code _} and {@code .} become one
     * {@code -} and ASCII letters become lower case. Does not validate (as packaging's
     * {@code canonicalize_name}); extras are normalized the same way (PEP 685).
     */
    public static String normalize(String name) {
        StringBuilder out = null;
        int n = name.length();
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean sep = c == '-' || c == '_' || c == '.';
            boolean upper = c >= 'A' && c <= 'Z';
            if (out == null) {
                if (upper || (sep && (c != '-' || (i + 1 < n && isSeparator(name.charAt(i + 1)))))) {
                    out = new StringBuilder(n);
                    out.append(name, 0, i);
                } else {
                    continue;
                }
            }
            if (sep) {
                out.append('-');
                while (i + 1 < n && isSeparator(name.charAt(i + 1))) {
                    i++;
                }
            } else {
                out.append(upper ? (char) (c + ('a' - 'A')) : c);
            }
        }
        return out == null ? name : out.toString();
    }

    /** Whether {@code name} is valid and already in normalized form. */
    public static boolean isNormalized(String name) {
        return isValid(name) && normalize(name).equals(name);
    }

    /** The normalized name, for comparison, URLs and file names: {@code zope-interface}. */
    public String normalized() {
        return normalized;
    }

    /** The name as it was written, for display. */
    public String original() {
        return original;
    }

    /** Equal when the normalized forms are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PackageName && ((PackageName) o).normalized.equals(normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    /** Orders by the normalized form. */
    @Override
    public int compareTo(PackageName o) {
        return normalized.compareTo(o.normalized);
    }

    /** The original spelling. */
    @Override
    public String toString() {
        return original;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The index of the first character that makes {@code name} invalid, or -1 when it is valid. */
    private static int firstInvalidIndex(String name) {
        if (name == null) {
            return 0;
        }
        int n = name.length();
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!isAlnum(c) && !isSeparator(c)) {
                return i;
            }
        }
        if (!isAlnum(name.charAt(0))) {
            return 0;
        }
        if (!isAlnum(name.charAt(n - 1))) {
            return n - 1;
        }
        return -1;
    }

    private static String problem(String name, int bad) {
        if (name.isEmpty()) {
            return "Expected a project name, found an empty string";
        }
        char c = name.charAt(bad);
        if (isSeparator(c)) {
            return String.format(Locale.ROOT,
                    "A project name must start and end with a letter or digit, found `%c`", c);
        }
        return String.format(Locale.ROOT,
                "A project name may only hold ASCII letters, digits, `.`, `_` and `-`, found %s",
                Character.isISOControl(c) || Character.isWhitespace(c)
                        ? String.format(Locale.ROOT, "U+%04X", (int) c)
                        : "`" + c + "`");
    }
}
