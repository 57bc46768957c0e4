package dev.pinwheel.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The WHATWG tokenizer rules {@link HtmlTags} follows give the links a full HTML parser finds (jsoup, whose tree
 * builder implements the same specification): on pages of links mixed with comments, doctypes, processing
 * instructions, raw-text and escapable raw-text elements holding fake links, upper-case names, every quoting
 * style, missing spaces and values, repeated attributes, character references and stray {@code <}, {@code >}
 * and {@code &}, both read the same {@code href} and data attributes, in the same order. (Pages are well nested
 * around links: where a tree builder would re-parent or clone an unclosed {@code <a>}, a list of links has no
 * answer to agree on.)
 */
class HtmlTagsProperties {
    private static final List<String> LINK_ATTRS = List.of("href", "data-requires-python", "data-yanked", "data-core-metadata", "data-dist-info-metadata");

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abc019 ./<>=!~,'\"`-#").ofMaxLength(8);
        Arbitrary<String> refs = Arbitraries.of("&gt;", "&lt;", "&amp;", "&quot;", "&apos;", "&gt", "&lt=", "&ampx", "&#62;", "&#x3C;", "&#0;",
                "&#128;", "&notin;", "&notit;", "&copy", "&nosuch;", "& ", "&", "&#;", "&#x;");
        return Combinators.combine(plain, refs, plain).as((a, r, b) -> a + r + b);
    }

    @Provide
    Arbitrary<String> attribute() {
        Arbitrary<String> names = Arbitraries.of("href", "HREF", "Href", "data-requires-python", "data-yanked", "DATA-YANKED", "data-core-metadata",
                "data-dist-info-metadata", "x", "=y", "a\"b", "name", "content");
        Arbitrary<Integer> quoting = Arbitraries.integers().between(0, 3);
        return Combinators.combine(names, values(), quoting, Arbitraries.of(" ", "\n", "  ", "/", "\t", "")).as((n, v, q, sep) -> {
            String attr;
            if (q == 0) {
                attr = n + "=\"" + v.replace("\"", "") + "\"";
            } else if (q == 1) {
                attr = n + " = '" + v.replace("'", "") + "'";
            } else if (q == 2) {
                String u = v.replaceAll("[\\s>\"'`=<]", "");
                attr = n + "=" + (u.isEmpty() ? "u" : u);
            } else {
                attr = n;
            }
            // no separator is only well-formed after a quoted value
            return (q < 2 ? sep : " ") + attr;
        });
    }

    @Provide
    Arbitrary<String> link() {
        return Combinators.combine(Arbitraries.of("a", "A"), attribute().list().ofMaxSize(5), values())
                .as((tag, attrs, text) -> "<" + tag + " " + String.join("", attrs).stripLeading() + ">" + text.replace("<", "") + "</" + tag + ">");
    }

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> fake = link().map(l -> l.replace("</a>", "").replace("</A>", ""));
        Arbitrary<String> part = Arbitraries.oneOf(
                link(), link(), link(),
                Arbitraries.of("<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "<br/>", "<br>", "</div>", "</>", "< a href=x>", "<3", "a > b", "&amp; &",
                        "<p class='x'>", "</p>", "<head>", "</head>", "<body>", "<!---->", "<!-->", "<!--->", "<![CDATA[ <a href=\"cdata\"> ]]>"),
                fake.map(f -> "<!-- " + f + " -- - -->"),
                fake.map(f -> "<!--" + f + "--!>"),
                Combinators.combine(Arbitraries.of("title", "TITLE", "script", "style", "textarea", "xmp", "noembed", "noframes", "iframe"), fake)
                        .as((t, f) -> "<" + t + ">" + f + "</" + t.toLowerCase(java.util.Locale.ROOT) + (t.startsWith("s") ? " >" : ">")),
                fake.map(f -> "<script>" + f + "</scriptx>" + f + "</script>"),
                Arbitraries.of("<base href=\"/b/\">", "<base target=x>", "<meta name=\"pypi:repository-version\" content=\"1.0\">",
                        "<meta name=' PYPI:REPOSITORY-VERSION ' content='1.1 '>"));
        return part.list().ofMaxSize(12).map(parts -> String.join("\n", parts));
    }

    @Property(tries = 1000)
    void linksAndAttributesAgreeWithAFullHtmlParser(@ForAll("pages") String page) {
        Document doc = Jsoup.parse(page, "https://example.org/simple/p/");
        List<List<String>> expected = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            List<String> row = new ArrayList<>();
            for (String name : LINK_ATTRS) {
                row.add(a.hasAttr(name) ? a.attr(name) : null);
            }
            expected.add(row);
        }
        List<List<String>> actual = new ArrayList<>();
        for (HtmlTags.Tag a : HtmlTags.startTags(HtmlTags.decode(page.getBytes(StandardCharsets.UTF_8), null), Set.of("a"))) {
            if (a.attr("href") != null) {
                List<String> row = new ArrayList<>();
                for (String name : LINK_ATTRS) {
                    row.add(a.attr(name));
                }
                actual.add(row);
            }
        }
        assertEquals(expected, actual, page);

        Element base = doc.selectFirst("base[href]");
        HtmlTags.Tag firstBase = HtmlTags.startTags(page, Set.of("base")).stream().filter(t -> t.attr("href") != null).findFirst().orElse(null);
        assertEquals(base == null ? null : base.attr("href"), firstBase == null ? null : firstBase.attr("href"), page);
    }
}
