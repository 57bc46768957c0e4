package dev.pinwheel.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SimplePagesTest {
    private static final URI PAGE = URI.create("https://example.org/simple/foo-bar/");
    private static final String H64 = "a".repeat(64);

    private static ParsedPage html(String body) throws PageFormatException {
        return SimplePages.parse(new Response(PAGE, 200, Map.of("content-type", "text/html; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8), false));
    }

    private static ParsedPage json(String body) throws PageFormatException {
        return SimplePages.parse(new Response(PAGE, 200, Map.of("content-type", SimplePages.JSON_V1), body.getBytes(StandardCharsets.UTF_8), false));
    }

    @Test
    void html_readsLinksHashesAndAttributes() throws Exception {
        ParsedPage p = html("<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" content=\"1.1\"></head><body>\n"
                + "<a href=\"../../files/foo_bar-1.0-py3-none-any.whl#sha256=" + H64.toUpperCase(java.util.Locale.ROOT) + "\" data-requires-python=\"&gt;=3.8,&lt;4\" data-dist-info-metadata=\"sha256=" + "b".repeat(64) + "\" data-core-metadata=\"sha256=" + "c".repeat(64) + "\">foo_bar-1.0-py3-none-any.whl</a><br>\n"
                + "<a href=\"https://cdn.example.org/foo-bar-0.9.tar.gz\" data-yanked=\"\">foo-bar-0.9.tar.gz</a>\n"
                + "<a href=\"foo_bar-0.8.tar.gz\" data-yanked=\"broken &amp; bad\" data-dist-info-metadata=\"true\">x</a>\n"
                + "<a href=\"foo%20bar-0.7.zip\">foo bar-0.7.zip</a>\n"
                + "</body></html>");
        assertEquals("html", p.format());
        assertEquals(Optional.of("1.1"), p.apiVersion());
        assertEquals(List.of(
                new PageEntry("foo_bar-1.0-py3-none-any.whl", URI.create("https://example.org/files/foo_bar-1.0-py3-none-any.whl"),
                        Map.of("sha256", H64), Optional.of(">=3.8,<4"), Optional.empty(), Optional.of(Map.of("sha256", "c".repeat(64))),
                        Optional.empty(), OptionalLong.empty()),
                new PageEntry("foo-bar-0.9.tar.gz", URI.create("https://cdn.example.org/foo-bar-0.9.tar.gz"), Map.of(), Optional.empty(),
                        Optional.of(""), Optional.empty(), Optional.empty(), OptionalLong.empty()),
                new PageEntry("foo_bar-0.8.tar.gz", URI.create("https://example.org/simple/foo-bar/foo_bar-0.8.tar.gz"), Map.of(), Optional.empty(),
                        Optional.of("broken & bad"), Optional.of(Map.of()), Optional.empty(), OptionalLong.empty()),
                new PageEntry("foo bar-0.7.zip", URI.create("https://example.org/simple/foo-bar/foo%20bar-0.7.zip"), Map.of(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty())),
                p.files());
    }

    @Test
    void html_resolvesAgainstBase() throws Exception {
        ParsedPage p = html("<html><head><base href=\"/packages/\"></head><body><a href=\"a/foo-1.0.tar.gz\">x</a></body></html>");
        assertEquals(URI.create("https://example.org/packages/a/foo-1.0.tar.gz"), p.files().get(0).url());
    }

    @Test
    void html_acceptsIllegalCharactersInLinks() throws Exception {
        ParsedPage p = html("<a href=\"foo-1.0+local|x.tar.gz\">x</a>");
        assertEquals("foo-1.0+local|x.tar.gz", p.files().get(0).filename());
    }

    @Test
    void html_truncatedHashIsAnError() {
        PageFormatException e = assertThrows(PageFormatException.class, () -> html("<a href=\"foo-1.0.tar.gz#sha256=abc\">foo-1.0.tar.gz</a>"));
        assertEquals("Malformed simple page `https://example.org/simple/foo-bar/`: the `sha256` hash of `foo-1.0.tar.gz` is `abc`; expected 64 hex digits", e.getMessage());
    }

    @Test
    void html_unsupportedMajorVersionIsAnError() {
        PageFormatException e = assertThrows(PageFormatException.class, () -> html("<meta name=\"pypi:repository-version\" content=\"2.0\">"));
        assertEquals("Malformed simple page `https://example.org/simple/foo-bar/`: unsupported simple API version `2.0`; Pinwheel reads version 1.x", e.getMessage());
    }

    @Test
    void json_readsEveryField() throws Exception {
        ParsedPage p = json("{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"foo-bar\", \"versions\": [\"0.9\", \"1.0\"], \"files\": ["
                + "{\"filename\": \"foo_bar-1.0-py3-none-any.whl\", \"url\": \"../../files/foo_bar-1.0-py3-none-any.whl\", \"hashes\": {\"sha256\": \"" + H64 + "\"},"
                + " \"requires-python\": \">=3.8\", \"core-metadata\": {\"sha256\": \"" + "c".repeat(64) + "\"}, \"dist-info-metadata\": false,"
                + " \"upload-time\": \"2024-01-31T12:00:00.123456Z\", \"size\": 1234, \"yanked\": false},"
                + "{\"filename\": \"foo-bar-0.9.tar.gz\", \"url\": \"https://cdn.example.org/foo-bar-0.9.tar.gz\", \"hashes\": {}, \"yanked\": \"bad build\","
                + " \"requires-python\": null, \"dist-info-metadata\": true},"
                + "{\"filename\": \"foo-bar-0.8.tar.gz\", \"url\": \"foo-bar-0.8.tar.gz\", \"hashes\": {}, \"yanked\": true}"
                + "]}");
        assertEquals(Optional.of("foo-bar"), p.name());
        assertEquals(List.of("0.9", "1.0"), p.versions());
        assertEquals(List.of(
                new PageEntry("foo_bar-1.0-py3-none-any.whl", URI.create("https://example.org/files/foo_bar-1.0-py3-none-any.whl"),
                        Map.of("sha256", H64), Optional.of(">=3.8"), Optional.empty(), Optional.of(Map.of("sha256", "c".repeat(64))),
                        Optional.of(Instant.parse("2024-01-31T12:00:00.123456Z")), OptionalLong.of(1234)),
                new PageEntry("foo-bar-0.9.tar.gz", URI.create("https://cdn.example.org/foo-bar-0.9.tar.gz"), Map.of(), Optional.empty(),
                        Optional.of("bad build"), Optional.of(Map.of()), Optional.empty(), OptionalLong.empty()),
                new PageEntry("foo-bar-0.8.tar.gz", URI.create("https://example.org/simple/foo-bar/foo-bar-0.8.tar.gz"), Map.of(), Optional.empty(),
                        Optional.of(""), Optional.empty(), Optional.empty(), OptionalLong.empty())),
                p.files());
    }

    @Test
    void json_syntaxErrorNamesThePosition() {
        PageFormatException e = assertThrows(PageFormatException.class, () -> json("{\"meta\": {\"api-version\": \"1.0\"},\n \"files\": [{\"filename\": }]}"));
        assertEquals("Malformed simple page `https://example.org/simple/foo-bar/`: invalid JSON at line 2, column 25: "
                + "Unexpected character ('}' (code 125)): expected a value", e.getMessage());
    }

    @Test
    void json_truncatedIsAnError() {
        PageFormatException e = assertThrows(PageFormatException.class, () -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"files\": [{\"filename\": \"a"));
        assertEquals(true, e.getMessage().startsWith("Malformed simple page `https://example.org/simple/foo-bar/`: invalid JSON at line 1, column "), e.getMessage());
    }

    @Test
    void json_missingFieldsAndWrongTypesAreNamed() {
        assertEquals("Malformed simple page `https://example.org/simple/foo-bar/`: the page has no `meta`",
                assertThrows(PageFormatException.class, () -> json("{\"files\": []}")).getMessage());
        assertEquals("Malformed simple page `https://example.org/simple/foo-bar/`: unsupported simple API version `2.0`; Pinwheel reads version 1.x",
                assertThrows(PageFormatException.class, () -> json("{\"meta\": {\"api-version\": \"2.0\"}, \"files\": []}")).getMessage());
        assertEquals("Malformed simple page `https://example.org/simple/foo-bar/`: `files[0]` (`a-1.tar.gz`) has no `url`",
                assertThrows(PageFormatException.class, () -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"files\": [{\"filename\": \"a-1.tar.gz\"}]}")).getMessage());
        assertEquals("Malformed simple page `https://example.org/simple/foo-bar/`: the `yanked` of `files[0]` (`a-1.tar.gz`) must be a boolean or a string, found a number",
                assertThrows(PageFormatException.class, () -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"files\": [{\"filename\": \"a-1.tar.gz\", \"url\": \"a-1.tar.gz\", \"yanked\": 1}]}")).getMessage());
        assertEquals("Malformed simple page `https://example.org/simple/foo-bar/`: `files` must be an array, found an object",
                assertThrows(PageFormatException.class, () -> json("{\"meta\": {\"api-version\": \"1.0\"}, \"files\": {}}")).getMessage());
    }

    @Test
    void unexpectedContentTypeIsAnError() {
        PageFormatException e = assertThrows(PageFormatException.class, () -> SimplePages.parse(
                new Response(PAGE, 200, Map.of("content-type", "application/octet-stream"), new byte[0], false)));
        assertEquals("Malformed simple page `https://example.org/simple/foo-bar/`: unexpected `Content-Type: application/octet-stream`; "
                + "expected `application/vnd.pypi.simple.v1+json` or `text/html`", e.getMessage());
        PageFormatException v2 = assertThrows(PageFormatException.class, () -> SimplePages.parse(
                new Response(PAGE, 200, Map.of("content-type", "application/vnd.pypi.simple.v2+json"), new byte[0], false)));
        assertEquals("Malformed simple page `https://example.org/simple/foo-bar/`: unsupported simple API version in "
                + "`Content-Type: application/vnd.pypi.simple.v2+json`; Pinwheel reads API version 1 (`application/vnd.pypi.simple.v1+json` or HTML)", v2.getMessage());
    }
}
