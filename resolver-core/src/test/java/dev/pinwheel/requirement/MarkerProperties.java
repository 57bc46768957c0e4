package dev.pinwheel.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinwheel.version.Version;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of PEP 508 markers. The specification: "The `and` operator binds tighter than `or`"; "The
 * <version_cmp> operators use the PEP 440 version comparison rules when those are defined (that is when
 * both sides have a valid version specifier)"; for string values, "`<=` and `>=` are equivalent to `==`
 * and `<`/`>` are always false" (the dependency-specifiers spec, as packaging 26 implements it).
 *
 * <p>Markers are generated as trees, written out with random spacing, quoting, operand order and
 * redundant parentheses, parsed, and evaluated against a reference interpretation of the tree.
 */
class MarkerProperties {
    private static final List<String> STRING_KEYS = List.of("os_name", "sys_platform", "platform_machine",
            "platform_system", "implementation_name", "platform_python_implementation", "platform_version");
    private static final List<String> VERSION_KEYS = List.of("python_version", "python_full_version",
            "implementation_version", "platform_release");
    private static final List<String> STRINGS = List.of("linux", "win32", "posix", "nt", "x86_64", "lin", "", "Linux", "CPython");
    private static final List<String> VERSIONS = List.of("2.7", "3", "3.8", "3.10", "3.12", "3.12.0", "3.12.1", "4.0.1", "10");

    /** A marker tree with its reference meaning and a way to write it. */
    sealed interface Node permits Atom, Join {
        boolean reference(Map<String, String> env);

        String write(Style style);
    }

    /** Random choices for writing: spacing, quotes, operand order, redundant parentheses. */
    record Style(long seed) {
        boolean flip(int salt) {
            long x = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
            x ^= x >>> 31;
            return (x & 1) == 0;
        }
    }

    record Atom(String key, String op, String value, boolean version, int salt) implements Node {
        @Override
        public boolean reference(Map<String, String> env) {
            String actual = env.get(key);
            if (version) {
                int c = Version.parse(actual).compareTo(Version.parse(value));
                switch (op) {
                    case "<": return c < 0;
                    case "<=": return c <= 0;
                    case ">": return c > 0;
                    case ">=": return c >= 0;
                    case "==": return c == 0;
                    case "!=": return c != 0;
                    default: throw new AssertionError(op);
                }
            }
            switch (op) {
                case "==": case "<=": case ">=": return actual.equals(value);
                case "!=": return !actual.equals(value);
                case "<": case ">": return false;
                case "in": return value.contains(actual);
                case "not in": return !value.contains(actual);
                default: throw new AssertionError(op);
            }
        }

        @Override
        public String write(Style style) {
            String q = style.flip(salt) ? "'" : "\"";
            String sp = style.flip(salt + 1) ? " " : "";
            if (op.equals("in") || op.equals("not in")) {
                sp = " ";
            }
            String text = key + sp + op + sp + q + value + q;
            return style.flip(salt + 2) ? "(" + text + ")" : text;
        }
    }

    record Join(List<Node> terms, List<String> ops, int salt) implements Node {
        @Override
        public boolean reference(Map<String, String> env) {
            // and binds tighter than or: an or of and-groups
            boolean any = false;
            boolean group = true;
            for (int i = 0; i < terms.size(); i++) {
                if (i > 0 && ops.get(i - 1).equals("or")) {
                    any |= group;
                    group = true;
                }
                group &= terms.get(i).reference(env);
            }
            return any || group;
        }

        @Override
        public String write(Style style) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < terms.size(); i++) {
                if (i > 0) {
                    out.append(style.flip(salt + i) ? " " : "  ").append(ops.get(i - 1)).append(' ');
                }
                Node t = terms.get(i);
                out.append(t instanceof Join ? "(" + t.write(style) + ")" : t.write(style));
            }
            return out.toString();
        }
    }

    static Arbitrary<Node> atoms() {
        Arbitrary<Node> strings = Combinators.combine(Arbitraries.of(STRING_KEYS),
                Arbitraries.of("==", "!=", "<", ">", "<=", ">=", "in", "not in"), Arbitraries.of(STRINGS),
                Arbitraries.integers().between(0, 1000)).as((k, o, v, s) -> new Atom(k, o, v, false, s));
        Arbitrary<Node> versions = Combinators.combine(Arbitraries.of(VERSION_KEYS),
                Arbitraries.of("==", "!=", "<", ">", "<=", ">="), Arbitraries.of(VERSIONS),
                Arbitraries.integers().between(0, 1000)).as((k, o, v, s) -> new Atom(k, o, v, true, s));
        return Arbitraries.oneOf(strings, versions);
    }

    static Arbitrary<Node> nodes(int depth) {
        if (depth == 0) {
            return atoms();
        }
        Arbitrary<Node> joins = Arbitraries.integers().between(2, 4).flatMap(n -> Combinators.combine(
                nodes(depth - 1).list().ofSize(n), Arbitraries.of("and", "or").list().ofSize(n - 1),
                Arbitraries.integers().between(0, 1000)).as((t, o, s) -> (Node) new Join(t, o, s)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, atoms()), net.jqwik.api.Tuple.of(3, joins));
    }

    @Provide
    Arbitrary<Node> trees() {
        return nodes(3);
    }

    @Provide
    Arbitrary<Map<String, String>> environments() {
        Arbitrary<List<String>> strings = Arbitraries.of(STRINGS).list().ofSize(STRING_KEYS.size());
        Arbitrary<List<String>> versions = Arbitraries.of(VERSIONS).list().ofSize(VERSION_KEYS.size());
        return Combinators.combine(strings, versions).as((s, v) -> {
            Map<String, String> env = new java.util.HashMap<>();
            for (int i = 0; i < STRING_KEYS.size(); i++) {
                env.put(STRING_KEYS.get(i), s.get(i));
            }
            for (int i = 0; i < VERSION_KEYS.size(); i++) {
                env.put(VERSION_KEYS.get(i), v.get(i));
            }
            return env;
        });
    }

    @Property(tries = 500)
    void evaluation_matchesReferenceInterpretation(@ForAll("trees") Node tree, @ForAll long seed,
                                                   @ForAll("environments") Map<String, String> env) {
        Marker m = Marker.parse(tree.write(new Style(seed)));
        assertEquals(tree.reference(env), m.evaluate(MarkerEnvironment.of(env)));
    }

    @Property(tries = 500)
    void toString_parsesBackToAnEqualMarkerWithTheSameMeaning(@ForAll("trees") Node tree, @ForAll long seed,
                                                              @ForAll("environments") Map<String, String> env) {
        Marker m = Marker.parse(tree.write(new Style(seed)));
        Marker back = Marker.parse(m.toString());
        assertEquals(m, back);
        assertEquals(m.toString(), back.toString());
        MarkerEnvironment e = MarkerEnvironment.of(env);
        assertEquals(m.evaluate(e), back.evaluate(e));
    }

    @Property(tries = 300)
    void and_or_areBooleanConnectives(@ForAll("trees") Node a, @ForAll("trees") Node b,
                                      @ForAll("environments") Map<String, String> env) {
        Marker x = Marker.parse(a.write(new Style(1)));
        Marker y = Marker.parse(b.write(new Style(2)));
        MarkerEnvironment e = MarkerEnvironment.of(env);
        assertEquals(x.evaluate(e) && y.evaluate(e), x.and(y).evaluate(e));
        assertEquals(x.evaluate(e) || y.evaluate(e), x.or(y).evaluate(e));
        assertEquals(x.and(y).evaluate(e), y.and(x).evaluate(e));
        assertEquals(x.evaluate(e), x.and(Marker.ALWAYS).evaluate(e));
        assertEquals(Marker.ALWAYS, x.or(Marker.ALWAYS));
        // the combination's string form keeps its meaning
        assertEquals(x.and(y).evaluate(e), Marker.parse(x.and(y).toString()).evaluate(e));
        assertEquals(x.or(y).evaluate(e), Marker.parse(x.or(y).toString()).evaluate(e));
    }
}
