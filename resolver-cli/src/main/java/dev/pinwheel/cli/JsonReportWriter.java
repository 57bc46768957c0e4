package dev.pinwheel.cli;

import dev.pinwheel.lock.Lock;
import dev.pinwheel.lock.LockedDependency;
import dev.pinwheel.lock.LockedFile;
import dev.pinwheel.lock.LockedPackage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Writes the machine-readable report: {@code inputs}, {@code target}, every pin with its files and hashes,
 * the dependency {@code edges}, and the resolver's {@code statistics}. Keys keep a fixed order.
 */
final class JsonReportWriter {

    private JsonReportWriter() {
    }

    static String write(Report report) {
        Lock lock = report.lock();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("version", 1);
        root.put("created-by", "pinwheel");
        root.put("command", report.command());
        ArrayNode inputs = root.putArray("inputs");
        report.inputs().forEach(inputs::add);
        ObjectNode target = root.putObject("target");
        target.put("python-version", report.target().pythonVersion());
        target.put("python-platform", report.target().platform().name());
        ObjectNode markers = target.putObject("markers");
        report.target().environment().asMap().forEach(markers::put);
        ArrayNode tags = target.putArray("tags");
        report.target().tags().tags().stream().limit(5).forEach(t -> tags.add(t.toString()));
        target.put("tag-count", report.target().tags().size());
        ArrayNode indexes = root.putArray("indexes");
        lock.sources().indexUrl().ifPresent(indexes::add);
        lock.sources().extraIndexUrls().forEach(indexes::add);
        lock.sources().findLinks().forEach(indexes::add);
        ArrayNode pins = root.putArray("packages");
        for (LockedPackage p : lock.packages()) {
            ObjectNode n = pins.addObject();
            n.put("name", p.name().normalized());
            n.put("version", p.version().toString());
            ArrayNode extras = n.putArray("extras");
            p.extras().forEach(extras::add);
            p.index().ifPresent(i -> n.put("index", i));
            p.url().ifPresent(u -> n.put("url", u));
            p.marker().ifPresent(m -> n.put("marker", m));
            ArrayNode via = n.putArray("via");
            p.via().forEach(via::add);
            ArrayNode files = n.putArray("files");
            for (LockedFile f : p.files()) {
                ObjectNode fn = files.addObject();
                fn.put("name", f.filename());
                fn.put("kind", f.wheel() ? "wheel" : "sdist");
                fn.put("url", f.url().toString());
                if (f.size().isPresent()) {
                    fn.put("size", f.size().getAsLong());
                }
                f.uploadTime().ifPresent(t -> fn.put("upload-time", t.toString()));
                ObjectNode hashes = fn.putObject("hashes");
                f.hashes().forEach(hashes::put);
            }
        }
        ArrayNode edges = root.putArray("edges");
        for (LockedDependency e : lock.dependencies()) {
            ObjectNode en = edges.addObject();
            en.put("from", e.from());
            en.put("to", e.to().normalized());
            en.put("requirement", e.requirement());
        }
        ObjectNode stats = root.putObject("statistics");
        for (Map.Entry<String, Long> s : report.statistics().entrySet()) {
            stats.put(s.getKey(), s.getValue());
        }
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return mapper.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree of strings and numbers always serializes", e);
        }
    }
}
