package dev.pinwheel.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.PreRelease;
import dev.pinwheel.version.Version;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Round trips of distribution file names. PEP 427: a wheel file name is {@code
 * {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}; composing one from its
 * parts and parsing it must give back the same parts. PEP 625 likewise for {@code {name}-{version}.tar.gz}.
 */
class FilenameProperties {

    @Provide
    Arbitrary<PackageName> name() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric()
                .ofMinLength(1).ofMaxLength(6);
        return Combinators.combine(word.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of("-", "_", ".", "--", "._"))
                .as((words, sep) -> PackageName.parse(String.join(sep, words)));
    }

    @Provide
    Arbitrary<Version> version() {
        Arbitrary<Version> release = Arbitraries.longs().between(0, 3000).array(long[].class).ofMinSize(1).ofMaxSize(4)
                .map(Version::of);
        return Combinators.combine(release, Arbitraries.integers().between(0, 5), Arbitraries.longs().between(0, 20))
                .as((v, kind, n) -> {
                    switch (kind) {
                        case 1:
                            return v.withPre(PreRelease.Kind.values()[(int) (n % PreRelease.Kind.values().length)], n);
                        case 2:
                            return v.withPost(n);
                        case 3:
                            return v.withDev(n);
                        case 4:
                            return v.withEpoch(n + 1);
                        default:
                            return v;
                    }
                });
    }

    @Provide
    Arbitrary<Optional<BuildTag>> buildTag() {
        Arbitrary<BuildTag> tag = Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(4)).as(BuildTag::new);
        return tag.optional();
    }

    @Provide
    Arbitrary<Set<Tag>> tags() {
        Arbitrary<List<String>> interp = Arbitraries.of("py2", "py3", "cp312", "pp310", "graalpy311", "_x")
                .list().ofMinSize(1).ofMaxSize(2).uniqueElements();
        Arbitrary<List<String>> abi = Arbitraries.of("none", "abi3", "cp312", "cp313t").list().ofMinSize(1)
                .ofMaxSize(2).uniqueElements();
        Arbitrary<List<String>> plat = Arbitraries.of("any", "win_amd64", "manylinux_2_17_x86_64",
                "manylinux2014_x86_64", "macosx_11_0_arm64").list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        return Combinators.combine(interp, abi, plat).as((is, as, ps) -> {
            Set<Tag> out = new LinkedHashSet<>();
            is.forEach(i -> as.forEach(a -> ps.forEach(p -> out.add(new Tag(i, a, p)))));
            return out;
        });
    }

    @Property
    void wheel_composeThenParse_roundTrips(@ForAll("name") PackageName name, @ForAll("version") Version version,
            @ForAll("buildTag") Optional<BuildTag> build, @ForAll("tags") Set<Tag> tags) {
        WheelFilename composed = WheelFilename.of(name, version, build, tags);
        WheelFilename parsed = WheelFilename.parse(composed.filename(), true);
        assertEquals(composed, parsed);
        assertEquals(name, parsed.name());
        assertEquals(version, parsed.version());
        assertEquals(build, parsed.buildTag());
        assertEquals(tags, parsed.tags());
        assertEquals(composed.filename(), parsed.filename());
        assertEquals(parsed, DistributionFilename.parse(composed.filename()));
        // composing from a parsed name is stable
        assertEquals(composed.filename(),
                WheelFilename.of(parsed.name(), parsed.version(), parsed.buildTag(), parsed.tags()).filename());
    }

    @Property
    void sdist_composeThenParse_roundTrips(@ForAll("name") PackageName name, @ForAll("version") Version version) {
        SdistFilename composed = SdistFilename.of(name, version);
        assertEquals(composed, SdistFilename.parse(composed.filename()));
        assertEquals(composed, SdistFilename.parse(composed.filename(), name));
        assertEquals(version, SdistFilename.parse(composed.filename()).version());
        assertEquals(name, SdistFilename.parse(composed.filename()).name());
        assertEquals(true, composed.isPep625());
    }

    @Property
    void sdist_legacyDashedName_parsesWithKnownProject(@ForAll("name") PackageName name,
            @ForAll("version") Version version) {
        // A legacy sdist keeps the project's own spelling, dashes included.
        String filename = name.original() + "-" + version + ".tar.gz";
        SdistFilename s = SdistFilename.parse(filename, name);
        assertEquals(name, s.name());
        assertEquals(version, s.version());
        assertEquals(s, SdistFilename.parse(filename));
    }
}
