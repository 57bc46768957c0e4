package dev.pinwheel.requirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PEP 508 environment marker, such as {@code python_version >= "3.8" and sys_platform == "linux"},
 * with the parsing, evaluation and string form of packaging 26 ({@code packaging.markers.Marker}; checked
 * against packaging 26.4).
 *
 * <p>A marker is a {@link Comparison}, a {@link Compound} of comparisons and parenthesised compounds
 * joined by {@code and}/{@code or} ({@code and} binds tighter), or {@link #ALWAYS} (no marker at all).
 * Semantics, as packaging 26 evaluates them:
 * <ul>
 *   <li>On the version variables ({@code python_version}, {@code python_full_version},
 *       {@code implementation_version}, {@code platform_release}) a comparison whose operator and value
 *       form a valid PEP 440 specifier is a specifier match (pre-releases allowed); a value that is not
 *       a version then matches nothing, except by {@code ===} (case-insensitive string equality).</li>
 *   <li>Otherwise values compare as strings: {@code ==}, {@code !=}, {@code in}, {@code not in}
 *       (substring), {@code <=} and {@code >=} mean equality, {@code <} and {@code >} are false, and
 *       {@code ~=} and {@code ===} are undefined ({@link MarkerEvaluationException}).</li>
 *   <li>{@code extra} values are normalised (PEP 685) when parsed and when read from the environment,
 *       as are the members tested against the set-valued {@code extras} and {@code dependency_groups}
 *       of lock files.</li>
 *   <li>Every comparison is evaluated (no short circuit), so an undefined comparison fails the whole
 *       evaluation, as in packaging.</li>
 * </ul>
 *
 * <pre>{@code
 * Marker m = Marker.parse("python_version >= '3.8' and extra == 'Socks'");
 * m.toString();                              // python_version >= "3.8" and extra == "socks"
 * m.evaluate(env, Set.of("socks"));           // true on Python 3.12
 * }</pre>
 *
 * <p>The string form is packaging's: values in double quotes, single spaces, nested compounds in
 * parentheses and redundant parentheses dropped. One deliberate difference: packaging drops the
 * parentheses of a doubly parenthesised group ({@code ((a or b)) and c} prints as {@code a or b and c},
 * which reads back with another meaning); Pinwheel keeps them, so {@code parse(m.toString())} always
 * means what {@code m} means.
 *
 * <p>All markers are immutable and thread-safe. Two markers are equal when their trees are, which is
 * when their string forms are.
 */
public sealed interface Marker permits Marker.Comparison, Marker.Compound, Marker.Always {

    /** The marker that always holds: a requirement without a marker. Its string form is empty. */
    Marker ALWAYS = Always.INSTANCE;

    /**
     * Parses a marker expression.
     *
     * @throws InvalidMarkerException with packaging's reason and span when {@code marker} is not a
     *                                valid PEP 508 marker (upper-case {@code AND}/{@code OR} included)
     */
    static Marker parse(String marker) {
        Objects.requireNonNull(marker, "marker");
        try {
            return Pep508Parser.parseMarker(marker);
        } catch (Pep508Tokenizer.SyntaxError e) {
            throw new InvalidMarkerException(e.getMessage(), marker, e.start, Pep508Parser.spanLength(marker, e));
        }
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    static Optional<Marker> tryParse(String marker) {
        if (marker == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pep508Parser.parseMarker(marker));
        } catch (Pep508Tokenizer.SyntaxError e) {
            return Optional.empty();
        }
    }

    /**
     * Evaluates this marker in {@code environment}; {@code extra} is the environment's (normalised),
     * or the empty string when unset.
     *
     * @throws MarkerEvaluationException when the marker names a variable the environment lacks or
     *                                   uses an operator that is undefined for its values
     */
    boolean evaluate(MarkerEnvironment environment);

    /**
     * Evaluates this marker for a distribution installed with {@code extras}: true when it holds with
     * {@code extra} set to any one of them, or, with no extras, to the empty string (as pip does).
     *
     * @throws MarkerEvaluationException as {@link #evaluate(MarkerEnvironment)}
     */
    default boolean evaluate(MarkerEnvironment environment, Set<String> extras) {
        Objects.requireNonNull(environment, "environment");
        if (extras.isEmpty()) {
            return MarkerEvaluator.evaluate(this, environment, "");
        }
        boolean any = false;
        for (String extra : extras) {
            any |= MarkerEvaluator.evaluate(this, environment, Objects.requireNonNull(extra, "extra"));
        }
        return any;
    }

    /** This marker and {@code other}: {@code (this) and (other)}; {@link #ALWAYS} is the identity. */
    default Marker and(Marker other) {
        return Compound.join(this, Connective.AND, other);
    }

    /** This marker or {@code other}: {@code (this) or (other)}; {@link #ALWAYS} absorbs. */
    default Marker or(Marker other) {
        return Compound.join(this, Connective.OR, other);
    }

    /** The comparison operators of PEP 508. */
    enum Operator {
        /** {@code ===}. */
        ARBITRARY_EQUAL("==="),
        /** {@code ==}. */
        EQUAL("=="),
        /** {@code ~=}. */
        COMPATIBLE("~="),
        /** {@code !=}. */
        NOT_EQUAL("!="),
        /** {@code <=}. */
        LESS_EQUAL("<="),
        /** {@code >=}. */
        GREATER_EQUAL(">="),
        /** {@code <}. */
        LESS("<"),
        /** {@code >}. */
        GREATER(">"),
        /** {@code in} (substring, or membership for set-valued variables). */
        IN("in"),
        /** {@code not in}. */
        NOT_IN("not in");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in a marker. */
        public String symbol() {
            return symbol;
        }

        /** The operator written {@code symbol}. */
        public static Operator ofSymbol(String symbol) {
            for (Operator op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("Unknown marker operator: " + symbol);
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    /** How the terms of a {@link Compound} are joined. */
    enum Connective {
        /** {@code and}, binding tighter than {@code or}. */
        AND,
        /** {@code or}. */
        OR;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One side of a comparison: an environment variable or a quoted value. */
    sealed interface Operand permits Variable, Value {
    }

    /**
     * An environment marker variable, by its canonical name ({@code os.name} is {@code os_name},
     * {@code python_implementation} is {@code platform_python_implementation}).
     *
     * @param name one of the PEP 508 variable names, {@code extras} or {@code dependency_groups}
     */
    record Variable(String name) implements Operand {
        /** Checks that {@code name} is a known variable. */
        public Variable {
            if (!Pep508Parser.isVariableName(name)) {
                throw new IllegalArgumentException("Unknown marker variable: " + name);
            }
        }

        // written out, with the values the generated ones give: a record's generated equals and hashCode link
        // method handles on first use, which a fresh JVM pays milliseconds for (issue 5)
        @Override
        public boolean equals(Object other) {
            return other instanceof Variable o && name.equals(o.name);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + name.hashCode();
            return h;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A quoted value. Written in double quotes, or in single quotes when it holds a double quote (as
     * packaging 26.4 does); a value holding both is written in double quotes with each {@code "} as
     * the Python escape {@code \x22}, which parses back to the same value.
     *
     * @param value the value, without quotes or escapes
     */
    record Value(String value) implements Operand {
        /** Checks for null. */
        public Value {
            Objects.requireNonNull(value, "value");
        }

        // written out, with the values the generated ones give: a record's generated equals and hashCode link
        // method handles on first use, which a fresh JVM pays milliseconds for (issue 5)
        @Override
        public boolean equals(Object other) {
            return other instanceof Value o && value.equals(o.value);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + value.hashCode();
            return h;
        }

        @Override
        public String toString() {
            if (value.indexOf('"') < 0) {
                return "\"" + value + "\"";
            }
            if (value.indexOf('\'') < 0) {
                return "'" + value + "'";
            }
            return "\"" + value.replace("\"", "\\x22") + "\"";
        }
    }

    /**
     * A comparison {@code left op right}; usually one side is a {@link Variable} and the other a
     * {@link Value}. Immutable and thread-safe; equal when the operands and operators are.
     */
    final class Comparison implements Marker {
        private final Operand left;
        private final Operator operator;
        private final Operand right;
        /** The specifier {@code operator + value} for {@code version_key op "value"}, or null. */
        private final dev.pinwheel.version.Specifier versionSpecifier;

        /**
         * @param left     the left operand
         * @param operator the operator
         * @param right    the right operand
         */
        public Comparison(Operand left, Operator operator, Operand right) {
            this.left = Objects.requireNonNull(left, "left");
            this.operator = Objects.requireNonNull(operator, "operator");
            this.right = Objects.requireNonNull(right, "right");
            this.versionSpecifier = left instanceof Variable && right instanceof Value
                    && operator != Operator.IN && operator != Operator.NOT_IN
                    && MarkerEvaluator.isVersionKey(((Variable) left).name())
                    ? dev.pinwheel.version.Specifier.tryParse(operator.symbol() + ((Value) right).value()).orElse(null)
                    : null;
        }

        /** The left operand. */
        public Operand left() {
            return left;
        }

        /** The operator. */
        public Operator operator() {
            return operator;
        }

        /** The right operand. */
        public Operand right() {
            return right;
        }

        /** The parsed specifier when this compares a version variable with a value forming a valid one. */
        Optional<dev.pinwheel.version.Specifier> versionSpecifier() {
            return Optional.ofNullable(versionSpecifier);
        }

        @Override
        public boolean evaluate(MarkerEnvironment environment) {
            return MarkerEvaluator.evaluate(this, Objects.requireNonNull(environment, "environment"), null);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Comparison)) {
                return false;
            }
            Comparison c = (Comparison) o;
            return left.equals(c.left) && operator == c.operator && right.equals(c.right);
        }

        @Override
        public int hashCode() {
            return (left.hashCode() * 31 + operator.hashCode()) * 31 + right.hashCode();
        }

        /** {@code left op right}, values in double quotes: {@code python_version >= "3.8"}. */
        @Override
        public String toString() {
            return left + " " + operator + " " + right;
        }
    }

    /**
     * Two or more terms joined by connectives, {@code terms.size() - 1} of them; a term that is itself
     * a compound is written in parentheses.
     *
     * @param terms       comparisons and nested compounds
     * @param connectives the connective between each pair of neighbouring terms
     */
    record Compound(List<Marker> terms, List<Connective> connectives) implements Marker {
        /** Checks the shape and copies the lists. */
        public Compound {
            terms = List.copyOf(terms);
            connectives = List.copyOf(connectives);
            if (terms.size() < 2 || connectives.size() != terms.size() - 1) {
                throw new IllegalArgumentException("A compound marker needs n >= 2 terms and n - 1 connectives: "
                        + terms.size() + " terms, " + connectives.size() + " connectives");
            }
            for (Marker term : terms) {
                if (term instanceof Always) {
                    throw new IllegalArgumentException("ALWAYS cannot be a term of a compound marker");
                }
            }
        }

        static Marker join(Marker left, Connective connective, Marker right) {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            if (left instanceof Always) {
                return connective == Connective.AND ? right : ALWAYS;
            }
            if (right instanceof Always) {
                return connective == Connective.AND ? left : ALWAYS;
            }
            return new Compound(List.of(left, right), List.of(connective));
        }

        @Override
        public boolean evaluate(MarkerEnvironment environment) {
            return MarkerEvaluator.evaluate(this, Objects.requireNonNull(environment, "environment"), null);
        }

        /** Terms joined by {@code and}/{@code or}, nested compounds in parentheses. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            List<String> parts = new ArrayList<>(terms.size());
            for (Marker term : terms) {
                parts.add(term instanceof Compound ? "(" + term + ")" : term.toString());
            }
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    out.append(' ').append(connectives.get(i - 1)).append(' ');
                }
                out.append(parts.get(i));
            }
            return out.toString();
        }
    }

    /** The type of {@link #ALWAYS}. */
    enum Always implements Marker {
        /** The only instance. */
        INSTANCE;

        @Override
        public boolean evaluate(MarkerEnvironment environment) {
            Objects.requireNonNull(environment, "environment");
            return true;
        }

        /** The empty string. */
        @Override
        public String toString() {
            return "";
        }
    }
}
