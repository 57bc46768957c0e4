package dev.pinwheel.index.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes PEP 503 HTML and PEP 691 JSON project pages for tests. */
public final class Pages {
    private Pages() {
    }

    /** One file on a page. */
    public static final class Link {
        final String href;
        final String filename;
        final Map<String, String> attrs = new LinkedHashMap<>();
        final Map<String, Object> json = new LinkedHashMap<>();

        Link(String href, String filename) {
            this.href = href;
            this.filename = filename;
        }

        /** An HTML attribute, written escaped. */
        public Link attr(String name, String value) {
            attrs.put(name, value);
            return this;
        }

        /** A JSON field (a String, Boolean, Long or Map of strings). */
        public Link json(String name, Object value) {
            json.put(name, value);
            return this;
        }
    }

    public static Link link(String href, String filename) {
        return new Link(href, filename);
    }

    public static String html(List<Link> links) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" content=\"1.1\"><title>Links</title></head><body>\n");
        for (Link l : links) {
            sb.append("<a href=\"").append(escape(l.href)).append('"');
            l.attrs.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
            sb.append('>').append(escape(l.filename)).append("</a><br/>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    public static String json(String name, List<Link> links) {
        List<String> files = new ArrayList<>();
        for (Link l : links) {
            StringBuilder f = new StringBuilder("{\"filename\": ").append(q(l.filename)).append(", \"url\": ").append(q(l.href));
            if (!l.json.containsKey("hashes")) {
                f.append(", \"hashes\": {}");
            }
            l.json.forEach((k, v) -> f.append(", ").append(q(k)).append(": ").append(value(v)));
            files.add(f.append('}').toString());
        }
        return "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": " + q(name) + ", \"files\": [" + String.join(", ", files) + "]}";
    }

    private static String value(Object v) {
        if (v instanceof String) {
            return q((String) v);
        }
        if (v instanceof Map) {
            List<String> parts = new ArrayList<>();
            ((Map<?, ?>) v).forEach((k, x) -> parts.add(q(k.toString()) + ": " + value(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        return String.valueOf(v);
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
