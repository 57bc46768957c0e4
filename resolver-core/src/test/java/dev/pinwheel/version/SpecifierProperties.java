package dev.pinwheel.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of PEP 440 specifiers. The specification: {@code >=V} and {@code <=V} are "inclusive ordered
 * comparisons" by the version ordering (with {@code <=V} admitting {@code V}'s local versions); {@code ==V}
 * without a local label "MUST ignore the local label of the candidate"; {@code !=} is "the inverse of version
 * matching"; pre-releases are excluded "by default", unless only pre-releases match or a specifier names one.
 */
class SpecifierProperties {

    @Provide
    static Arbitrary<Version> versions() {
        return VersionGenerators.small();
    }

    @Provide
    static Arbitrary<Specifier> specifiers() {
        return VersionGenerators.specifiers();
    }

    @Provide
    static Arbitrary<SpecifierSet> sets() {
        return specifiers().list().ofMaxSize(3).map(SpecifierSet::of);
    }

    @Provide
    static Arbitrary<List<Version>> candidates() {
        return versions().list().ofMaxSize(8);
    }

    @Property
    void greaterEqualIsTheOrdering(@ForAll("versions") Version w, @ForAll("versions") Version v) {
        Version pub = w.publicVersion();
        assertEquals(v.compareTo(pub) >= 0, Specifier.parse(">=" + pub).contains(v));
    }

    @Property
    void lessEqualIsTheOrderingPlusLocalVersions(@ForAll("versions") Version w, @ForAll("versions") Version v) {
        Version pub = w.publicVersion();
        assertEquals(v.compareTo(pub) <= 0 || v.publicVersion().equals(pub), Specifier.parse("<=" + pub).contains(v));
    }

    @Property
    void equalIgnoresTheCandidatesLocalLabelUnlessGiven(@ForAll("versions") Version w, @ForAll("versions") Version v) {
        boolean want = w.hasLocal() ? v.equals(w) : v.publicVersion().equals(w);
        assertEquals(want, Specifier.parse("==" + w).contains(v));
    }

    @Property
    void notEqualIsTheInverseOfEqual(@ForAll("versions") Version w, @ForAll("versions") Version v) {
        assertNotEquals(Specifier.parse("==" + w).contains(v), Specifier.parse("!=" + w).contains(v));
        String prefix = w.baseVersion() + ".*";
        assertNotEquals(Specifier.parse("==" + prefix).contains(v), Specifier.parse("!=" + prefix).contains(v));
    }

    @Property
    void exclusiveComparisonsAreStrict(@ForAll("versions") Version w, @ForAll("versions") Version v) {
        Version pub = w.publicVersion();
        if (Specifier.parse("<" + pub).contains(v)) {
            assertTrue(v.compareTo(pub) < 0);
        }
        if (Specifier.parse(">" + pub).contains(v)) {
            assertTrue(v.compareTo(pub) > 0);
        }
    }

    @Property
    void lowerBoundsAreMonotonic(@ForAll("versions") Version w, @ForAll("versions") Version a,
            @ForAll("versions") Version b) {
        Version lo = a.compareTo(b) <= 0 ? a : b;
        Version hi = a.compareTo(b) <= 0 ? b : a;
        for (String op : List.of(">=", ">")) {
            Specifier s = Specifier.parse(op + w.publicVersion());
            if (s.contains(lo)) {
                assertTrue(s.contains(hi), s + " holds for " + lo + " but not " + hi);
            }
        }
    }

    @Property
    void excludingPrereleasesOnlyRemovesPrereleases(@ForAll("sets") SpecifierSet s, @ForAll("versions") Version v) {
        assertEquals(s.contains(v) && !v.isPrerelease(), s.contains(v, false));
        assertEquals(s.contains(v), s.contains(v, true));
    }

    @Property
    void andIsConjunction(@ForAll("sets") SpecifierSet a, @ForAll("sets") SpecifierSet b,
            @ForAll("versions") Version v) {
        assertEquals(a.contains(v) && b.contains(v), a.and(b).contains(v));
    }

    @Property
    void canonicalStringParsesBackToAnEqualSet(@ForAll("sets") SpecifierSet s, @ForAll("versions") Version v) {
        SpecifierSet back = SpecifierSet.parse(s.toString());
        assertEquals(s, back);
        assertEquals(s.hashCode(), back.hashCode());
        assertEquals(s.contains(v), back.contains(v));
        assertEquals(s.toString(), back.toString());
    }

    @Property
    void filterLaws(@ForAll("sets") SpecifierSet s, @ForAll("candidates") List<Version> candidates) {
        List<Version> matching = candidates.stream().filter(s::contains).collect(Collectors.toList());
        List<Version> finals = matching.stream().filter(v -> !v.isPrerelease()).collect(Collectors.toList());
        assertEquals(matching, s.filter(candidates, PrereleasePolicy.ALLOW));
        assertEquals(finals, s.filter(candidates, PrereleasePolicy.DISALLOW));
        List<Version> ifNecessary = finals.isEmpty() ? matching : finals;
        assertEquals(ifNecessary, s.filter(candidates, PrereleasePolicy.IF_NECESSARY));
        assertEquals(s.namesPrerelease() ? matching : finals, s.filter(candidates, PrereleasePolicy.EXPLICIT));
        assertEquals(s.namesPrerelease() ? matching : ifNecessary,
                s.filter(candidates, PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT));
        for (PrereleasePolicy p : PrereleasePolicy.values()) {
            List<Version> once = s.filter(candidates, p);
            assertEquals(once, s.filter(once, p), "idempotent under " + p);
            List<Version> reversed = new ArrayList<>(candidates);
            java.util.Collections.reverse(reversed);
            List<Version> fromReversed = new ArrayList<>(s.filter(reversed, p));
            java.util.Collections.reverse(fromReversed);
            assertEquals(once, fromReversed, "order of candidates only orders the result under " + p);
        }
    }

    @Property
    void filterStringsAgreesWithFilterOnValidVersions(@ForAll("sets") SpecifierSet s,
            @ForAll("candidates") List<Version> candidates) {
        List<String> strings = candidates.stream().map(Version::toString).collect(Collectors.toList());
        for (PrereleasePolicy p : PrereleasePolicy.values()) {
            List<String> viaVersions = s.filter(candidates, p).stream().map(Version::toString)
                    .collect(Collectors.toList());
            // normalised strings: === compares the same text either way
            assertEquals(viaVersions, s.filterStrings(strings, p));
        }
    }

    @Provide
    static Arbitrary<String> specifierLikeStrings() {
        Arbitrary<String> version = VersionGenerators.canonicalStrings()
                .flatMap(VersionGenerators::respell);
        return net.jqwik.api.Combinators.combine(
                net.jqwik.api.Arbitraries.of("==", "!=", "<=", ">=", "<", ">", "~=", "===", "=", "=>", ""),
                net.jqwik.api.Arbitraries.of("", " ", "\t", "\u00a0"), version,
                net.jqwik.api.Arbitraries.of("", "", ".*", "+abc", "+\u212a", ".", "-", " x", ";", ")", "\u0130"))
                .as((op, ws, v, tail) -> op + ws + v.strip() + tail);
    }

    /** A project's versions: distinct in the version order, ascending. */
    @Provide
    static Arbitrary<List<Version>> ascending() {
        return versions().list().ofMaxSize(24).map(vs -> new ArrayList<>(new java.util.TreeSet<>(vs)));
    }

    /** Matching by binary search over an ascending list finds exactly the versions that {@code contains} accepts. */
    @Property(tries = 2000)
    void matchIndexesAreThePositionsContainsAccepts(@ForAll("sets") SpecifierSet set,
                                                    @ForAll("ascending") List<Version> ascending) {
        List<Integer> want = new ArrayList<>();
        for (int i = 0; i < ascending.size(); i++) {
            if (set.contains(ascending.get(i))) {
                want.add(i);
            }
        }
        List<Integer> got = new ArrayList<>();
        for (int i : set.matchIndexes(ascending)) {
            got.add(i);
        }
        assertEquals(want, got, () -> set + " over " + ascending);
    }

    /** The fast parser only accepts what packaging's pattern accepts (and then agrees with the full parser). */
    @Property
    void fastPathNeverAcceptsWhatTheGrammarRejects(@ForAll("specifierLikeStrings") String text) {
        Specifier fast = Specifier.parseFast(text, 0, text.length());
        if (fast != null) {
            assertTrue(Specifier.matchesGrammar(text), text);
        }
        java.util.Optional<Specifier> full = Specifier.tryParse(text);
        if (fast != null) {
            assertEquals(fast.toString(), full.orElseThrow().toString());
        }
        if (!Specifier.matchesGrammar(text)) {
            assertTrue(full.isEmpty(), text);
        }
    }
}
