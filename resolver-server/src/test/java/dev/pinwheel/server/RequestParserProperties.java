package dev.pinwheel.server;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Laws of the canonical form: the digest depends on the set of requirements, not on their order, repetition,
 * letter case or the separators in names (PEP 503), and the canonical form is a fixed point.
 */
class RequestParserProperties {

    @Provide
    Arbitrary<List<String>> requirementLists() {
        Arbitrary<String> name = Arbitraries.of("django", "requests", "six", "zope-interface", "ruamel.yaml", "a_b");
        Arbitrary<String> spec = Arbitraries.of("", ">=1.0", "<2,>=1", "==1.2.*", "~=3.1", "!=1.5");
        return Combinators.combine(name, spec).as((n, s) -> n + s).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300)
    void digest_isInvariantUnderOrderRepetitionAndNameSpelling(@ForAll("requirementLists") List<String> reqs,
                                                             @ForAll long seed) throws Exception {
        List<String> shuffled = new ArrayList<>(reqs);
        Random random = new Random(seed);
        Collections.shuffle(shuffled, random);
        if (random.nextBoolean()) {
            shuffled.add(shuffled.get(0));
        }
        List<String> respelled = shuffled.stream().map(r -> respell(r, random)).collect(Collectors.toList());
        assertEquals(RequestParserTest.parse(body(reqs)).digest(), RequestParserTest.parse(body(respelled)).digest());
    }

    @Property(tries = 200)
    void canonicalRequirements_areAFixedPoint(@ForAll("requirementLists") List<String> reqs) throws Exception {
        ResolveInput once = RequestParserTest.parse(body(reqs));
        List<String> canonical = once.requirements().stream().map(Object::toString).collect(Collectors.toList());
        ResolveInput twice = RequestParserTest.parse(body(canonical));
        assertEquals(once.canonicalJson(), twice.canonicalJson());
    }

    private static String respell(String requirement, Random random) {
        int end = 0;
        while (end < requirement.length() && "<>=!~".indexOf(requirement.charAt(end)) < 0) {
            end++;
        }
        String name = requirement.substring(0, end);
        String rest = requirement.substring(end);
        String sep = List.of("-", "_", ".", "--").get(random.nextInt(4));
        name = name.replaceAll("[-_.]+", sep);
        name = random.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name;
        return name + (random.nextBoolean() ? " " : "") + rest;
    }

    private static String body(List<String> reqs) {
        return "{\"requirements\": [" + reqs.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", ")) + "]}";
    }
}
