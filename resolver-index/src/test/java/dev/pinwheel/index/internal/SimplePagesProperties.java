package dev.pinwheel.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinwheel.index.testing.Pages;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * PEP 503 and PEP 691 describe the same data: a page written as HTML (attributes HTML-escaped, links needing
 * URL escaping) and the same page written as JSON parse to the same file names, URLs, hashes,
 * {@code requires-python}, yanked reasons and core-metadata hashes.
 */
class SimplePagesProperties {
    private static final URI PAGE = URI.create("https://example.org/simple/p/");

    record Entry(String filename, String sha256, Optional<String> requiresPython, Optional<String> yanked, boolean coreMetadata) {
    }

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcXYZ019._+-!~ <>\"&|^`{}").ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.isBlank() && !s.equals(".") && !s.equals("..") && s.strip().equals(s)).map(s -> s + ".tar.gz");
        Arbitrary<String> hashes = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        Arbitrary<Optional<String>> text = Arbitraries.strings().withChars("<>=!~,&\"' .0123456789abc").ofMaxLength(15)
                .map(String::strip).filter(s -> !s.isEmpty()).optional();
        Arbitrary<Optional<String>> yanked = Arbitraries.oneOf(Arbitraries.just(Optional.<String>empty()), Arbitraries.just(Optional.of("")),
                Arbitraries.strings().withChars("a b<&\">").ofMinLength(1).ofMaxLength(10).map(String::strip).filter(s -> !s.isEmpty()).map(Optional::of));
        return Combinators.combine(names, hashes, text, yanked, Arbitraries.of(true, false)).as(Entry::new)
                .list().ofMaxSize(6).uniqueElements(Entry::filename);
    }

    @Property(tries = 300)
    void htmlAndJsonAgree(@ForAll("entries") List<Entry> entries) throws Exception {
        List<Pages.Link> html = new ArrayList<>();
        List<Pages.Link> json = new ArrayList<>();
        for (Entry e : entries) {
            Pages.Link h = Pages.link("../../files/" + e.filename() + "#sha256=" + e.sha256(), e.filename());
            Pages.Link j = Pages.link("../../files/" + Uris.encodeIllegal(e.filename()), e.filename()).json("hashes", Map.of("sha256", e.sha256()));
            e.requiresPython().ifPresent(r -> {
                h.attr("data-requires-python", r);
                j.json("requires-python", r);
            });
            e.yanked().ifPresent(y -> {
                h.attr("data-yanked", y);
                j.json("yanked", y.isEmpty() ? (Object) Boolean.TRUE : y);
            });
            if (e.coreMetadata()) {
                h.attr("data-core-metadata", "true");
                j.json("core-metadata", Boolean.TRUE);
            }
            html.add(h);
            json.add(j);
        }
        ParsedPage fromHtml = SimplePages.parseHtml(Pages.html(html).getBytes(StandardCharsets.UTF_8), "UTF-8", PAGE);
        ParsedPage fromJson = SimplePages.parseJson(Pages.json("p", json).getBytes(StandardCharsets.UTF_8), PAGE);
        assertEquals(fromJson.files(), fromHtml.files());
        assertEquals(entries.size(), fromHtml.files().size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            PageEntry p = fromHtml.files().get(i);
            assertEquals(e.filename(), p.filename());
            assertEquals(Map.of("sha256", e.sha256()), p.hashes());
            assertEquals(e.requiresPython(), p.requiresPython());
            assertEquals(e.yanked(), p.yanked());
            assertEquals(e.coreMetadata(), p.coreMetadata().isPresent());
            assertEquals("https://example.org/files/" + Uris.encodeIllegal(e.filename()), p.url().toString());
        }
    }
}
