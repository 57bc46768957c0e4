package dev.pinwheel.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VersionTest {

    private static Version v(String s) {
        return Version.parse(s);
    }

    private static String error(String input) {
        return assertThrows(InvalidVersionException.class, () -> Version.parse(input)).getMessage();
    }

    @Test
    void parse_normalisesEverySpelling() {
        assertEquals("1.0rc1.post2.dev3+ubuntu.1", v(" V1.0-C.1_r2-DEV3+Ubuntu-01\n").toString());
        assertEquals("1.0.post1", v("1.0-1").toString());
        assertEquals("1.0a0", v("1.0alpha").toString());
        assertEquals("1.0b0", v("1.0.beta").toString());
        assertEquals("1.0rc0", v("1.0preview").toString());
        assertEquals("1.0.post0", v("1.0rev").toString());
        assertEquals("1!2.0", v("1!2.0").toString());
        assertEquals("2.0", v("0!2.0").toString());
        assertEquals("1.0+k", v("1.0+\u212a").toString()); // Python's [a-z] with IGNORECASE takes the Kelvin sign
    }

    @Test
    void parse_acceptsPythonWhitespaceOnly() {
        assertEquals("1.0", v("\u00a0\u20031.0\u3000").toString());
        assertFalse(Version.isValid("1.0\u200b")); // zero-width space is not whitespace to Python
    }

    @Test
    void parse_keepsNumbersOfAnyLength() {
        Version big = v("1.0.99999999999999999999");
        assertEquals("1.0.99999999999999999999", big.toString());
        assertEquals(new BigInteger("99999999999999999999"), big.release().get(2));
        assertThrows(ArithmeticException.class, () -> big.release(2));
        assertTrue(big.compareTo(v("1.0.9223372036854775806")) > 0);
        assertTrue(big.compareTo(v("1.1")) < 0);
        assertEquals(v("1.0.99999999999999999999.0"), big);
        assertEquals(v("1.0.99999999999999999999.0").hashCode(), big.hashCode());
        assertEquals(v("9223372036854775807"), v("09223372036854775807"));
        assertTrue(v("9223372036854775807").compareTo(v("9223372036854775806")) > 0);
        assertTrue(v("1.0.dev9223372036854775807").compareTo(v("1.0")) < 0);
    }

    @Test
    void parse_rejectsNumbersLongerThanPython() {
        String n = "1".repeat(4301);
        assertEquals("A version number may have at most 4300 digits, found 4301",
                assertThrows(InvalidVersionException.class, () -> Version.parse(n)).reason());
        assertTrue(Version.isValid("1".repeat(4300)));
    }

    @Test
    void parse_errorMessagesNameTheProblemAndPointAtIt() {
        assertEquals("Expected a version, found an empty string\n\n^", error(""));
        assertEquals("Expected a version number such as `1.0`, found `f`\nfrench toast\n^", error("french toast"));
        assertEquals("Expected a local version label after `+`, found end of input\n1.0+\n    ^", error("1.0+"));
        assertEquals("Expected the end of the version, found `+`\n1.0+a+\n     ^", error("1.0+a+"));
        assertEquals("Expected a release number after the epoch `1!`, found end of input\n1!\n  ^", error("1!"));
        assertEquals("Expected a number or a pre-, post- or dev-release after `.`, found end of input\n1.0.\n   ^",
                error("1.0."));
        assertEquals("Expected the end of the version, found U+0020\n1.0 a1\n   ^", error("1.0 a1"));
        assertEquals("Expected a letter or digit after `.` in the local version label, found end of input\n"
                + "1.0+abc.\n        ^", error("1.0+abc."));
    }

    @Test
    void tryParse_returnsEmptyForInvalidAndNull() {
        assertEquals(Optional.empty(), Version.tryParse("1.0+"));
        assertEquals(Optional.empty(), Version.tryParse(null));
        assertEquals(Optional.of(v("1.0")), Version.tryParse("1.0"));
    }

    @Test
    void accessors() {
        Version x = v("2!1.2.3rc4.post5.dev6+abc.7");
        assertEquals(2, x.epoch());
        assertEquals(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3)), x.release());
        assertEquals(3, x.releaseSize());
        assertEquals(0, x.release(7));
        assertEquals(Optional.of(new PreRelease(PreRelease.Kind.RC, 4)), x.pre());
        assertEquals(OptionalLong.of(5), x.post());
        assertEquals(OptionalLong.of(6), x.dev());
        assertEquals(Optional.of("abc.7"), x.local());
        assertTrue(x.isPrerelease() && x.isPostrelease() && x.isDevrelease() && x.hasLocal());
        assertEquals("2!1.2.3rc4.post5.dev6", x.publicVersion().toString());
        assertEquals("2!1.2.3", x.baseVersion().toString());
    }

    @Test
    void builders() {
        assertEquals("1!1.2a3.post4.dev5+x.y",
                Version.of(1, 2).withEpoch(1).withPre(PreRelease.Kind.A, 3).withPost(4).withDev(5)
                        .withLocal(Optional.of("X-y")).toString());
        assertEquals("1.2", v("1.2.post4.dev5").withoutPost().withoutDev().toString());
        assertEquals("3.4", v("1.2").withRelease(3, 4).toString());
        assertThrows(InvalidVersionException.class, () -> Version.of(1).withLocal(Optional.of("a+b")));
        assertThrows(IllegalArgumentException.class, () -> Version.of());
        assertThrows(IllegalArgumentException.class, () -> Version.of(-1));
    }

    @Test
    void ordering_followsTheSpecification() {
        List<String> ascending = List.of("1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0a1.post1.dev1", "1.0a1.post1",
                "1.0b1", "1.0rc1", "1.0", "1.0+abc", "1.0+abc.1", "1.0+1", "1.0+2", "1.0.post1.dev1", "1.0.post1",
                "1.0.1", "1!0.1");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertTrue(v(ascending.get(i)).compareTo(v(ascending.get(i + 1))) < 0,
                    ascending.get(i) + " < " + ascending.get(i + 1));
        }
    }

    @Test
    void equals_ignoresTrailingZerosAndLeadingZeros() {
        assertEquals(v("1.0"), v("1.0.0.0"));
        assertEquals(v("1.0").hashCode(), v("1.0.0.0").hashCode());
        assertEquals(v("1.0+01"), v("1.0+1"));
        assertNotEquals(v("1.0+a"), v("1.0"));
        assertNotEquals(v("1.0"), "1.0");
        assertEquals("1.0.0", v("1.0.0").toString()); // but the written form is kept
    }
}
