package dev.pinwheel.version;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One version specifier, such as {@code >=1.0}, {@code ~=2.2}, {@code ==1.4.*} or {@code !=1.5}, as defined by
 * the <a href="https://packaging.python.org/en/latest/specifications/version-specifiers/">version specifiers</a>
 * specification (PEP 440) and implemented by pypa/packaging 26.
 *
 * <p>The grammar is packaging's: {@code ==} and {@code !=} accept a trailing {@code .*} (after a plain
 * release only) and local labels; {@code ~=} needs at least two release numbers and no local label;
 * {@code <}, {@code <=}, {@code >}, {@code >=} accept neither wildcards nor local labels; {@code ===} takes any
 * string without whitespace, {@code ;} or {@code )}. Whitespace may surround the operator and the version.
 *
 * <p>Matching follows the specification, including its traps:
 * <ul>
 *   <li>{@code ==V} and {@code !=V} ignore the candidate's local label unless {@code V} has one.</li>
 *   <li>{@code <V} excludes pre-releases of {@code V} unless {@code V} is itself a pre-release
 *       ({@code 1.0rc1} is not {@code <1.0}).</li>
 *   <li>{@code >V} excludes post-releases and local versions of {@code V} unless {@code V} is itself a
 *       post-release ({@code 1.0.post1} is not {@code >1.0}); {@code >V.devN} starts at {@code V.dev(N+1)}.</li>
 *   <li>{@code <=V} includes local versions of {@code V}; {@code >=V} includes them anyway.</li>
 *   <li>{@code ~=1.4.2} means {@code >=1.4.2, ==1.4.*}.</li>
 *   <li>{@code ===V} compares strings, ignoring case, with the version's normalised form (or the raw
 *       string given to {@link #contains(String)}).</li>
 * </ul>
 *
 * <pre>{@code
 * Specifier s = Specifier.parse(">= 1.0");
 * s.toString();                              // ">=1.0"
 * s.contains(Version.parse("1.1"));          // true
 * s.contains(Version.parse("2.0b1"));        // true: a lone pre-release matches
 * s.contains(Version.parse("2.0b1"), false); // false: pre-releases excluded
 * }</pre>
 *
 * <p>{@link #toString()} is packaging's {@code str()}: the operator followed by the version as written,
 * without whitespace. Equality is packaging's: same operator and same version after normalisation, with
 * trailing zeros ignored except under {@code ~=} ({@code ==1.0 == ==1.0.0}; wildcards and {@code ===} compare
 * as written). Instances are immutable and thread-safe.
 */
public final class Specifier {

    /** The comparison operators of PEP 440. */
    public enum Operator {
        /** {@code ~=}: compatible release. */
        COMPATIBLE("~="),
        /** {@code ==}: version matching, with or without a {@code .*} wildcard. */
        EQUAL("=="),
        /** {@code !=}: version exclusion, with or without a {@code .*} wildcard. */
        NOT_EQUAL("!="),
        /** {@code <=}: inclusive ordered comparison. */
        LESS_EQUAL("<="),
        /** {@code >=}: inclusive ordered comparison. */
        GREATER_EQUAL(">="),
        /** {@code <}: exclusive ordered comparison. */
        LESS("<"),
        /** {@code >}: exclusive ordered comparison. */
        GREATER(">"),
        /** {@code ===}: arbitrary (string) equality. */
        ARBITRARY("===");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written: {@code >=}. */
        public String symbol() {
            return symbol;
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    // Python's \s (str.isspace), which packaging's pattern uses
    private static final String WS_CHARS =
            "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
    private static final String WS = "[" + WS_CHARS + "]";
    private static final String PRE = "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?";
    private static final String POST = "(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?";
    private static final String DEV = "(?:[-_.]?dev[-_.]?[0-9]*)?";
    private static final String LOCAL = "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?";
    private static final String EPOCH_RELEASE = "v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)";
    /** packaging's specifier pattern (same alternatives, same backtracking), anchored at both ends. */
    private static final Pattern GRAMMAR = Pattern.compile(WS + "*(?:"
            + "(?:===" + WS + "*[^" + WS_CHARS + ";)]*)"
            + "|(?:(?:==|!=)" + WS + "*" + EPOCH_RELEASE + "*(?:\\.\\*|" + PRE + POST + DEV + LOCAL + ")?)"
            + "|(?:~=" + WS + "*" + EPOCH_RELEASE + "+" + PRE + POST + DEV + ")"
            + "|(?:(?:<=|>=|<|>)" + WS + "*" + EPOCH_RELEASE + "*" + PRE + POST + DEV + ")"
            + ")" + WS + "*", Pattern.CASE_INSENSITIVE);

    private final Operator operator;
    private final String versionText;
    private final boolean wildcard;
    private final boolean hasLocal;
    /** The version (or the wildcard's prefix); null only under {@code ===} with a non-version string. */
    private final Version version;
    /** Lower bound (inclusive) or bound used by the operator, see {@link #matches(Version)}. */
    private final Version low;
    /** Upper bound (exclusive) where the operator has one. */
    private final Version high;
    private String canonical; // computed on first use; a benign race (String is immutable)

    private Specifier(Operator operator, String versionText, boolean wildcard, Version version) {
        this.operator = operator;
        this.versionText = versionText;
        this.wildcard = wildcard;
        this.version = version;
        this.hasLocal = version != null && version.hasLocal();
        Version lo = null;
        Version hi = null;
        switch (operator) {
            case EQUAL:
            case NOT_EQUAL:
                if (wildcard) {
                    lo = version.releaseDev0();
                    hi = version.nextPrefixDev0(0);
                }
                break;
            case COMPATIBLE:
                hi = version.nextPrefixDev0(1);
                break;
            case LESS:
                lo = version.isPrerelease() ? version : version.withDev0();
                break;
            case GREATER:
                if (version.isDevrelease()) {
                    lo = version.nextDev();
                } else if (version.isPostrelease()) {
                    lo = version.nextPostDev0();
                }
                break;
            default:
                break;
        }
        this.low = lo;
        this.high = hi;
    }

    /**
     * Parses one specifier, such as {@code >=1.0} or {@code == 1.4.*}.
     *
     * @throws InvalidSpecifierException if {@code text} is not a valid specifier
     */
    public static Specifier parse(String text) {
        Objects.requireNonNull(text, "text");
        return parse(text, 0, text.length());
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    public static Optional<Specifier> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (InvalidSpecifierException e) {
            return Optional.empty(); // the lenient variant: the error is the answer
        }
    }

    /** A specifier from an operator and a version: {@code of(Operator.GREATER_EQUAL, Version.of(1, 0))}. */
    public static Specifier of(Operator operator, Version version) {
        return parse(operator.symbol() + version);
    }

    /** Parses {@code input[from, to)}; errors point into the whole {@code input}. */
    static Specifier parse(String input, int from, int to) {
        Specifier fast = parseFast(input, from, to);
        if (fast != null) {
            return fast;
        }
        if (!GRAMMAR.matcher(input).region(from, to).matches()) {
            throw diagnose(input, from, to);
        }
        int a = from;
        int b = to;
        while (a < b && Version.isPythonSpace(input.charAt(a))) {
            a++;
        }
        while (b > a && Version.isPythonSpace(input.charAt(b - 1))) {
            b--;
        }
        Operator op = operatorAt(input, a, b);
        int v = a + op.symbol().length();
        while (v < b && Version.isPythonSpace(input.charAt(v))) {
            v++;
        }
        String versionText = input.substring(v, b);
        if (op == Operator.ARBITRARY) {
            return new Specifier(op, versionText, false, Version.tryParse(versionText).orElse(null));
        }
        boolean wildcard = versionText.endsWith(".*");
        Object[] error = new Object[3];
        Version version = Version.parseRegion(input, v, wildcard ? b - 2 : b, error);
        if (version == null) {
            // The specifier pattern accepted what the version pattern rejects (packaging would fail later)
            throw new InvalidSpecifierException((String) error[0], input, (Integer) error[1], (Integer) error[2]);
        }
        return new Specifier(op, versionText, wildcard, version);
    }

    /** Whether packaging's specifier pattern accepts {@code text} (for tests of the fast path). */
    static boolean matchesGrammar(String text) {
        return GRAMMAR.matcher(text).matches();
    }

    /**
     * Parses the common shapes without the regular expression, or returns null to let {@link #GRAMMAR} decide.
     * Whatever this accepts, the grammar accepts too: the version matcher's possessive language is contained in
     * the grammar's backtracking one, and the operator's restrictions (wildcards, local labels, two release
     * numbers under {@code ~=}, ASCII only) are checked here.
     */
    static Specifier parseFast(String input, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && Version.isPythonSpace(input.charAt(a))) {
            a++;
        }
        while (b > a && Version.isPythonSpace(input.charAt(b - 1))) {
            b--;
        }
        Operator op = a < b ? operatorAt(input, a, b) : null;
        if (op == null) {
            return null;
        }
        int v = a + op.symbol().length();
        while (v < b && Version.isPythonSpace(input.charAt(v))) {
            v++;
        }
        for (int k = v; k < b; k++) {
            char c = input.charAt(k);
            if (c >= 0x7f || c <= ' ' || Version.isPythonSpace(c) || (op == Operator.ARBITRARY && (c == ';' || c == ')'))) {
                return null;
            }
        }
        String versionText = input.substring(v, b);
        if (op == Operator.ARBITRARY) {
            return new Specifier(op, versionText, false, Version.tryParse(versionText).orElse(null));
        }
        boolean wildcard = versionText.endsWith(".*");
        if (wildcard && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
            return null;
        }
        Version version = Version.parseRegion(input, v, wildcard ? b - 2 : b, null);
        if (version == null) {
            return null;
        }
        if (wildcard && (version.hasLocal() || version.isPrerelease() || version.isPostrelease())) {
            return null;
        }
        if (version.hasLocal() && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
            return null;
        }
        if (op == Operator.COMPATIBLE && version.releaseSize() < 2) {
            return null;
        }
        return new Specifier(op, versionText, wildcard, version);
    }

    /** The operators in the order they must be tried: a longer symbol before any symbol it starts with. */
    private static final Operator[] BY_LONGEST_PREFIX = {
        Operator.ARBITRARY, Operator.COMPATIBLE, Operator.EQUAL, Operator.NOT_EQUAL,
        Operator.LESS_EQUAL, Operator.GREATER_EQUAL, Operator.LESS, Operator.GREATER,
    };

    /** The operator written at {@code s[a, b)}, or {@code null} when none is. */
    private static Operator operatorAt(String s, int a, int b) {
        for (Operator op : BY_LONGEST_PREFIX) {
            int n = op.symbol().length();
            if (b - a >= n && s.startsWith(op.symbol(), a)) {
                return op;
            }
        }
        return null;
    }

    /** Explains why {@code input[from, to)} is not a specifier. */
    private static InvalidSpecifierException diagnose(String input, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && Version.isPythonSpace(input.charAt(a))) {
            a++;
        }
        while (b > a && Version.isPythonSpace(input.charAt(b - 1))) {
            b--;
        }
        if (a == b) {
            return new InvalidSpecifierException("Expected a version specifier such as `>=1.0`, found "
                    + (from == to ? "end of input" : "only whitespace"), input, from, 1);
        }
        Operator op = operatorAt(input, a, b);
        if (op == null) {
            char c = input.charAt(a);
            String what = (c >= '0' && c <= '9') || c == 'v' || c == 'V'
                    ? "Expected a comparison operator such as `==` or `>=` before the version, found `"
                    : "Expected a comparison operator (`==`, `!=`, `<=`, `>=`, `<`, `>`, `~=` or `===`), found `";
            int end = a;
            while (end < b && "=!<>~".indexOf(input.charAt(end)) >= 0) {
                end++;
            }
            int len = Math.max(1, end - a);
            return new InvalidSpecifierException(what + input.substring(a, a + len) + "`", input, a, len);
        }
        int v = a + op.symbol().length();
        while (v < b && Version.isPythonSpace(input.charAt(v))) {
            v++;
        }
        if (v == b) {
            return new InvalidSpecifierException("Expected a version after `" + op.symbol() + "`, found end of input",
                    input, v, 1);
        }
        for (int k = v; k < b; k++) {
            char c = input.charAt(k);
            if (Version.isPythonSpace(c)) {
                return new InvalidSpecifierException("Expected the end of the specifier, found whitespace in the version",
                        input, k, 1);
            }
        }
        boolean wildcard = input.startsWith(".*", b - 2) && b - 2 >= v;
        Object[] error = new Object[3];
        Version version = Version.parseRegion(input, v, wildcard ? b - 2 : b, error);
        if (version == null) {
            return new InvalidSpecifierException((String) error[0], input, (Integer) error[1], (Integer) error[2]);
        }
        if (wildcard) {
            if (op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
                return new InvalidSpecifierException("A `.*` wildcard is only allowed after `==` and `!=`, not after `"
                        + op.symbol() + "`", input, b - 2, 2);
            }
            return new InvalidSpecifierException("A `.*` wildcard may only follow a release such as `1.2`, found `"
                    + input.substring(v, b - 2) + "`", input, v, b - v);
        }
        int plus = input.indexOf('+', v);
        if (version.hasLocal() && op != Operator.EQUAL && op != Operator.NOT_EQUAL && plus >= 0 && plus < b) {
            return new InvalidSpecifierException("A local version label is only allowed after `==` and `!=`, not after `"
                    + op.symbol() + "`", input, plus, b - plus);
        }
        if (op == Operator.COMPATIBLE && version.releaseSize() < 2) {
            return new InvalidSpecifierException("`~=` needs a version with at least two release numbers, such as `~="
                    + version + ".0`", input, v, b - v);
        }
        if (version.hasLocal() && plus >= 0) {
            // A local label with a character the specifier grammar does not take (such as U+212A)
            return new InvalidSpecifierException("A local version label may only hold ASCII letters, digits, `.`, `_`"
                    + " and `-`", input, plus, b - plus);
        }
        return new InvalidSpecifierException("Invalid version specifier", input, a, b - a);
    }

    // ----------------------------------------------------------------------------------------- accessors

    /** The operator. */
    public Operator operator() {
        return operator;
    }

    /** The version as written after the operator (whitespace removed), wildcard included: {@code 1.4.*}. */
    public String versionText() {
        return versionText;
    }

    /**
     * The parsed version: the prefix for wildcards ({@code 1.4} for {@code ==1.4.*}); empty only under
     * {@code ===} with a string that is not a valid version.
     */
    public Optional<Version> version() {
        return Optional.ofNullable(version);
    }

    /** Whether this is a {@code ==V.*} or {@code !=V.*} prefix match. */
    public boolean isWildcard() {
        return wildcard;
    }

    /**
     * Whether this specifier names a pre-release and so lets pre-releases in under the PEP 440 default
     * (packaging's {@code Specifier.prereleases}): true when the version is a pre-release, except under
     * {@code !=} and {@code ==V.*}.
     */
    public boolean namesPrerelease() {
        if (operator == Operator.NOT_EQUAL || (operator == Operator.EQUAL && wildcard) || version == null) {
            return false;
        }
        return version.isPrerelease();
    }

    // ------------------------------------------------------------------------------------------ matching

    /**
     * Whether {@code candidate} satisfies this specifier, pre-releases included (a single version has no
     * alternatives, so PEP 440 lets a pre-release match, as packaging 26 does).
     */
    public boolean contains(Version candidate) {
        return matches(candidate);
    }

    /** Whether {@code candidate} satisfies this specifier; pre-releases only when {@code includePrereleases}. */
    public boolean contains(Version candidate, boolean includePrereleases) {
        if (!includePrereleases && candidate.isPrerelease()) {
            return false;
        }
        return matches(candidate);
    }

    /**
     * Whether a version string satisfies this specifier. Under {@code ===} the string is compared as given
     * (ignoring case); otherwise it is parsed, and a string that is not a valid version never matches.
     */
    public boolean contains(String candidate) {
        if (operator == Operator.ARBITRARY) {
            return arbitraryMatches(candidate);
        }
        return Version.tryParse(candidate).map(this::matches).orElse(false);
    }

    boolean arbitraryMatches(String candidate) {
        return candidate.toLowerCase(Locale.ROOT).equals(versionText.toLowerCase(Locale.ROOT));
    }

    /** The bare PEP 440 test, without any pre-release policy. */
    boolean matches(Version v) {
        switch (operator) {
            case GREATER_EQUAL:
                return v.compareTo(version) >= 0;
            case LESS_EQUAL:
                return v.comparePublic(version) <= 0;
            case EQUAL:
                return wildcard ? inPrefix(v) : equalsSpec(v);
            case NOT_EQUAL:
                return !(wildcard ? inPrefix(v) : equalsSpec(v));
            case COMPATIBLE:
                return v.compareTo(version) >= 0 && v.compareTo(high) < 0;
            case LESS:
                return v.compareTo(low) < 0;
            case GREATER:
                if (low != null) {
                    return v.compareTo(low) >= 0;
                }
                // above V, but not V's local versions or post-releases
                if (v.compareTo(version) <= 0) {
                    return false;
                }
                return !(v.compareBase(version) == 0 && v.samePre(version) && (!v.isDevrelease() || v.isPostrelease()));
            case ARBITRARY:
                return arbitraryMatches(v.toString());
            default:
                throw new AssertionError(operator);
        }
    }

    /**
     * Where the versions this specifier matches lie in {@code ascending} (strictly increasing): {@code {from, to,
     * 0}} when they are exactly the positions in {@code [from, to)}, {@code {from, to, 1}} when they are exactly
     * the positions outside it, null when they need not be contiguous ({@code >V} without a bound, {@code ===}).
     * Found by binary search, so it reads {@code O(log n)} versions; agrees with {@link #matches(Version)}
     * because every other operator's test is a comparison with a bound in the version order (or, for
     * {@code <=} and {@code ==} without a local label, in the order of public versions, which that order
     * refines).
     */
    int[] span(List<Version> ascending) {
        int n = ascending.size();
        switch (operator) {
            case GREATER_EQUAL:
                return new int[] {first(ascending, version, false, false), n, 0};
            case LESS_EQUAL:
                return new int[] {0, first(ascending, version, true, true), 0};
            case EQUAL:
            case NOT_EQUAL:
                int inverse = operator == Operator.NOT_EQUAL ? 1 : 0;
                if (wildcard) {
                    return new int[] {first(ascending, low, false, false), first(ascending, high, false, false),
                            inverse};
                }
                return new int[] {first(ascending, version, !hasLocal, false),
                        first(ascending, version, !hasLocal, true), inverse};
            case COMPATIBLE:
                return new int[] {first(ascending, version, false, false), first(ascending, high, false, false), 0};
            case LESS:
                return new int[] {0, first(ascending, low, false, false), 0};
            case GREATER:
                return low == null ? null : new int[] {first(ascending, low, false, false), n, 0};
            default:
                return null;
        }
    }

    /**
     * The first position in {@code ascending} whose version is at least {@code bound} (beyond it when
     * {@code strict}), comparing public versions only when {@code publicOnly}; {@code size()} if none.
     */
    private static int first(List<Version> ascending, Version bound, boolean publicOnly, boolean strict) {
        int lo = 0;
        int hi = ascending.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Version v = ascending.get(mid);
            int c = publicOnly ? v.comparePublic(bound) : v.compareTo(bound);
            if (strict ? c > 0 : c >= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private boolean inPrefix(Version v) {
        return v.compareTo(low) >= 0 && v.compareTo(high) < 0;
    }

    private boolean equalsSpec(Version v) {
        return hasLocal ? v.compareTo(version) == 0 : v.comparePublic(version) == 0;
    }

    // ------------------------------------------------------------------------------------------- identity

    /** Key for equality and ordering in sets. */
    String canonical() {
        String c = canonical;
        if (c == null) {
            if (operator == Operator.ARBITRARY || wildcard) {
                c = operator.symbol() + versionText;
            } else {
                c = operator.symbol()
                        + (operator == Operator.COMPATIBLE ? version.toString() : version.toStringTrimmed());
            }
            canonical = c;
        }
        return c;
    }

    /** Equal when the operators are and the versions are after normalisation (see the class comment). */
    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Specifier && ((Specifier) o).canonical().equals(canonical()));
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    /** The operator and the version as written, without whitespace: {@code >=1.0}. */
    @Override
    public String toString() {
        return operator.symbol() + versionText;
    }
}
