package dev.pinwheel.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** Credentials never survive redaction; percent-encoding of page links round-trips through decoding. */
class UrisProperties {
    @Property(tries = 300)
    void redactionRemovesThePassword(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 12) String user,
                                     @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 12) String secret,
                                     @ForAll @AlphaChars @StringLength(min = 0, max = 10) String path) {
        String password = "Zq" + secret + "Qz";
        URI uri = URI.create("https://" + user + ":" + password + "@pkgs.example.org:8443/" + path + "/simple/?x=1#frag");
        String shown = Uris.redact(uri);
        assertFalse(shown.contains(password), shown);
        assertEquals("https://***@pkgs.example.org:8443/" + path + "/simple/?x=1#frag", shown);
        assertEquals(URI.create("https://pkgs.example.org:8443/" + path + "/simple/?x=1#frag"), Uris.withoutUserInfo(uri));
        assertEquals("https://pkgs.example.org:443", Uris.origin(URI.create("HTTPS://" + user + "@PKGS.example.org/")));
    }

    @org.junit.jupiter.api.Test
    void brackets_areEncodedInThePathButKeptAroundAnIpv6Host() {
        assertEquals("a%5Bb%5D", Uris.encodeIllegal("a[b]"));
        assertEquals("https://[::1]:8443/p/a%5B1%5D%20b.whl", Uris.encodeIllegal("https://[::1]:8443/p/a[1] b.whl"));
        assertEquals("a[1].whl", Uris.lastSegment(Uris.resolve(URI.create("https://example.org/simple/p/"), "a[1].whl").orElseThrow()));
    }

    @Property(tries = 300)
    void encodedLinksDecodeToTheOriginalName(@ForAll @StringLength(min = 1, max = 30) String name) {
        // A colon is left out: in a relative reference, `a:b` is the URI with scheme `a` (RFC 3986, 4.2),
        // so an index must write `./a:b`; no distribution file name contains one.
        String clean = name.replace("%", "").replace("#", "").replace("/", "").replace("?", "").replace(":", "");
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
            return;
        }
        String encoded = Uris.encodeIllegal(clean);
        assertTrue(encoded.chars().allMatch(c -> c > 0x20 && c < 0x7f), encoded);
        URI u = Uris.resolve(URI.create("https://example.org/simple/p/"), encoded).orElseThrow();
        assertEquals(clean, Uris.lastSegment(u));
    }
}
