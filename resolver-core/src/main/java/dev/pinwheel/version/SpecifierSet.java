package dev.pinwheel.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A comma-separated conjunction of version {@link Specifier specifiers}, such as {@code >=1.0,!=1.3.*,<2}, as in
 * the <a href="https://packaging.python.org/en/latest/specifications/version-specifiers/">version specifiers</a>
 * specification (PEP 440) and pypa/packaging 26's {@code SpecifierSet}. The empty set, {@link #ANY}, matches
 * every version.
 *
 * <pre>{@code
 * SpecifierSet s = SpecifierSet.parse(">=1.0, !=1.3.*, <2");
 * s.toString();                                   // "!=1.3.*,<2,>=1.0" (packaging sorts in str())
 * s.contains(Version.parse("1.4"));               // true
 * s.contains(Version.parse("1.5rc1"));            // true: a lone pre-release matches (packaging 26)
 * s.contains(Version.parse("1.5rc1"), false);     // false
 * s.filter(List.of(Version.parse("1.4"), Version.parse("1.5rc1")), PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT);
 *                                                 // [1.4]: a final release matches, so no pre-releases
 * }</pre>
 *
 * <p>Parsing splits on {@code ,}, trims each part and ignores empty parts (so {@code ""} and {@code " , "} are
 * {@link #ANY}), as packaging does. {@link #specifiers()} keeps the written order; {@link #toString()},
 * {@link #equals(Object)} and {@link #hashCode()} use packaging's canonical form: sorted by each specifier's
 * string, duplicates (by {@link Specifier#equals}) removed. Instances are immutable and thread-safe.
 */
public final class SpecifierSet {
    /** The empty set, which matches every version. */
    public static final SpecifierSet ANY = new SpecifierSet(new Specifier[0]);

    private static final int[] NO_INTS = new int[0];
    private static final Specifier[] NO_SPECIFIERS = new Specifier[0];

    private final Specifier[] specs;
    private List<Specifier> canonical;
    private final boolean namesPrerelease;
    private int hash;

    private SpecifierSet(Specifier[] specs) {
        this.specs = specs;
        boolean names = false;
        for (Specifier s : specs) {
            names |= s.namesPrerelease();
        }
        this.namesPrerelease = names;
    }

    /** Sorted by string, duplicates removed; computed on first use (a benign race on an immutable list). */
    private List<Specifier> canonical() {
        List<Specifier> c = canonical;
        if (c == null) {
            Map<String, Specifier> unique = new LinkedHashMap<>();
            Specifier[] sorted = specs.clone();
            Arrays.sort(sorted, Comparator.comparing(Specifier::toString));
            for (Specifier s : sorted) {
                unique.putIfAbsent(s.canonical(), s);
            }
            c = List.copyOf(unique.values());
            canonical = c;
        }
        return c;
    }

    /**
     * Parses a comma-separated list of specifiers; empty parts are ignored.
     *
     * @throws InvalidSpecifierException if a part is not a valid specifier (the caret points into the whole
     *                                   input)
     */
    public static SpecifierSet parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Specifier> out = new ArrayList<>(2);
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            if (!isBlank(text, start, end)) {
                out.add(Specifier.parse(text, start, end));
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return out.isEmpty() ? ANY : new SpecifierSet(out.toArray(new Specifier[0]));
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    public static Optional<SpecifierSet> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (InvalidSpecifierException e) {
            return Optional.empty(); // the lenient variant: the error is the answer
        }
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Version.isPythonSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The set of these specifiers, in this order. */
    public static SpecifierSet of(Specifier... specifiers) {
        return of(Arrays.asList(specifiers));
    }

    /** The set of these specifiers, in this order. */
    public static SpecifierSet of(Collection<Specifier> specifiers) {
        if (specifiers.isEmpty()) {
            return ANY;
        }
        Specifier[] a = specifiers.toArray(new Specifier[0]);
        for (Specifier s : a) {
            Objects.requireNonNull(s, "specifier");
        }
        return new SpecifierSet(a);
    }

    /** The conjunction of this set and {@code other}: its specifiers followed by {@code other}'s. */
    public SpecifierSet and(SpecifierSet other) {
        if (other.specs.length == 0) {
            return this;
        }
        if (specs.length == 0) {
            return other;
        }
        Specifier[] a = Arrays.copyOf(specs, specs.length + other.specs.length);
        System.arraycopy(other.specs, 0, a, specs.length, other.specs.length);
        return new SpecifierSet(a);
    }

    /** The specifiers in the order written. */
    public List<Specifier> specifiers() {
        return List.of(specs);
    }

    /** Whether this is the empty set, which matches everything. */
    public boolean isEmpty() {
        return specs.length == 0;
    }

    /** How many specifiers were given (duplicates included). */
    public int size() {
        return specs.length;
    }

    /**
     * Whether some specifier names a pre-release ({@link Specifier#namesPrerelease()}), which lets
     * pre-releases in under {@link PrereleasePolicy#EXPLICIT} and the default policy.
     */
    public boolean namesPrerelease() {
        return namesPrerelease;
    }

    // ------------------------------------------------------------------------------------------ matching

    /**
     * Whether {@code candidate} satisfies every specifier. Pre-releases are included, as in packaging 26's
     * {@code SpecifierSet.contains} without a {@code prereleases} argument: a single version has no
     * alternatives, so PEP 440 lets a pre-release match. Use {@link #filter} to choose among candidates.
     */
    public boolean contains(Version candidate) {
        for (Specifier s : specs) {
            if (!s.matches(candidate)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The positions in {@code ascending} of the versions that satisfy every specifier, in increasing order:
     * the positions {@code i} where {@code contains(ascending.get(i))}, pre-releases included. For a list in
     * strictly increasing {@linkplain Version#compareTo order} (a project's versions, one per distinct
     * version), the bounds of {@code >=}, {@code <=}, {@code <}, {@code ~=}, {@code ==} and {@code !=} are
     * found by binary search, so only the versions that {@code >V} (without a pre- or post-release bound) and
     * {@code ===} must test are read one by one. For a list in any other order the result is unspecified.
     *
     * <pre>{@code
     * SpecifierSet.parse(">=1.1,!=1.3").matchIndexes(List.of(v("1.0"), v("1.1"), v("1.2"), v("1.3"), v("2.0")));
     *     // [1, 2, 4]
     * }</pre>
     */
    public int[] matchIndexes(List<Version> ascending) {
        Objects.requireNonNull(ascending, "ascending");
        int from = 0;
        int to = ascending.size();
        int[] holes = NO_INTS; // [start, end) pairs excluded by != specifiers
        Specifier[] tested = NO_SPECIFIERS; // specifiers whose matches need not be contiguous
        for (Specifier s : specs) {
            int[] span = s.span(ascending);
            if (span == null) {
                tested = Arrays.copyOf(tested, tested.length + 1);
                tested[tested.length - 1] = s;
            } else if (span[2] == 0) {
                from = Math.max(from, span[0]);
                to = Math.min(to, span[1]);
            } else if (span[0] < span[1]) {
                holes = Arrays.copyOf(holes, holes.length + 2);
                holes[holes.length - 2] = span[0];
                holes[holes.length - 1] = span[1];
            }
        }
        if (from >= to) {
            return NO_INTS;
        }
        int[] out = new int[to - from];
        int k = 0;
        next:
        for (int i = from; i < to; i++) {
            for (int h = 0; h < holes.length; h += 2) {
                if (i >= holes[h] && i < holes[h + 1]) {
                    continue next;
                }
            }
            for (Specifier s : tested) {
                if (!s.matches(ascending.get(i))) {
                    continue next;
                }
            }
            out[k++] = i;
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** Whether {@code candidate} satisfies every specifier; a pre-release only when {@code includePrereleases}. */
    public boolean contains(Version candidate, boolean includePrereleases) {
        if (!includePrereleases && candidate.isPrerelease()) {
            return false;
        }
        return contains(candidate);
    }

    /**
     * Whether a version string satisfies every specifier, as packaging's {@code contains} given a string:
     * {@code ===} compares the string as given (ignoring case); the other operators parse it, and a string that
     * is not a valid version never matches them. The empty set matches any string.
     */
    public boolean contains(String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        if (specs.length == 0) {
            return true;
        }
        Optional<Version> v = Version.tryParse(candidate);
        for (Specifier s : specs) {
            boolean ok = s.operator() == Specifier.Operator.ARBITRARY
                    ? s.arbitraryMatches(candidate)
                    : v.isPresent() && s.matches(v.get());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The candidates that satisfy every specifier, in their given order, with pre-releases admitted according
     * to {@code policy} (see {@link PrereleasePolicy}). With the default policy this is packaging's
     * {@code SpecifierSet.filter(candidates)}: pre-releases only when a specifier names one or when no final
     * release matches.
     *
     * <pre>{@code
     * SpecifierSet.parse(">=1.0").filter(List.of(v("0.9"), v("1.0"), v("2.0b1")), PrereleasePolicy.defaultPolicy());
     *     // [1.0]
     * SpecifierSet.parse(">=1.5").filter(List.of(v("0.9"), v("1.0"), v("2.0b1")), PrereleasePolicy.defaultPolicy());
     *     // [2.0b1]: no final release matches
     * }</pre>
     */
    public List<Version> filter(Collection<Version> candidates, PrereleasePolicy policy) {
        return filter(candidates, Function.identity(), policy);
    }

    /** {@link #filter(Collection, PrereleasePolicy)} over a stream (which it consumes). */
    public List<Version> filter(Stream<Version> candidates, PrereleasePolicy policy) {
        return filter(candidates.collect(Collectors.toList()), policy);
    }

    /**
     * {@link #filter(Collection, PrereleasePolicy)} for items that carry a version (such as candidates of a
     * project): keeps the items whose version satisfies the set, in order, under {@code policy}.
     */
    public <T> List<T> filter(Collection<T> items, Function<? super T, Version> versionOf, PrereleasePolicy policy) {
        Objects.requireNonNull(versionOf, "versionOf");
        List<T> matched = new ArrayList<>();
        List<Version> versions = new ArrayList<>();
        for (T item : items) {
            Version v = versionOf.apply(item);
            if (contains(v)) {
                matched.add(item);
                versions.add(v);
            }
        }
        return applyPolicy(matched, versions, policy);
    }

    /**
     * Filters raw version strings as packaging's {@code SpecifierSet.filter} does with strings: a string is kept
     * when {@link #contains(String)} holds, so strings that are not valid versions survive only the empty set
     * and {@code ===}; pre-releases are then admitted under {@code policy}, and strings that are not valid
     * versions count as neither final nor pre-release (they are never dropped by the policy).
     */
    public List<String> filterStrings(Collection<String> versions, PrereleasePolicy policy) {
        List<String> matched = new ArrayList<>();
        List<Version> parsed = new ArrayList<>();
        for (String s : versions) {
            if (contains(s)) {
                matched.add(s);
                parsed.add(Version.tryParse(s).orElse(null));
            }
        }
        return applyPolicy(matched, parsed, policy);
    }

    /** Drops pre-releases from {@code matched} as {@code policy} says; {@code versions[i]} may be null. */
    private <T> List<T> applyPolicy(List<T> matched, List<Version> versions, PrereleasePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        boolean dropPre;
        switch (policy) {
            case ALLOW:
                dropPre = false;
                break;
            case DISALLOW:
                dropPre = true;
                break;
            case IF_NECESSARY:
                dropPre = anyFinal(versions);
                break;
            case EXPLICIT:
                dropPre = !namesPrerelease;
                break;
            case IF_NECESSARY_OR_EXPLICIT:
                dropPre = !namesPrerelease && anyFinal(versions);
                break;
            default:
                throw new AssertionError(policy);
        }
        if (!dropPre) {
            return matched;
        }
        List<T> out = new ArrayList<>(matched.size());
        for (int i = 0; i < matched.size(); i++) {
            Version v = versions.get(i);
            if (v == null || !v.isPrerelease()) {
                out.add(matched.get(i));
            }
        }
        return out;
    }

    private static boolean anyFinal(List<Version> versions) {
        for (Version v : versions) {
            if (v != null && !v.isPrerelease()) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------- identity

    /** Equal when the canonical forms are (sorted, duplicates removed, see the class comment). */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof SpecifierSet)) {
            return false;
        }
        return canonical().equals(((SpecifierSet) o).canonical());
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = canonical().hashCode();
            hash = h;
        }
        return h;
    }

    /**
     * packaging's {@code str()}: the specifiers sorted by their strings, duplicates removed, joined by
     * {@code ,}; the empty string for {@link #ANY}.
     */
    @Override
    public String toString() {
        return canonical().stream().map(Specifier::toString).collect(Collectors.joining(","));
    }
}
