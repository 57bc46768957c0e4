package dev.pinwheel.version;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random PEP 440 versions for the property tests: canonical strings and equivalent respellings. */
final class VersionGenerators {
    private VersionGenerators() {
    }

    static Arbitrary<String> number() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 12).map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(30)
                        .map(s -> new java.math.BigInteger("1" + s).toString())));
    }

    /** Canonical (normalised) version strings, including long numbers and local labels. */
    static Arbitrary<String> canonicalStrings() {
        Arbitrary<String> epoch = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, number().filter(n -> !n.equals("0")).map(n -> n + "!")));
        Arbitrary<String> release = number().list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        Arbitrary<String> pre = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of("a", "b", "rc"), number())
                        .as((k, n) -> k + n)));
        Arbitrary<String> post = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, number().map(n -> ".post" + n)));
        Arbitrary<String> dev = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, number().map(n -> ".dev" + n)));
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 30).map(String::valueOf),
                Arbitraries.strings().withChars("abcxyz019").ofMinLength(1).ofMaxLength(4)
                        .filter(s -> !s.chars().allMatch(Character::isDigit)));
        Arbitrary<String> local = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, segment.list().ofMinSize(1).ofMaxSize(3).map(l -> "+" + String.join(".", l))));
        return Combinators.combine(epoch, release, pre, post, dev, local).as((e, r, p, po, d, l) -> e + r + p + po + d + l);
    }

    /** An equivalent, non-normalised spelling of a canonical version. */
    static Arbitrary<String> respell(String canonical) {
        return Combinators.combine(Arbitraries.of("", "v", "V", " ", "\t"), Arbitraries.of(".", "-", "_", ""),
                Arbitraries.of(".", "-", "_", ""), Arbitraries.of(true, false), Arbitraries.of("", " ", "\n"),
                Arbitraries.of(true, false))
                .as((prefix, preSep, postSep, upper, suffix, spellOut) -> {
                    int plus = canonical.indexOf('+');
                    String s = plus < 0 ? canonical : canonical.substring(0, plus);
                    String local = plus < 0 ? "" : canonical.substring(plus).replace('.', '_');
                    s = s.replaceFirst("(\\d)(a|b|rc)(\\d)", "$1" + preSep + "$2$3");
                    if (spellOut) {
                        s = s.replaceFirst("(\\d[._-]?)a(\\d)", "$1alpha$2").replaceFirst("(\\d[._-]?)b(\\d)", "$1beta$2")
                                .replaceFirst("(\\d[._-]?)rc(\\d)", "$1c$2")
                                .replace(".post", postSep + "rev").replace(".dev", postSep + "dev");
                    } else {
                        s = s.replace(".post", postSep + "post");
                    }
                    s = s + local;
                    if (upper) {
                        s = s.toUpperCase(Locale.ROOT);
                    }
                    return prefix + s + suffix;
                });
    }

    /** Versions from a small space (numbers 0..3), so that random specifiers and versions often meet. */
    static Arbitrary<Version> small() {
        Arbitrary<String> n = Arbitraries.integers().between(0, 3).map(String::valueOf);
        Arbitrary<String> epoch = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.just("")), net.jqwik.api.Tuple.of(1, Arbitraries.just("1!")));
        Arbitrary<String> release = n.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> pre = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("a", "b", "rc"), n).as((k, x) -> k + x));
        Arbitrary<String> post = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""), n.map(x -> ".post" + x));
        Arbitrary<String> dev = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""), n.map(x -> ".dev" + x));
        Arbitrary<String> local = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""), Arbitraries.just(""),
                Arbitraries.of("+abc", "+1", "+2.x"));
        return Combinators.combine(epoch, release, pre, post, dev, local)
                .as((e, r, p, po, d, l) -> Version.parse(e + r + p + po + d + l));
    }

    /** Valid specifiers over {@link #small()} versions, every operator and form. */
    static Arbitrary<Specifier> specifiers() {
        return Combinators.combine(Arbitraries.of(Specifier.Operator.values()), small(), Arbitraries.of(true, false))
                .as((op, v, wild) -> {
                    Version pub = v.publicVersion();
                    switch (op) {
                        case EQUAL:
                        case NOT_EQUAL:
                            if (wild) {
                                return Specifier.parse(op.symbol() + v.baseVersion() + ".*");
                            }
                            return Specifier.parse(op.symbol() + v);
                        case COMPATIBLE:
                            return Specifier.parse("~=" + (pub.releaseSize() < 2 ? pub.withRelease(pub.release(0), 0)
                                    : pub));
                        case ARBITRARY:
                            return Specifier.parse("===" + v);
                        default:
                            return Specifier.parse(op.symbol() + pub);
                    }
                });
    }
}
