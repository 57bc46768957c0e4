package dev.pinwheel.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes answers and problems as JSON. Output is deterministic (fixed member order, sorted lists, no timings), so
 * equal answers have equal bytes and equal entity tags, whichever instance rendered them. Thread-safe.
 */
final class AnswerRenderer {
    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The cached form of an outcome: a 200 with the pins, or a 422 problem with the explanation. */
    CachedAnswer answer(ResolveInput input, Outcome outcome, List<PageState> pages, long nowNanos) {
        byte[] body;
        int status;
        String type;
        if (outcome instanceof Outcome.Resolved) {
            body = write(resolved(input, (Outcome.Resolved) outcome, pages));
            status = 200;
            type = JSON;
        } else if (outcome instanceof Outcome.TooHard) {
            Outcome.TooHard t = (Outcome.TooHard) outcome;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", ProblemException.BASE + "budget-exceeded");
            p.put("title", "Resolution too hard");
            p.put("status", 422);
            p.put("detail", t.message());
            p.put("conflicts", t.conflicts());
            p.put("budget", t.budget());
            p.put("request", input.digest());
            p.put("index_state", pages(pages));
            body = write(p);
            status = 422;
            type = PROBLEM_JSON;
        } else {
            Outcome.Unsatisfiable u = (Outcome.Unsatisfiable) outcome;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", ProblemException.BASE + "unsatisfiable");
            p.put("title", "No solution");
            p.put("status", 422);
            p.put("detail", u.explanation());
            p.put("explanation", u.explanation());
            p.put("reasons", u.reasons());
            p.put("steps", u.steps());
            p.put("minimal", u.minimal());
            p.put("request", input.digest());
            p.put("index_state", pages(pages));
            body = write(p);
            status = 422;
            type = PROBLEM_JSON;
        }
        String etag = "\"" + Digests.sha256Hex(body).substring(0, 32) + "\"";
        return new CachedAnswer(input.digest(), outcome, pages, status, type, body, etag, nowNanos, nowNanos);
    }

    private Map<String, Object> resolved(ResolveInput input, Outcome.Resolved r, List<PageState> pages) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", r.key());
        out.put("request", input.digest());
        out.put("index", input.index());
        out.put("target", input.target().canonical());
        List<Object> pins = new ArrayList<>();
        for (Outcome.Pin p : r.pins()) {
            Map<String, Object> pin = new LinkedHashMap<>();
            pin.put("name", p.name());
            pin.put("version", p.version());
            if (!p.extras().isEmpty()) {
                pin.put("extras", p.extras());
            }
            pin.put("file", file(p.file()));
            List<Object> files = new ArrayList<>();
            p.files().forEach(f -> files.add(file(f)));
            pin.put("files", files);
            pins.add(pin);
        }
        out.put("pins", pins);
        List<Object> edges = new ArrayList<>();
        for (Outcome.Edge e : r.edges()) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("from", e.from().orElse(null));
            e.fromExtra().ifPresent(x -> edge.put("from_extra", x));
            edge.put("to", e.to());
            edge.put("requirement", e.requirement());
            edges.add(edge);
        }
        out.put("edges", edges);
        out.put("index_state", pages(pages));
        return out;
    }

    private static Map<String, Object> file(Outcome.FileInfo f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filename", f.filename());
        m.put("url", f.url());
        m.put("size", f.size().isPresent() ? f.size().getAsLong() : null);
        m.put("sha256", f.sha256().orElse(null));
        if (f.hashes().size() > 1 || (f.hashes().size() == 1 && f.sha256().isEmpty())) {
            m.put("hashes", f.hashes());
        }
        f.requiresPython().ifPresent(rp -> m.put("requires_python", rp));
        f.uploadTime().ifPresent(t -> m.put("upload_time", t.toString()));
        m.put("index", f.index());
        return m;
    }

    private static List<Object> pages(List<PageState> pages) {
        List<Object> out = new ArrayList<>();
        for (PageState p : pages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", p.index());
            m.put("project", p.project());
            m.put("revision", p.revision().orElse(null));
            m.put("fingerprint", p.fingerprint());
            out.add(m);
        }
        return out;
    }

    /** An RFC 9457 problem document. */
    byte[] problem(ProblemException p, String instance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.type());
        m.put("title", p.title());
        m.put("status", p.status());
        m.put("detail", p.detail());
        if (instance != null) {
            m.put("instance", instance);
        }
        p.field().ifPresent(f -> m.put("field", f));
        m.putAll(p.extensions());
        return write(m);
    }

    /** Any JSON-ready value. */
    byte[] write(Object value) {
        try {
            byte[] b = mapper.writeValueAsBytes(value);
            byte[] withNewline = new byte[b.length + 1];
            System.arraycopy(b, 0, withNewline, 0, b.length);
            withNewline[b.length] = '\n';
            return withNewline;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
