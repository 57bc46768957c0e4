package dev.pinwheel.requirement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the packaging conformance vectors from the test classpath. */
final class ConformanceData {
    private ConformanceData() {
    }

    static JsonNode tests(String file) {
        String resource = "/conformance/packaging/" + file;
        try (InputStream in = ConformanceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return new ObjectMapper().readTree(in).get("tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parameter sets of one packaging test; fails when the test is missing or empty. */
    static List<JsonNode> cases(JsonNode tests, String name) {
        JsonNode node = tests.get(name);
        if (node == null || node.size() == 0) {
            throw new IllegalStateException("No vectors for " + name);
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    /** packaging's caret span from its rendered message: [start, end] under the 4-space-indented input. */
    static int[] span(String expected) {
        String[] lines = expected.split("\n", -1);
        String carets = lines[lines.length - 1].substring(4);
        int caret = carets.indexOf('^');
        int tilde = carets.indexOf('~');
        return new int[] {tilde >= 0 ? tilde : caret, caret};
    }
}
