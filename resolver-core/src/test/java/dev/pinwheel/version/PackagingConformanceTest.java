package dev.pinwheel.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every parameter set of pypa/packaging 26's {@code tests/test_version.py} and
 * {@code tests/test_specifiers.py} (copied as JSON into {@code conformance/packaging/}, see the README there)
 * against Pinwheel. Each packaging test name maps to a check below, or to a reason in {@link #SKIPPED}; a test
 * name that is neither fails {@link #everyPackagingTestIsRunOrSkipped()}.
 *
 * <p>packaging's {@code prereleases=} flags (on the set and on the call) map to Pinwheel's explicit choice:
 * the call's flag, else the set's, else the default ({@code contains(v)} / the default policy);
 * {@code True} is {@link PrereleasePolicy#ALLOW} or {@code contains(v, true)}, {@code False} is
 * {@link PrereleasePolicy#DISALLOW} or {@code contains(v, false)}.
 */
class PackagingConformanceTest {

    /** Parameter sets skipped within a test that otherwise runs (4 of TestSpecifier[Set] filter vectors). */
    static final String MIXED_INPUTS =
            "filter input mixing str and Version objects: a Java list holds one type (each kind is run alone)";

    /** Every packaging test, or part of one, that is not run, with the reason. The one place for skips. */
    static final Map<String, String> SKIPPED = Map.ofEntries(
            Map.entry("TestVersion::test_non_string_versions_raise_invalid_version",
                    "None, int, list and bytes inputs: Java's static types rule them out"),
            Map.entry("TestVersion::test_dunder_op_returns_notimplemented",
                    "Python's NotImplemented protocol for comparisons with non-Version objects"),
            Map.entry("TestVersion::test_compare_other",
                    "Python's == against non-Version objects (equals(Object) is checked in VersionTest)"),
            Map.entry("TestVersion::test_base_version_notimplemented_with_non_base_version",
                    "Python's comparison protocol against unrelated classes"),
            Map.entry("test_pickle_specifier_roundtrip", "Python pickle format; specifiers are not Serializable"),
            Map.entry("test_pickle_specifierset_roundtrip", "Python pickle format; sets are not Serializable"),
            Map.entry("test_specifier_construction_is_lazy",
                    "packaging parses lazily; Pinwheel validates eagerly, by design (errors at parse time)"),
            Map.entry("test_specifierset_construction_is_lazy",
                    "packaging parses lazily; Pinwheel validates eagerly, by design"),
            Map.entry("TestSpecifierInternal::test_spec_version_cache_with_arbitrary_equality",
                    "asserts packaging's private one-element cache; Pinwheel parses once at construction"),
            Map.entry("TestSpecifierSet::test_is_subset", "set relations (is_subset) are not part of Pinwheel's API"),
            Map.entry("TestSpecifierSet::test_is_superset", "set relations are not part of Pinwheel's API"),
            Map.entry("TestSpecifierSet::test_is_disjoint", "set relations are not part of Pinwheel's API"),
            Map.entry("TestSpecifierSet::test_set_relations_raise_on_prerelease_policy_mismatch",
                    "set relations are not part of Pinwheel's API"),
            Map.entry("TestSpecifierSet::test_set_relations_require_specifierset",
                    "set relations are not part of Pinwheel's API"),
            Map.entry("TestSpecifierSet::test_set_relations_reject_arbitrary_equality",
                    "set relations are not part of Pinwheel's API"),
            Map.entry("TestIsUnsatisfiable::test_unsatisfiable",
                    "SpecifierSet.is_unsatisfiable (packaging 26.1) is not part of Pinwheel's API yet"),
            Map.entry("TestIsUnsatisfiable::test_satisfiable", "is_unsatisfiable is not part of Pinwheel's API yet"),
            Map.entry("TestIsUnsatisfiable::test_unsatisfiable_prereleases_false",
                    "is_unsatisfiable is not part of Pinwheel's API yet"),
            Map.entry("TestIsUnsatisfiable::test_satisfiable_prereleases_false",
                    "is_unsatisfiable is not part of Pinwheel's API yet"),
            Map.entry("TestIsUnsatisfiable::test_post_release_boundary_unsatisfiable",
                    "is_unsatisfiable is not part of Pinwheel's API yet"),
            Map.entry("TestSpecifierSetToRangeEquivalence::test_contains_equivalent",
                    "compares packaging's private range representation with its own contains()"),
            Map.entry("TestSpecifierSetToRangeEquivalence::test_filter_equivalent",
                    "compares packaging's private range representation with its own filter()"),
            Map.entry("TestSpecifierSetToRangeEquivalence::test_to_specifier_set_roundtrip_matches",
                    "packaging's private range representation"),
            Map.entry("TestSpecifierSetToRangeEquivalence::test_contains_equivalent_with_version_objects",
                    "packaging's private range representation"),
            Map.entry("(parameter sets) " + "mixed str and Version filter inputs", MIXED_INPUTS));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION_REPR = Pattern.compile("<Version\\('(.*)'\\)>");

    private static final Map<String, JsonNode> TESTS = new LinkedHashMap<>();
    private static final Map<String, Consumer<JsonNode>> CHECKS = new LinkedHashMap<>();

    static {
        for (String file : List.of("test_version.json", "test_specifiers.json")) {
            JsonNode root = load(file);
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("tests").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                TESTS.put(e.getKey(), e.getValue());
            }
        }
        versionChecks();
        specifierChecks();
        specifierSetChecks();
    }

    private static JsonNode load(String file) {
        try (InputStream in = PackagingConformanceTest.class.getResourceAsStream("/conformance/packaging/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyPackagingTestIsRunOrSkipped() {
        List<String> unaccounted = TESTS.keySet().stream()
                .filter(t -> !CHECKS.containsKey(t) && !SKIPPED.containsKey(t))
                .collect(Collectors.toList());
        assertEquals(List.of(), unaccounted, "packaging tests with neither a check nor a skip reason");
        List<String> both = CHECKS.keySet().stream().filter(SKIPPED::containsKey).collect(Collectors.toList());
        assertEquals(List.of(), both);
        assertTrue(TESTS.size() > 90, "expected both vector files to load");
    }

    @TestFactory
    Stream<DynamicTest> packagingVectors() {
        return CHECKS.entrySet().stream().filter(e -> TESTS.containsKey(e.getKey())).map(e -> DynamicTest.dynamicTest(
                e.getKey() + " (" + TESTS.get(e.getKey()).size() + " parameter sets)", () -> runAll(e.getKey(),
                        e.getValue())));
    }

    private static void runAll(String name, Consumer<JsonNode> check) {
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (JsonNode params : TESTS.get(name)) {
            try {
                check.accept(params);
            } catch (AssertionError | RuntimeException e) {
                failures.add("#" + i + " " + params + ": " + e.getMessage());
            }
            i++;
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + i + " parameter sets failed:\n"
                    + failures.stream().limit(25).collect(Collectors.joining("\n")));
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static String str(JsonNode p, String field) {
        return p.get(field).asText();
    }

    private static Boolean flag(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asBoolean();
    }

    private static Version v(String s) {
        return Version.parse(s);
    }

    /** A Version object given as its repr, or null for a plain string. */
    private static Version versionObject(JsonNode n) {
        if (n.isObject() && "Version".equals(n.path("type").asText())) {
            Matcher m = VERSION_REPR.matcher(n.get("repr").asText());
            assertTrue(m.matches(), n.toString());
            return v(m.group(1));
        }
        return null;
    }

    private static boolean compare(String op, int c, boolean equal) {
        switch (op) {
            case "<built-in function lt>": return c < 0;
            case "<built-in function le>": return c <= 0;
            case "<built-in function eq>": return equal;
            case "<built-in function ne>": return !equal;
            case "<built-in function ge>": return c >= 0;
            case "<built-in function gt>": return c > 0;
            default: throw new IllegalArgumentException("operator " + op);
        }
    }

    private static PrereleasePolicy policy(Boolean call, Boolean set) {
        Boolean f = call != null ? call : set;
        if (f == null) {
            return PrereleasePolicy.IF_NECESSARY_OR_EXPLICIT;
        }
        return f ? PrereleasePolicy.ALLOW : PrereleasePolicy.DISALLOW;
    }

    private static boolean setContains(SpecifierSet s, String version, Boolean call, Boolean set) {
        Boolean f = call != null ? call : set;
        Optional<Version> parsed = Version.tryParse(version);
        if (parsed.isEmpty()) {
            return s.contains(version);
        }
        return f == null ? s.contains(parsed.get()) : s.contains(parsed.get(), f);
    }

    private static boolean specContains(Specifier s, String version, Boolean call, Boolean set) {
        Boolean f = call != null ? call : set;
        Optional<Version> parsed = Version.tryParse(version);
        if (parsed.isEmpty() || s.operator() == Specifier.Operator.ARBITRARY) {
            return s.contains(version) && (f == null || f || parsed.map(x -> !x.isPrerelease()).orElse(true));
        }
        return f == null ? s.contains(parsed.get()) : s.contains(parsed.get(), f);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Runs a filter vector: all strings, all Version objects, or (mixed) skipped. */
    private static void filterVector(SpecifierSet set, JsonNode input, JsonNode expected, PrereleasePolicy policy) {
        boolean anyObject = false;
        boolean anyString = false;
        for (JsonNode n : input) {
            if (versionObject(n) != null) {
                anyObject = true;
            } else {
                anyString = true;
            }
        }
        if (anyObject && anyString) {
            // MIXED_INPUTS (listed in SKIPPED)
            return;
        }
        if (anyObject) {
            List<Version> in = new ArrayList<>();
            input.forEach(n -> in.add(versionObject(n)));
            List<Version> want = new ArrayList<>();
            expected.forEach(n -> want.add(versionObject(n)));
            List<Version> got = set.filter(in, policy);
            assertEquals(want.stream().map(Version::toString).collect(Collectors.toList()),
                    got.stream().map(Version::toString).collect(Collectors.toList()));
            return;
        }
        List<String> in = strings(input);
        assertEquals(strings(expected), set.filterStrings(in, policy));
        // Where every input is a valid version, the Version filter must agree (=== compares normalised forms,
        // so only when no === is involved)
        boolean allValid = in.stream().allMatch(Version::isValid);
        boolean arbitrary = set.specifiers().stream().anyMatch(s -> s.operator() == Specifier.Operator.ARBITRARY);
        if (allValid && !arbitrary) {
            List<Version> got = set.filter(in.stream().map(Version::parse).collect(Collectors.toList()), policy);
            assertEquals(strings(expected).stream().map(x -> v(x).toString()).collect(Collectors.toList()),
                    got.stream().map(Version::toString).collect(Collectors.toList()));
        }
    }

    // ------------------------------------------------------------------------------------------- version

    private static void versionChecks() {
        CHECKS.put("TestVersion::test_valid_versions", p -> {
            Version x = v(str(p, "version"));
            assertTrue(Version.tryParse(str(p, "version")).isPresent());
            assertEquals(x, v(x.toString()));
        });
        CHECKS.put("TestVersion::test_invalid_versions", p -> {
            String s = str(p, "version");
            InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> Version.parse(s));
            assertEquals(s, e.input());
            assertTrue(e.getMessage().startsWith(e.reason() + "\n"), e.getMessage());
            assertFalse(Version.tryParse(s).isPresent());
        });
        CHECKS.put("TestVersion::test_oversized_version_raises_valueerror",
                p -> assertThrows(InvalidVersionException.class, () -> Version.parse(str(p, "version"))));
        CHECKS.put("TestVersion::test_normalized_versions",
                p -> assertEquals(str(p, "normalized"), v(str(p, "version")).toString()));
        CHECKS.put("TestVersion::test_version_str_repr",
                p -> assertEquals(str(p, "expected"), v(str(p, "version")).toString()));
        CHECKS.put("TestVersion::test_version_hash", p -> {
            Version a = v(str(p, "version"));
            Version b = v(str(p, "version"));
            assertEquals(a.hashCode(), b.hashCode());
            assertEquals(a.hashCode(), v(a.toString()).hashCode());
        });
        CHECKS.put("TestVersion::test_version_public",
                p -> assertEquals(str(p, "public"), v(str(p, "version")).publicVersion().toString()));
        CHECKS.put("TestVersion::test_version_base_version",
                p -> assertEquals(str(p, "base_version"), v(str(p, "version")).baseVersion().toString()));
        CHECKS.put("TestVersion::test_version_epoch",
                p -> assertEquals(p.get("epoch").asLong(), v(str(p, "version")).epoch()));
        CHECKS.put("TestVersion::test_version_release", p -> {
            List<BigInteger> want = new ArrayList<>();
            p.get("release").forEach(n -> want.add(n.bigIntegerValue()));
            Version x = v(str(p, "version"));
            assertEquals(want, x.release());
            for (int i = 0; i < want.size(); i++) {
                assertEquals(want.get(i).longValue(), x.release(i));
            }
        });
        CHECKS.put("TestVersion::test_version_local", p -> assertEquals(
                p.get("local").isNull() ? Optional.empty() : Optional.of(str(p, "local")),
                v(str(p, "version")).local()));
        CHECKS.put("TestVersion::test_version_pre", p -> {
            Optional<PreRelease> pre = v(str(p, "version")).pre();
            if (p.get("pre").isNull()) {
                assertEquals(Optional.empty(), pre);
            } else {
                assertEquals(p.get("pre").get(0).asText(), pre.orElseThrow().kind().label());
                assertEquals(p.get("pre").get(1).asLong(), pre.orElseThrow().number());
            }
        });
        CHECKS.put("TestVersion::test_version_dev", p -> assertEquals(
                p.get("dev").isNull() ? OptionalLong.empty() : OptionalLong.of(p.get("dev").asLong()),
                v(str(p, "version")).dev()));
        CHECKS.put("TestVersion::test_version_post", p -> assertEquals(
                p.get("post").isNull() ? OptionalLong.empty() : OptionalLong.of(p.get("post").asLong()),
                v(str(p, "version")).post()));
        CHECKS.put("TestVersion::test_version_is_prerelease",
                p -> assertEquals(p.get("expected").asBoolean(), v(str(p, "version")).isPrerelease()));
        CHECKS.put("TestVersion::test_version_is_devrelease",
                p -> assertEquals(p.get("expected").asBoolean(), v(str(p, "version")).isDevrelease()));
        CHECKS.put("TestVersion::test_version_is_postrelease",
                p -> assertEquals(p.get("expected").asBoolean(), v(str(p, "version")).isPostrelease()));
        Consumer<JsonNode> comparison = p -> {
            Version l = v(str(p, "left"));
            Version r = v(str(p, "right"));
            int c = l.compareTo(r);
            boolean eq = l.equals(r);
            assertEquals(c == 0, eq, "compareTo consistent with equals");
            assertEquals(Integer.signum(c), -Integer.signum(r.compareTo(l)), "antisymmetric");
            if (eq) {
                assertEquals(l.hashCode(), r.hashCode());
            }
            p.get("op");
        };
        CHECKS.put("TestVersion::test_comparison_true", p -> {
            comparison.accept(p);
            Version l = v(str(p, "left"));
            Version r = v(str(p, "right"));
            assertTrue(compare(p.get("op").get("repr").asText(), l.compareTo(r), l.equals(r)));
        });
        CHECKS.put("TestVersion::test_comparison_false", p -> {
            comparison.accept(p);
            Version l = v(str(p, "left"));
            Version r = v(str(p, "right"));
            assertFalse(compare(p.get("op").get("repr").asText(), l.compareTo(r), l.equals(r)));
        });
        CHECKS.put("test_from_parts", p -> {
            JsonNode a = p.get("args");
            List<Long> rel = new ArrayList<>();
            a.get("release").forEach(n -> rel.add(n.asLong()));
            Version x = Version.of(rel.stream().mapToLong(Long::longValue).toArray());
            if (a.hasNonNull("epoch")) {
                x = x.withEpoch(a.get("epoch").asLong());
            }
            if (a.hasNonNull("pre")) {
                x = x.withPre(PreRelease.Kind.ofLabel(a.get("pre").get(0).asText()), a.get("pre").get(1).asLong());
            }
            if (a.hasNonNull("post")) {
                x = x.withPost(a.get("post").asLong());
            }
            if (a.hasNonNull("dev")) {
                x = x.withDev(a.get("dev").asLong());
            }
            if (a.hasNonNull("local")) {
                x = x.withLocal(Optional.of(a.get("local").asText()));
            }
            assertEquals(v(str(p, "string")), x);
            assertEquals(v(str(p, "string")).toString(), x.toString());
        });
        // The nearest Java equivalent of a pickle round-trip: the normalised string
        CHECKS.put("test_pickle_roundtrip", p -> {
            Version x = v(str(p, "version"));
            Version back = v(x.toString());
            assertEquals(x, back);
            assertEquals(x.toString(), back.toString());
        });
    }

    // ----------------------------------------------------------------------------------------- specifier

    private static void specifierChecks() {
        CHECKS.put("TestSpecifier::test_specifiers_valid", p -> Specifier.parse(str(p, "specifier")));
        CHECKS.put("TestSpecifier::test_specifiers_invalid", p -> {
            String s = str(p, "specifier");
            InvalidSpecifierException e = assertThrows(InvalidSpecifierException.class, () -> Specifier.parse(s));
            assertEquals(s, e.input());
            assertThrows(InvalidSpecifierException.class, () -> SpecifierSet.parse(s));
            assertFalse(Specifier.tryParse(s).isPresent());
        });
        CHECKS.put("TestSpecifier::test_specifiers_normalized", p -> {
            String version = str(p, "version");
            List<String> ops = version.contains("+") ? List.of("==", "!=")
                    : List.of("~=", "==", "!=", "<=", ">=", "<", ">");
            for (String op : ops) {
                Specifier.parse(op + version);
            }
        });
        CHECKS.put("TestSpecifier::test_specifiers_str_and_repr",
                p -> assertEquals(str(p, "expected"), Specifier.parse(str(p, "specifier")).toString()));
        CHECKS.put("TestSpecifier::test_specifiers_hash", p -> assertEquals(
                Specifier.parse(str(p, "specifier")).hashCode(), Specifier.parse(str(p, "specifier")).hashCode()));
        Consumer<JsonNode> specEq = p -> {
            Specifier l = Specifier.parse(str(p, "left"));
            Specifier r = Specifier.parse(str(p, "right"));
            boolean want = "<built-in function eq>".equals(p.get("op").get("repr").asText());
            assertEquals(want, l.equals(r));
            if (l.equals(r)) {
                assertEquals(l.hashCode(), r.hashCode());
            }
        };
        CHECKS.put("TestSpecifier::test_comparison_true", specEq);
        CHECKS.put("TestSpecifier::test_comparison_false", p -> {
            Specifier l = Specifier.parse(str(p, "left"));
            Specifier r = Specifier.parse(str(p, "right"));
            boolean opIsEq = "<built-in function eq>".equals(p.get("op").get("repr").asText());
            assertEquals(!opIsEq, l.equals(r));
        });
        CHECKS.put("TestSpecifier::test_comparison_canonicalizes", p -> {
            assertEquals(Specifier.parse(str(p, "left")), Specifier.parse(str(p, "right")));
            assertEquals(Specifier.parse(str(p, "left")).hashCode(), Specifier.parse(str(p, "right")).hashCode());
        });
        CHECKS.put("TestSpecifier::test_specifiers", p -> {
            Specifier s = Specifier.parse(str(p, "spec_str"));
            boolean want = p.get("expected").asBoolean();
            assertEquals(want, s.contains(str(p, "version")));
            assertEquals(want, s.contains(v(str(p, "version")), true));
            assertEquals(want, SpecifierSet.of(s).contains(v(str(p, "version")), true));
        });
        CHECKS.put("TestSpecifier::test_invalid_version", p -> assertEquals(p.get("expected").asBoolean(),
                Specifier.parse(str(p, "spec_str")).contains(str(p, "version"))));
        CHECKS.put("TestSpecifier::test_specifier_prereleases_set", p -> {
            Specifier s = Specifier.parse(str(p, "specifier"));
            assertEquals(p.get("initial_contains").asBoolean(),
                    specContains(s, str(p, "version"), null, flag(p, "initial_prereleases")));
            assertEquals(p.get("final_contains").asBoolean(),
                    specContains(s, str(p, "version"), null, flag(p, "set_prereleases")));
        });
        CHECKS.put("TestSpecifier::test_arbitrary_equality", p -> assertEquals(p.get("expected").asBoolean(),
                Specifier.parse(str(p, "spec_str")).contains(str(p, "version"))));
        CHECKS.put("TestSpecifier::test_arbitrary_equality_normalization", p -> {
            Specifier s = Specifier.parse(str(p, "spec_str"));
            Version obj = versionObject(p.get("version"));
            boolean got = obj != null ? s.contains(obj) : s.contains(str(p, "version"));
            assertEquals(p.get("expected").asBoolean(), got);
        });
        CHECKS.put("TestSpecifier::test_specifier_prereleases_detection", p -> assertEquals(
                p.get("expected").asBoolean(), Specifier.parse(str(p, "specifier")).namesPrerelease()));
        CHECKS.put("TestSpecifier::test_specifiers_prereleases", p -> assertEquals(p.get("expected").asBoolean(),
                specContains(Specifier.parse(str(p, "specifier")), str(p, "version"), flag(p, "contains_pre"),
                        flag(p, "spec_pre"))));
        CHECKS.put("TestSpecifier::test_specifier_filter", p -> filterVector(
                SpecifierSet.of(Specifier.parse(str(p, "specifier"))), p.get("input"), p.get("expected"),
                policy(flag(p, "prereleases"), flag(p, "specifier_prereleases"))));
        CHECKS.put("TestSpecifier::test_specifier_filter_arbitrary_equality_normalization", p -> filterVector(
                SpecifierSet.of(Specifier.parse(str(p, "specifier"))), p.get("input"), p.get("expected"),
                PrereleasePolicy.ALLOW));
        // Items {"version": "1.0"} and {"version": "2.1a1"} filtered by >=2.0 through a key function
        CHECKS.put("TestSpecifier::test_specifier_filter_with_key", p -> keyFilter(SpecifierSet.parse(">=2.0"), p));
        CHECKS.put("TestSpecifier::test_specifier_operator_property",
                p -> assertEquals(str(p, "op"), Specifier.parse(str(p, "spec")).operator().symbol()));
        CHECKS.put("TestSpecifier::test_specifier_version_property",
                p -> assertEquals(str(p, "version"), Specifier.parse(str(p, "spec")).versionText()));
        CHECKS.put("TestSpecifier::test_length", p -> assertEquals(p.get("expected_length").asInt(),
                SpecifierSet.parse(str(p, "spec_str")).size()));
        CHECKS.put("TestSpecifier::test_iteration", p -> assertEquals(new TreeSet<>(strings(p.get("expected_items"))),
                SpecifierSet.parse(str(p, "spec_str")).specifiers().stream().map(Specifier::toString)
                        .collect(Collectors.toCollection(TreeSet::new))));
        // packaging's cache tests: the observable part is that answers are stable and agree with a fresh parse
        Consumer<JsonNode> stable = p -> {
            Specifier s = Specifier.parse(str(p, "specifier"));
            JsonNode versions = p.has("test_versions") ? p.get("test_versions") : p.get("versions");
            for (JsonNode n : versions) {
                boolean first = s.contains(v(n.asText()), true);
                assertEquals(first, s.contains(v(n.asText()), true));
                assertEquals(first, Specifier.parse(str(p, "specifier")).contains(v(n.asText()), true));
            }
            assertEquals(Specifier.parse(str(p, "specifier")), s);
        };
        CHECKS.put("TestSpecifierInternal::test_spec_version_cache_consistency", stable);
        CHECKS.put("TestSpecifierInternal::test_spec_version_cache_with_wildcards", stable);
        // ~=1.4.2: the first six listed versions match, the rest do not (the test's own comments)
        CHECKS.put("TestSpecifierInternal::test_spec_version_cache_compatible_operator", p -> {
            stable.accept(p);
            Specifier s = Specifier.parse(str(p, "specifier"));
            List<String> all = strings(p.get("versions"));
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i < 6, s.contains(v(all.get(i)), true), all.get(i));
            }
        });
    }

    private static void keyFilter(SpecifierSet set, JsonNode p) {
        keyFilter(set, p, List.of("1.0", "2.1a1"));
    }

    private static void keyFilter(SpecifierSet set, JsonNode p, List<String> versions) {
        List<Map<String, String>> items = versions.stream().map(x -> Map.of("version", x)).collect(Collectors.toList());
        List<Map<String, String>> want = new ArrayList<>();
        p.get("expected_indexes").forEach(n -> want.add(items.get(n.asInt())));
        assertEquals(want, set.filter(items, m -> v(m.get("version")), policy(flag(p, "prereleases"), null)));
    }

    // ------------------------------------------------------------------------------------- specifier set

    private static void specifierSetChecks() {
        CHECKS.put("TestSpecifierSet::test_empty_specifier", p -> {
            String s = str(p, "version");
            assertTrue(SpecifierSet.ANY.contains(v(s)));
            assertTrue(SpecifierSet.ANY.contains(v(s), true));
            assertTrue(SpecifierSet.parse("").contains(s));
        });
        CHECKS.put("TestSpecifierSet::test_empty_specifier_arbitrary_string", p -> {
            assertTrue(SpecifierSet.ANY.contains("foobar"));
            assertEquals(strings(p.get("expected")),
                    SpecifierSet.ANY.filterStrings(strings(p.get("versions")), policy(null, flag(p, "prereleases"))));
        });
        CHECKS.put("TestSpecifierSet::test_empty_specifier_ordering_with_arbitrary", p -> assertEquals(
                strings(p.get("expected")), SpecifierSet.parse("").filterStrings(strings(p.get("versions")),
                        PrereleasePolicy.defaultPolicy())));
        CHECKS.put("TestSpecifierSet::test_specifier_prereleases_explicit", p -> {
            SpecifierSet s = SpecifierSet.parse(str(p, "spec_str"));
            assertEquals(p.get("initial_contains").asBoolean(),
                    setContains(s, str(p, "version"), null, flag(p, "initial_prereleases")));
            assertEquals(p.get("final_contains").asBoolean(),
                    setContains(s, str(p, "version"), null, flag(p, "set_prereleases")));
        });
        CHECKS.put("TestSpecifierSet::test_specifier_contains_installed_prereleases", p -> {
            SpecifierSet s = SpecifierSet.parse(str(p, "specifier"));
            Boolean call = flag(p, "contains_prereleases");
            // installed=True lets an installed pre-release in whatever the flags say
            if (Boolean.TRUE.equals(flag(p, "installed")) && v(str(p, "version")).isPrerelease()) {
                call = true;
            }
            assertEquals(p.get("expected").asBoolean(),
                    setContains(s, str(p, "version"), call, flag(p, "spec_prereleases")));
        });
        CHECKS.put("TestSpecifierSet::test_specifier_filter", p -> filterVector(
                SpecifierSet.parse(str(p, "specifier")), p.get("input"), p.get("expected"),
                policy(flag(p, "prereleases"), flag(p, "specifier_prereleases"))));
        CHECKS.put("TestSpecifierSet::test_specifierset_filter_with_key",
                p -> keyFilter(SpecifierSet.parse(">=2.0"), p));
        // Items {"version": "2.0a1"} and {"version": "2.1"}, the set's flag given at construction
        CHECKS.put("TestSpecifierSet::test_empty_specifierset_filter_with_key",
                p -> keyFilter(SpecifierSet.ANY, p, List.of("2.0a1", "2.1")));
        Consumer<JsonNode> filterBridges = p -> filterVector(SpecifierSet.parse(str(p, "specifier")),
                p.get("input"), p.get("expected"), policy(flag(p, "prereleases"), null));
        CHECKS.put("TestSpecifierSet::test_filter_exclusionary_bridges", filterBridges);
        CHECKS.put("TestSpecifierSet::test_contains_exclusionary_bridges", p -> assertEquals(
                p.get("expected").asBoolean(), setContains(SpecifierSet.parse(str(p, "specifier")),
                        str(p, "version"), flag(p, "prereleases"), null)));
        CHECKS.put("TestSpecifierSet::test_contains_rejects_invalid_specifier",
                p -> assertFalse(SpecifierSet.parse(str(p, "specifier")).contains(str(p, "input"))));
        CHECKS.put("TestSpecifierSet::test_contains_post_release_boundary_intersection", p -> assertEquals(
                p.get("expected").asBoolean(), SpecifierSet.parse(str(p, "spec_str")).contains(v(str(p, "version")))));
        // packaging raises ValueError lazily at contains(); Pinwheel rejects the number at parse time
        CHECKS.put("TestSpecifierSet::test_contains_oversized_version_raises_valueerror",
                p -> assertThrows(InvalidSpecifierException.class, () -> SpecifierSet.parse(str(p, "specifier"))));
        CHECKS.put("TestSpecifierSet::test_contains_arbitrary_equality_contains", p -> assertEquals(
                p.get("expected").asBoolean(), SpecifierSet.parse(str(p, "specifier")).contains(str(p, "version"))));
        CHECKS.put("TestSpecifierSet::test_contains_arbitrary_equality_normalization", p -> {
            SpecifierSet s = SpecifierSet.parse(str(p, "spec_str"));
            Version obj = versionObject(p.get("version"));
            assertEquals(p.get("expected").asBoolean(), obj != null ? s.contains(obj) : s.contains(str(p, "version")));
        });
        CHECKS.put("TestSpecifierSet::test_specifiers_str_and_repr",
                p -> assertEquals(str(p, "expected"), SpecifierSet.parse(str(p, "specifier")).toString()));
        CHECKS.put("TestSpecifierSet::test_specifiers_hash", p -> assertEquals(
                SpecifierSet.parse(str(p, "specifier")).hashCode(), SpecifierSet.parse(str(p, "specifier")).hashCode()));
        CHECKS.put("TestSpecifierSet::test_specifiers_combine", p -> {
            SpecifierSet combined = SpecifierSet.parse(str(p, "left")).and(SpecifierSet.parse(str(p, "right")));
            assertEquals(SpecifierSet.parse(str(p, "expected")), combined);
            assertEquals(SpecifierSet.parse(str(p, "expected")).toString(), combined.toString());
        });
        Consumer<JsonNode> setEq = p -> {
            SpecifierSet l = SpecifierSet.parse(str(p, "left"));
            SpecifierSet r = SpecifierSet.parse(str(p, "right"));
            assertEquals("<built-in function eq>".equals(p.get("op").get("repr").asText()), l.equals(r));
            if (l.equals(r)) {
                assertEquals(l.hashCode(), r.hashCode());
            }
        };
        CHECKS.put("TestSpecifierSet::test_comparison_true", setEq);
        CHECKS.put("TestSpecifierSet::test_comparison_false", p -> {
            SpecifierSet l = SpecifierSet.parse(str(p, "left"));
            SpecifierSet r = SpecifierSet.parse(str(p, "right"));
            assertEquals(!"<built-in function eq>".equals(p.get("op").get("repr").asText()), l.equals(r));
        });
        CHECKS.put("TestSpecifierSet::test_comparison_canonicalizes", p -> {
            assertEquals(SpecifierSet.parse(str(p, "left")), SpecifierSet.parse(str(p, "right")));
            assertEquals(SpecifierSet.parse(str(p, "left")).hashCode(), SpecifierSet.parse(str(p, "right")).hashCode());
        });
        CHECKS.put("TestSpecifierSet::test_comparison_ignores_local", p -> assertEquals(p.get("expected").asBoolean(),
                SpecifierSet.parse(str(p, "specifier")).contains(v(str(p, "version")))));
        // === keeps intersections exact: each version matches the pair iff it matches both
        CHECKS.put("TestSpecifierSet::test_arbitrary_equality_is_intersection_preserving", p -> {
            SpecifierSet a = SpecifierSet.parse(str(p, "spec1"));
            SpecifierSet b = SpecifierSet.parse(str(p, "spec2"));
            SpecifierSet both = a.and(b);
            for (String s : strings(p.get("input_versions"))) {
                assertEquals(a.contains(s) && b.contains(s), both.contains(s), s);
                assertEquals(List.of(), both.filterStrings(List.of(s), PrereleasePolicy.ALLOW)
                        .stream().filter(x -> !(a.contains(x) && b.contains(x))).collect(Collectors.toList()));
            }
        });
        CHECKS.put("TestIsUnsatisfiable::test_contains_identical_across_canonicalization", p -> {
            SpecifierSet s = SpecifierSet.parse(str(p, "spec"));
            SpecifierSet canonical = SpecifierSet.parse(s.toString());
            for (String x : strings(p.get("versions"))) {
                assertEquals(s.contains(v(x)), canonical.contains(v(x)), x);
                assertEquals(s.contains(v(x), false), canonical.contains(v(x), false), x);
            }
        });
        CHECKS.put("test_boundary_closure_short_release", p -> assertEquals(p.get("expected").asBoolean(),
                SpecifierSet.parse(str(p, "spec_str")).contains(v(str(p, "version_str")))));
    }
}
