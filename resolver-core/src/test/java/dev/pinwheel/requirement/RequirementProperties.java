package dev.pinwheel.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A requirement's normalised string form reads back to an equal requirement with the same string form
 * (packaging's {@code str(Requirement)} is a canonical PEP 508 spelling).
 */
class RequirementProperties {
    @Provide
    Arbitrary<String> requirements() {
        Arbitrary<String> names = Arbitraries.of("requests", "Django", "zope.interface", "ruamel_yaml", "A.B-c_d",
                "1password", "a", "x_");
        Arbitrary<String> extras = Arbitraries.of("security", "Socks", "test_all", "a.b", "c-d").list().ofMaxSize(3)
                .map(l -> l.isEmpty() ? "" : "[" + String.join(", ", l) + "]");
        Arbitrary<String> specs = Combinators.combine(
                Arbitraries.of("==", "!=", "<=", ">=", "<", ">", "~="),
                Arbitraries.of("1.0", "2.0.1", "1.0a1", "3.1.post2", "0.9.dev3", "2!1.0", "10.4")).as((o, v) -> o + " " + v)
                .list().ofMaxSize(3).map(l -> String.join(", ", l));
        Arbitrary<String> urls = Arbitraries.of("https://example.com/pkg-1.0.tar.gz", "file:///tmp/pkg.whl",
                "git+https://g.example/x.git@v1");
        Arbitrary<String> markers = MarkerProperties.nodes(2).map(n -> n.write(new MarkerProperties.Style(7)));
        Arbitrary<String> tail = Arbitraries.oneOf(specs, specs.map(s -> "(" + s + ")"), urls.map(u -> " @ " + u + " "));
        return Combinators.combine(names, extras, tail, markers.injectNull(0.4)).as((n, e, t, m) -> {
            String base = n + e + t;
            return m == null ? base : base + "; " + m;
        });
    }

    @Property(tries = 1000)
    void toString_roundTrips(@ForAll("requirements") String text) {
        Requirement r = Requirement.parse(text);
        Requirement back = Requirement.parse(r.toString());
        assertEquals(r, back);
        assertEquals(r.toString(), back.toString());
        assertEquals(r.hashCode(), back.hashCode());
    }

    @Property(tries = 200)
    void extras_areNormalisedAndSorted(@ForAll("requirements") String text) {
        Requirement r = Requirement.parse(text);
        for (String extra : r.extras()) {
            assertEquals(dev.pinwheel.name.PackageName.normalize(extra), extra);
        }
        assertEquals(List.copyOf(new java.util.TreeSet<>(r.extras())), List.copyOf(r.extras()));
    }
}
