package dev.pinwheel.tags;

import java.util.Objects;
import java.util.Optional;

/**
 * The optional build tag of a wheel file name (PEP 427): a number, then any suffix, as in {@code 1000abc}. It
 * breaks ties between wheels of the same version: a higher build tag is newer. Build tags order by number, then
 * by suffix (plain string order), as packaging's {@code (int, str)} tuples; a wheel without a build tag sorts
 * before any with one.
 *
 * <pre>{@code
 * BuildTag.parse("1000abc");   // BuildTag[number=1000, suffix=abc]
 * BuildTag.parse("2").compareTo(BuildTag.parse("10")) < 0;   // true: numeric, not textual
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param number the leading digits, as a number
 * @param suffix whatever follows the digits, possibly empty
 */
public record BuildTag(long number, String suffix) implements Comparable<BuildTag> {

    /**
     * @throws IllegalArgumentException if {@code number} is negative or {@code suffix} contains {@code -}
     */
    public BuildTag {
        Objects.requireNonNull(suffix, "suffix");
        if (number < 0) {
            throw new IllegalArgumentException("number < 0: " + number);
        }
        if (suffix.indexOf('-') >= 0) {
            throw new IllegalArgumentException("suffix contains `-`: " + suffix);
        }
    }

    /**
     * Parses a build tag: one or more ASCII digits, then anything but {@code -}.
     *
     * @throws IllegalArgumentException if it does not start with a digit, contains {@code -}, or its number
     *                                  does not fit in a {@code long}
     */
    public static BuildTag parse(String text) {
        Objects.requireNonNull(text, "text");
        int i = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("A build tag must start with a digit: `" + text + "`");
        }
        long n;
        try {
            n = Long.parseLong(text.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Build number too large: `" + text.substring(0, i) + "`", e);
        }
        return new BuildTag(n, text.substring(i));
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    public static Optional<BuildTag> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** By number, then by suffix. */
    @Override
    public int compareTo(BuildTag o) {
        int c = Long.compare(number, o.number);
        return c != 0 ? c : suffix.compareTo(o.suffix);
    }

    /** The build tag as written in a file name: number then suffix. */
    @Override
    public String toString() {
        return number + suffix;
    }
}
