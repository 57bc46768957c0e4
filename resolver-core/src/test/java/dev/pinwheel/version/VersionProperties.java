package dev.pinwheel.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of PEP 440 versions. The specification: "the release segment ... comparison ... as if padded with
 * zeros", and every version MUST have one normalised form that parses back to an equal version; ordering is
 * total.
 */
class VersionProperties {

    @Provide
    static Arbitrary<Version> versions() {
        return VersionGenerators.canonicalStrings().map(Version::parse);
    }

    @Property
    void normalisedFormParsesBackToAnEqualVersion(@ForAll("versions") Version v) {
        Version back = Version.parse(v.toString());
        assertEquals(v, back);
        assertEquals(v.toString(), back.toString());
        assertEquals(v.hashCode(), back.hashCode());
    }

    @Property
    void everySpellingNormalisesToTheSameVersion(@ForAll("spellings") List<String> pair) {
        Version canonical = Version.parse(pair.get(0));
        Version spelled = Version.parse(pair.get(1));
        assertEquals(canonical, spelled, pair.toString());
        assertEquals(canonical.toString(), spelled.toString());
    }

    @Provide
    static Arbitrary<List<String>> spellings() {
        return VersionGenerators.canonicalStrings().flatMap(c -> VersionGenerators.respell(c).map(s -> List.of(c, s)));
    }

    @Property
    void compareToIsAntisymmetricAndConsistentWithEquals(@ForAll("versions") Version a, @ForAll("versions") Version b) {
        int ab = Integer.signum(a.compareTo(b));
        assertEquals(-ab, Integer.signum(b.compareTo(a)));
        assertEquals(ab == 0, a.equals(b));
        if (ab == 0) {
            assertEquals(a.hashCode(), b.hashCode());
        }
    }

    @Property
    void compareToIsTransitive(@ForAll("versions") Version a, @ForAll("versions") Version b,
            @ForAll("versions") Version c) {
        Version[] s = {a, b, c};
        java.util.Arrays.sort(s);
        assertTrue(s[0].compareTo(s[1]) <= 0);
        assertTrue(s[1].compareTo(s[2]) <= 0);
        assertTrue(s[0].compareTo(s[2]) <= 0);
    }

    @Property
    void trailingZerosDoNotCount(@ForAll("versions") Version v) {
        String padded = v.toString().replaceFirst("^((?:\\d+!)?\\d+(?:\\.\\d+)*)", "$1.0.0");
        Version p = Version.parse(padded);
        assertEquals(v, p);
        assertEquals(v.hashCode(), p.hashCode());
        assertEquals(0, p.compareTo(v));
    }

    @Property
    void publicAndBaseVersionsDropTheirSegments(@ForAll("versions") Version v) {
        assertFalse(v.publicVersion().hasLocal());
        assertTrue(v.publicVersion().compareTo(v) <= 0);
        Version base = v.baseVersion();
        assertFalse(base.isPrerelease() || base.isPostrelease() || base.hasLocal());
        assertEquals(v.isDevrelease() || v.publicVersion().toString().matches(".*\\d(a|b|rc)\\d.*"), v.isPrerelease());
    }

    @Property
    void numbersBeyondLongCompareNumerically(@ForAll("versions") Version v) {
        Version huge = Version.parse(v.baseVersion() + ".99999999999999999999999");
        assertTrue(huge.compareTo(v.baseVersion()) > 0);
        assertEquals(huge, Version.parse(huge.toString()));
    }
}
