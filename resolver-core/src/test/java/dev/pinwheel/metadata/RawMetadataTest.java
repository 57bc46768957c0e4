package dev.pinwheel.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The lenient reader, on the email-parser corners that packaging inherits from Python's {@code email} module. */
class RawMetadataTest {
    @Test
    void parse_keepsContinuationLinesVerbatim() {
        RawMetadata raw = RawMetadata.parse("Author: C. Schultz,\n        Los Angeles\nName: x  \n", "t");
        assertEquals(Optional.of("C. Schultz,\n        Los Angeles"), raw.author());
        assertEquals(Optional.of("x  "), raw.name()); // trailing spaces are kept, as packaging keeps them
        assertEquals(OptionalInt.of(3), raw.line(MetadataField.NAME));
    }

    @Test
    void parse_crlfAndLoneCr() {
        RawMetadata raw = RawMetadata.parse("Name: a\r\nVersion: 1\rSummary: s\r\n\r\nbody\r\n", "t");
        assertEquals(Optional.of("a"), raw.name());
        assertEquals(Optional.of("1"), raw.version());
        assertEquals(Optional.of("s"), raw.summary());
        assertEquals(Optional.of("body\r\n"), raw.description());
    }

    @Test
    void parse_lineWithoutColonStartsTheBody() {
        RawMetadata raw = RawMetadata.parse("Name: a\nthis is text\nVersion: 1\n", "t");
        assertEquals(Optional.of("this is text\nVersion: 1\n"), raw.description());
        assertFalse(raw.has(MetadataField.VERSION));
    }

    @Test
    void parse_descriptionHeaderAndBody_bothUnparsed() {
        RawMetadata raw = RawMetadata.parse("Description: head\n\nbody", "t");
        assertFalse(raw.has(MetadataField.DESCRIPTION));
        assertEquals(Map.of("description", List.of("head", "body")), raw.unparsed());
        assertEquals(Optional.of("Given both as a header and as the message body"), raw.unparsedReason("description"));
    }

    @Test
    void parse_bytes_utf8AndMojibake() {
        byte[] data = "Author: Tarek Ziadé\nMaintainer: ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xc0, 'm', 's'};
        byte[] all = new byte[data.length + bad.length];
        System.arraycopy(data, 0, all, 0, data.length);
        System.arraycopy(bad, 0, all, data.length, bad.length);
        RawMetadata raw = RawMetadata.parse(all, "t");
        assertEquals(Optional.of("Tarek Ziadé"), raw.author());
        assertEquals(Map.of("maintainer", List.of("\u00c0ms")), raw.unparsed());
        assertEquals(Optional.of("Not valid UTF-8"), raw.unparsedReason("maintainer"));
        // Nothing is lost: the ISO-8859-1 reading gives the original bytes back.
        assertEquals(new String(bad, StandardCharsets.ISO_8859_1), raw.unparsed().get("maintainer").get(0));
    }

    @Test
    void parse_bytes_bodyNotUtf8() {
        RawMetadata raw = RawMetadata.parse(new byte[] {'N', 'a', 'm', 'e', ':', ' ', 'a', '\n', '\n', (byte) 0xe9}, "t");
        assertEquals(Map.of("description", List.of("\u00e9")), raw.unparsed());
        assertEquals(Optional.empty(), raw.body());
    }

    @Test
    void parse_ignoredLinesAreKept() {
        RawMetadata raw = RawMetadata.parse("From someone\n continuation\n:no name\nName: a\nFrom x\nVersion: 1\n", "t");
        assertEquals(List.of(
                new RawMetadata.IgnoredLine(1, "From someone", "A Unix envelope line"),
                new RawMetadata.IgnoredLine(2, " continuation", "A continuation line before the first header"),
                new RawMetadata.IgnoredLine(3, ":no name", "A header without a name"),
                new RawMetadata.IgnoredLine(5, "From x", "A misplaced Unix envelope line")), raw.ignoredLines());
        assertEquals(Optional.of("a"), raw.name());
        assertEquals(Optional.of("1"), raw.version());
    }

    @Test
    void parse_headersKeepFileOrderAndSpelling() {
        RawMetadata raw = RawMetadata.parse("NAME: a\nX-Thing: 1\nrequires-dist: b\nX-Thing: 2\n", "t");
        assertEquals(List.of(new RawMetadata.Header("NAME", "a", 1), new RawMetadata.Header("X-Thing", "1", 2),
                new RawMetadata.Header("requires-dist", "b", 3), new RawMetadata.Header("X-Thing", "2", 4)),
                raw.headers());
        assertEquals(Map.of("x-thing", List.of("1", "2")), raw.unparsed());
        assertEquals(OptionalInt.of(2), raw.unparsedLine("x-thing"));
    }

    @Test
    void parse_emptyImportNameIsAnEmptyList() {
        RawMetadata raw = RawMetadata.parse("Import-Name:\n", "t");
        assertTrue(raw.has(MetadataField.IMPORT_NAME));
        assertEquals(List.of(), raw.importNames());
    }

    @Test
    void parse_duplicateProjectUrlLabel_unparsed() {
        RawMetadata raw = RawMetadata.parse("project-url: A, B\nproject-url: A, C", "t");
        assertTrue(raw.fields().isEmpty());
        assertEquals(Map.of("project-url", List.of("A, B", "A, C")), raw.unparsed());
    }

    @Test
    void lineOf_eachRequiresDistValue() {
        RawMetadata raw = RawMetadata.parse("Requires-Dist: a\nSummary: s\nRequires-Dist: b\n", "t");
        assertEquals(OptionalInt.of(1), raw.lineOf(MetadataField.REQUIRES_DIST, 0));
        assertEquals(OptionalInt.of(3), raw.lineOf(MetadataField.REQUIRES_DIST, 1));
    }
}
