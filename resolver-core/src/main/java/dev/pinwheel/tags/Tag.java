package dev.pinwheel.tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One platform compatibility tag (<a href="https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/">PEP
 * 425</a>): an interpreter ({@code cp312}, {@code py3}), an ABI ({@code cp312}, {@code abi3}, {@code none}) and a
 * platform ({@code manylinux_2_17_x86_64}, {@code win_amd64}, {@code any}).
 *
 * <p>As in pypa/packaging, each component is lower-cased on construction, so {@code Tag("CP312", "None", "ANY")}
 * equals {@code Tag("cp312", "none", "any")}. Components may not be empty and may not contain {@code -} or
 * {@code .} (the separators of the tag syntax), so that {@link #toString()} always parses back to the same tag.
 *
 * <pre>{@code
 * Tag t = Tag.parse("cp312-abi3-manylinux_2_17_x86_64");
 * t.abi();                                  // "abi3"
 * Tag.parseAll("py2.py3-none-any");         // [py2-none-any, py3-none-any]
 * Tag.compress(Tag.parseAll("py2.py3-none-any"));  // "py2.py3-none-any"
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param interpreter the interpreter, lower case, e.g. {@code cp312}
 * @param abi         the ABI, lower case, e.g. {@code cp312}
 * @param platform    the platform, lower case, e.g. {@code win_amd64}
 */
public record Tag(String interpreter, String abi, String platform) implements Comparable<Tag> {

    /**
     * Creates a tag, lower-casing each component.
     *
     * @throws InvalidTagException if a component is empty or contains {@code -}, {@code .} or whitespace
     */
    public Tag {
        interpreter = component(interpreter, "interpreter");
        abi = component(abi, "abi");
        platform = component(platform, "platform");
    }

    // written out, with the values the generated ones give: a record's generated equals and hashCode link
    // method handles on first use, which a fresh JVM pays milliseconds for (issue 5)
    @Override
    public boolean equals(Object other) {
        return other instanceof Tag o && interpreter.equals(o.interpreter) && abi.equals(o.abi) && platform.equals(o.platform);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + interpreter.hashCode();
        h = 31 * h + abi.hashCode();
        h = 31 * h + platform.hashCode();
        return h;
    }

    private static String component(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new InvalidTagException("The " + what + " component of a tag may not be empty", value, 0, 0);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-' || c == '.' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidTagException(
                        "The " + what + " component of a tag may not contain `" + c + "`", value, i, 1);
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a single tag such as {@code cp312-cp312-win_amd64}.
     *
     * @throws InvalidTagException if the text is not a tag, or is a compressed tag set that stands for more
     *                             than one tag (use {@link #parseAll(String)} for those)
     */
    public static Tag parse(String tag) {
        Set<Tag> all = parseAll(tag);
        if (all.size() != 1) {
            throw new InvalidTagException(
                    "Expected a single tag, found a compressed tag set of " + all.size() + " tags", tag, 0,
                    tag.length());
        }
        return all.iterator().next();
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    public static Optional<Tag> tryParse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(tag));
        } catch (InvalidTagException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses a tag or a compressed tag set ({@code py2.py3-none-any}) into the set of tags it stands for, as
     * packaging's {@code parse_tag}: the product of the {@code .}-separated alternatives of each component, in
     * the order they are written (interpreter outermost, platform innermost).
     *
     * <p>The order of the alternatives is not checked; PEP 425 asks for sorted alternatives, which
     * {@link #parseAll(String, boolean)} can enforce.
     *
     * @return an unmodifiable, insertion-ordered set
     * @throws InvalidTagException if there are not exactly three components, a component or alternative is
     *                             empty, or an interpreter is not a Python identifier
     */
    public static Set<Tag> parseAll(String tag) {
        return parseAll(tag, false);
    }

    /**
     * Parses a tag or compressed tag set, optionally requiring that the alternatives of each component are in
     * sorted order, as PEP 425 asks ({@code py2.py3} is sorted, {@code py3.py2} is not).
     *
     * @throws InvalidTagException as {@link #parseAll(String)}, and if {@code validateOrder} is set and some
     *                             component's alternatives are not sorted
     */
    public static Set<Tag> parseAll(String tag, boolean validateOrder) {
        Objects.requireNonNull(tag, "tag");
        List<List<String>> components = new ArrayList<>(3);
        int start = 0;
        while (true) {
            int dash = tag.indexOf('-', start);
            int end = dash < 0 ? tag.length() : dash;
            components.add(alternatives(tag, components.size(), start, end, validateOrder));
            if (dash < 0) {
                break;
            }
            start = dash + 1;
        }
        if (components.size() != 3) {
            throw new InvalidTagException(
                    "A tag must have exactly three `-`-separated components (interpreter, abi, platform), found "
                            + components.size(),
                    tag, 0, tag.length());
        }
        int offset = 0;
        for (String interpreter : components.get(0)) {
            int bad = firstNonIdentifierIndex(interpreter);
            if (bad >= 0) {
                int at = tag.indexOf(interpreter, offset);
                throw new InvalidTagException(
                        "The interpreter `" + interpreter + "` is not a Python identifier", tag,
                        at < 0 ? 0 : at, interpreter.length());
            }
            offset += interpreter.length() + 1;
        }
        Set<Tag> out = new LinkedHashSet<>();
        for (String interpreter : components.get(0)) {
            for (String abi : components.get(1)) {
                for (String platform : components.get(2)) {
                    out.add(new Tag(interpreter, abi, platform));
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static final String[] COMPONENT_NAMES = {"interpreter", "abi", "platform"};

    private static List<String> alternatives(String tag, int index, int start, int end, boolean validateOrder) {
        String what = index < COMPONENT_NAMES.length ? "The " + COMPONENT_NAMES[index] + " component"
                : "Component " + (index + 1);
        List<String> parts = new ArrayList<>(2);
        int from = start;
        while (true) {
            int dot = tag.indexOf('.', from);
            int stop = dot < 0 || dot > end ? end : dot;
            if (stop == from) {
                if (start == end) {
                    throw new InvalidTagException(what + " of the tag is empty", tag, from, 0);
                }
                throw new InvalidTagException(
                        what + " `" + tag.substring(start, end) + "` has an empty alternative", tag, from, 0);
            }
            String part = tag.substring(from, stop);
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    throw new InvalidTagException("Tag contains whitespace or a control character", tag, from + i, 1);
                }
            }
            if (validateOrder && !parts.isEmpty() && parts.get(parts.size() - 1).compareTo(part) > 0) {
                throw new InvalidTagException(
                        what + " `" + tag.substring(start, end) + "` is not in sorted order as PEP 425 asks",
                        tag, start, end - start);
            }
            parts.add(part);
            if (stop == end) {
                break;
            }
            from = stop + 1;
        }
        return parts;
    }

    /**
     * The index of the first character that keeps {@code s} from being a Python identifier ({@code
     * str.isidentifier()}: a letter or {@code _}, then letters, digits and {@code _}), or -1.
     */
    private static int firstNonIdentifierIndex(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = cp == '_' || (i == 0 ? Character.isUnicodeIdentifierStart(cp)
                    : Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
            if (!ok) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /**
     * Compresses tags into one compressed tag set string, as packaging's {@code compose_wheel_filename}: the
     * distinct values of each component, sorted and joined with {@code .}. The result stands for exactly the
     * given tags when they form a full product (as every tag set parsed from a file name does); otherwise it
     * stands for a superset.
     *
     * @throws IllegalArgumentException if {@code tags} is empty
     */
    public static String compress(Collection<Tag> tags) {
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("tags is empty");
        }
        return join(tags, Tag::interpreter) + "-" + join(tags, Tag::abi) + "-" + join(tags, Tag::platform);
    }

    private static String join(Collection<Tag> tags, Function<Tag, String> field) {
        TreeSet<String> values = new TreeSet<>();
        for (Tag t : tags) {
            values.add(field.apply(t));
        }
        return String.join(".", values);
    }

    /** Orders by interpreter, then ABI, then platform (plain string order; not a preference order). */
    @Override
    public int compareTo(Tag o) {
        int c = interpreter.compareTo(o.interpreter);
        if (c == 0) {
            c = abi.compareTo(o.abi);
        }
        return c != 0 ? c : platform.compareTo(o.platform);
    }

    /** The tag as written in file names: {@code interpreter-abi-platform}. */
    @Override
    public String toString() {
        return interpreter + "-" + abi + "-" + platform;
    }
}
