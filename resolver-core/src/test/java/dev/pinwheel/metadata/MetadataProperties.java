package dev.pinwheel.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of core metadata reading and validation.
 *
 * <p>Core metadata specification: "the practical standard is set by what the standard library
 * {@code email.parser} module can parse using the {@code compat32} policy"; a header's value is the rest of its
 * line and its continuation lines. So writing {@code Name: value} headers and reading them back must give the
 * values back, whatever the header case, line ending or encoding. Validation must report every problem at
 * once (packaging gathers them in one {@code ExceptionGroup}).
 */
class MetadataProperties {
    /** A header to write: a field (or an unknown name) and its value. */
    record Entry(String name, String value) {
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> line = Arbitraries.strings()
                .withCharRange(' ', '~').withChars('é', 'ß', '☃', '\t', '\u2028')
                .ofMaxLength(20);
        Arbitrary<String> first = line.filter(s -> s.isEmpty() || (s.charAt(0) != ' ' && s.charAt(0) != '\t'));
        Arbitrary<String> continuation = Combinators.combine(Arbitraries.of(" ", "\t", "    "), line)
                .as((indent, text) -> indent + text);
        return Combinators.combine(first, continuation.list().ofMaxSize(2))
                .as((f, rest) -> f + rest.stream().map(r -> "\n" + r).collect(Collectors.joining()));
    }

    @Provide
    Arbitrary<List<Entry>> headerBlocks() {
        Arbitrary<MetadataField> fields = Arbitraries.of(MetadataField.values())
                .filter(f -> f.kind() == MetadataField.Kind.SINGLE || f.kind() == MetadataField.Kind.MULTIPLE)
                .filter(f -> f != MetadataField.IMPORT_NAME); // an empty Import-Name is special (PEP 794)
        Arbitrary<String> names = Arbitraries.oneOf(
                Combinators.combine(fields, Arbitraries.of(0, 1, 2)).as((f, c) -> spell(f.header(), c)),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> "X-" + s));
        return Combinators.combine(names, values()).as(Entry::new).list().ofMaxSize(12);
    }

    private static String spell(String header, int style) {
        return style == 0 ? header : style == 1 ? header.toLowerCase(Locale.ROOT) : header.toUpperCase(Locale.ROOT);
    }

    @Property
    void rawParse_roundTripsHeaderValues(@ForAll("headerBlocks") List<Entry> entries,
                                         @ForAll boolean crlf, @ForAll boolean asBytes) {
        String nl = crlf ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder();
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (Entry e : entries) {
            text.append(e.name()).append(": ").append(e.value().replace("\n", nl)).append(nl);
            byKey.computeIfAbsent(e.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(e.value().replace("\n", nl));
        }
        RawMetadata raw = asBytes
                ? RawMetadata.parse(text.toString().getBytes(StandardCharsets.UTF_8), "gen")
                : RawMetadata.parse(text.toString(), "gen");

        Map<String, List<String>> expectedUnparsed = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : byKey.entrySet()) {
            Optional<MetadataField> f = MetadataField.fromHeader(e.getKey());
            if (f.isEmpty() || (f.get().kind() == MetadataField.Kind.SINGLE && e.getValue().size() > 1)) {
                expectedUnparsed.put(e.getKey(), e.getValue());
            } else if (f.get().kind() == MetadataField.Kind.SINGLE) {
                assertEquals(Optional.of(e.getValue().get(0)), raw.single(f.get()), e.getKey());
            } else {
                assertEquals(e.getValue(), raw.list(f.get()), e.getKey());
            }
        }
        assertEquals(expectedUnparsed, raw.unparsed());
        assertEquals(entries.size(), raw.headers().size());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(entries.get(i).name(), raw.headers().get(i).name());
        }
    }

    /** One way to break one field, with the field that must then be reported. */
    enum Defect {
        NAME("Name", "-bad-", true),
        VERSION("Version", "one.two", true),
        SUMMARY("Summary", "two\n lines", false),
        CONTENT_TYPE("Description-Content-Type", "text/html", false),
        LICENSE_EXPRESSION("License-Expression", "MIT OR", false),
        LICENSE_FILE("License-File", "../LICENSE", false),
        REQUIRES_PYTHON("Requires-Python", "NotReal", true),
        REQUIRES_DIST("Requires-Dist", "idna >=", true),
        PROVIDES_EXTRA("Provides-Extra", "not ok", true),
        DYNAMIC("Dynamic", "Version", true),
        IMPORT_NAME("Import-Name", "class", false),
        UNKNOWN("X-Unknown", "value", false);

        final String header;
        final String value;
        final boolean resolverField;

        Defect(String header, String value, boolean resolverField) {
            this.header = header;
            this.value = value;
            this.resolverField = resolverField;
        }
    }

    @Property
    void validation_reportsEveryProblem(@ForAll Set<Defect> defects) {
        StringBuilder text = new StringBuilder("Metadata-Version: 2.6\n");
        if (!defects.contains(Defect.NAME)) {
            text.append("Name: demo\n");
        }
        if (!defects.contains(Defect.VERSION)) {
            text.append("Version: 1.0\n");
        }
        text.append("Requires-Dist: certifi\nSummary: fine\n".replace(
                defects.contains(Defect.SUMMARY) ? "Summary: fine\n" : "\u0000", ""));
        for (Defect d : defects) {
            text.append(d.header).append(": ").append(d.value).append('\n');
        }
        RawMetadata raw = RawMetadata.parse(text.toString(), "gen");

        Set<String> expected = defects.stream().map(d -> d.header.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<MetadataProblem> strict = Metadata.problems(raw, ValidationMode.STRICT);
        assertEquals(expected, strict.stream().map(MetadataProblem::field).collect(Collectors.toSet()));
        assertEquals(defects.size(), strict.size(), strict::toString);

        Set<String> resolverExpected = defects.stream().filter(d -> d.resolverField)
                .map(d -> d.header.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<MetadataProblem> resolution = Metadata.problems(raw, ValidationMode.RESOLUTION);
        assertEquals(resolverExpected, resolution.stream().map(MetadataProblem::field).collect(Collectors.toSet()));
        if (resolverExpected.isEmpty()) {
            Metadata m = Metadata.from(raw, ValidationMode.RESOLUTION);
            assertEquals(defects.size(), m.warnings().size(), m.warnings()::toString);
        }
    }

    @Provide
    Arbitrary<String> licenseExpressions() {
        Arbitrary<String> ids = Arbitraries.of("mit", "MIT", "Apache-2.0", "apache-2.0+", "BSD-3-Clause",
                "gpl-2.0-or-later", "LicenseRef-Own.1", "licenseref-x");
        Arbitrary<String> simple = Combinators.combine(ids, Arbitraries.of("", " WITH Classpath-exception-2.0",
                " with gcc-exception-3.1")).as((a, b) -> a + b);
        return Arbitraries.recursive(() -> simple, inner -> Arbitraries.oneOf(
                Combinators.combine(inner, Arbitraries.of(" and ", " OR ", "  or  "), inner)
                        .as((a, op, b) -> a + op + b),
                inner.map(x -> "( " + x + ")")), 3);
    }

    @Property
    void licenseExpression_normalizationIsIdempotent(@ForAll("licenseExpressions") String expression) {
        LicenseExpression once = LicenseExpression.parse(expression);
        assertEquals(once.toString(), LicenseExpression.parse(once.toString()).toString());
        assertEquals(once.toString(), LicenseExpression.parse(expression.toLowerCase(Locale.ROOT)).toString()
                .replace("LicenseRef-own.1", "LicenseRef-Own.1"));
    }

}
