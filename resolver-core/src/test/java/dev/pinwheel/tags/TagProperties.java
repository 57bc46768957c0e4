package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of tags and tag sets.
 *
 * <p>PEP 425: "the compressed tag set {@code py2.py3-none-any} stands for the product of its alternatives".
 * Hence parsing a compressed set and compressing it again must give back the same set, and a tag's text must
 * parse to the same tag. A supported-tag list is a preference order, so ranks must form a total order that
 * agrees with list positions, and the best rank of a file is the minimum rank of its tags.
 */
class TagProperties {

    @Provide
    Arbitrary<String> component() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_').ofMinLength(1).ofMaxLength(8)
                .filter(s -> !Character.isDigit(s.charAt(0)));
    }

    @Provide
    Arbitrary<Set<Tag>> productSet() {
        Arbitrary<List<String>> parts = component().list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        return Combinators.combine(parts, parts, parts).as((is, as, ps) -> {
            Set<Tag> out = new LinkedHashSet<>();
            for (String i : is) {
                for (String a : as) {
                    for (String p : ps) {
                        out.add(new Tag(i, a, p));
                    }
                }
            }
            return out;
        });
    }

    @Property
    void parseAll_ofCompress_isIdentityOnProducts(@ForAll("productSet") Set<Tag> tags) {
        String compressed = Tag.compress(tags);
        assertEquals(tags, Tag.parseAll(compressed));
        // PEP 425 wants sorted alternatives; compress writes them sorted.
        assertEquals(tags, Tag.parseAll(compressed, true));
        assertEquals(compressed, Tag.compress(Tag.parseAll(compressed)));
    }

    @Property
    void parse_ofToString_isIdentity(@ForAll("component") String i, @ForAll("component") String a,
            @ForAll("component") String p) {
        Tag t = new Tag(i, a, p);
        assertEquals(t, Tag.parse(t.toString()));
        assertEquals(t, Tag.parse(t.toString().toUpperCase(java.util.Locale.ROOT)));
    }

    @Provide
    Arbitrary<PythonTarget> target() {
        Arbitrary<Integer> minor = Arbitraries.integers().between(0, 15);
        Arbitrary<List<String>> platforms = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(5, 40),
                        Arbitraries.of("x86_64", "aarch64", "i686", "armv8l", "s390x"))
                        .as((g, arch) -> Platforms.linuxGlibc(2, g, arch)),
                Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of("x86_64", "aarch64"))
                        .as((m, arch) -> Platforms.linuxMusl(1, m, arch)),
                Combinators.combine(Arbitraries.integers().between(10, 15), Arbitraries.integers().between(0, 16),
                        Arbitraries.of("x86_64", "arm64", "i386", "ppc", "ppc64", "intel"))
                        .as((ma, mi, arch) -> Platforms.macos(ma, ma == 10 ? mi : 0, arch)),
                Arbitraries.of("amd64", "x86", "arm64").map(Platforms::windows),
                Arbitraries.just(List.of("any")));
        return Arbitraries.oneOf(
                Combinators.combine(minor, platforms).as((m, p) -> PythonTarget.cpython(3, m, p)),
                Combinators.combine(Arbitraries.integers().between(13, 15), platforms)
                        .as((m, p) -> PythonTarget.cpythonFreeThreaded(3, m, p)),
                Combinators.combine(minor, platforms).as((m, p) -> PythonTarget.pypy(3, m, "pypy3" + m + "_pp73", p)));
    }

    @Property(tries = 200)
    void ranks_areATotalOrderMatchingListPositions(@ForAll("target") PythonTarget target) {
        TagSet set = target.tagSet();
        List<Tag> tags = set.tags();
        assertEquals(new LinkedHashSet<>(tags).size(), tags.size(), "no duplicates");
        assertEquals(target.supportedTags(), tags);
        for (int i = 0; i < tags.size(); i++) {
            assertEquals(OptionalInt.of(i), set.rank(tags.get(i)));
        }
        // distinct tags have distinct ranks, so rank order is total and antisymmetric
        Set<Integer> seen = new java.util.HashSet<>();
        for (Tag t : tags) {
            assertTrue(seen.add(set.rank(t).getAsInt()));
        }
        assertTrue(tags.contains(new Tag("py3", "none", "any")) == (target.major() == 3));
    }

    @Property(tries = 200)
    void bestRank_isTheMinimumRank(@ForAll("target") PythonTarget target,
            @ForAll("productSet") Set<Tag> noise, @ForAll java.util.Random random) {
        TagSet set = target.tagSet();
        List<Tag> fileTags = new ArrayList<>(noise);
        int picks = random.nextInt(4);
        for (int i = 0; i < picks; i++) {
            fileTags.add(set.tags().get(random.nextInt(set.size())));
        }
        OptionalInt expected = fileTags.stream().map(set::rank).filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt).min();
        assertEquals(expected, set.bestRank(fileTags));
        assertEquals(expected.isPresent(), set.isCompatible(fileTags));
    }

    @Property(tries = 100)
    void selectCompatible_isSortedByBestRank(@ForAll("target") PythonTarget target, @ForAll java.util.Random random) {
        TagSet set = target.tagSet();
        List<List<Tag>> things = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Tag> tags = new ArrayList<>();
            for (int j = random.nextInt(3); j >= 0; j--) {
                tags.add(random.nextInt(4) == 0 ? new Tag("xx" + j, "none", "any")
                        : set.tags().get(random.nextInt(set.size())));
            }
            things.add(tags);
        }
        List<List<Tag>> selected = set.selectCompatible(things, t -> t);
        for (int i = 1; i < selected.size(); i++) {
            assertTrue(set.bestRank(selected.get(i - 1)).getAsInt() <= set.bestRank(selected.get(i)).getAsInt());
        }
        assertEquals(things.stream().filter(set::isCompatible).count(), selected.size());
        if (!selected.isEmpty()) {
            assertEquals(set.bestRank(selected.get(0)), set.bestRank(set.best(things, t -> t).orElseThrow()));
        } else {
            assertNotEquals(true, set.best(things, t -> t).isPresent());
        }
    }
}
