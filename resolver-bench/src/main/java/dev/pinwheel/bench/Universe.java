package dev.pinwheel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.resolve.Target;
import dev.pinwheel.tags.Platforms;
import dev.pinwheel.tags.PythonTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A universe of projects in the arena's JSON shape ({@code packages -> name -> version -> {requires_dist,
 * requires_python, extras, yanked}}), turned into an {@link InMemoryIndex} of {@code py3-none-any} wheels.
 */
final class Universe {

    /** CPython 3.12 on Linux x86-64 (manylinux 2.28), as the arena's resolvelib baseline assumes. */
    static final Target TARGET = Target.of(MarkerEnvironment.forPython("3.12.0", MarkerEnvironment.Platform.LINUX_X86_64),
            PythonTarget.cpython(3, 12, Platforms.manylinux(2, 28, "x86_64")).tagSet());

    /** One release: its dependencies, Requires-Python, extras and yanked reason. */
    record Release(List<String> requiresDist, Optional<String> requiresPython, Map<String, List<String>> extras,
                   Optional<String> yanked) {
    }

    final Map<String, Map<String, Release>> packages = new LinkedHashMap<>();

    void add(String name, String version, Release r) {
        packages.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(version, r);
    }

    void add(String name, String version, List<String> requiresDist) {
        add(name, version, new Release(requiresDist, Optional.empty(), Map.of(), Optional.empty()));
    }

    /** Reads a universe file. */
    static Universe read(Path path) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(path));
        Universe u = new Universe();
        for (Iterator<Map.Entry<String, JsonNode>> ps = root.get("packages").fields(); ps.hasNext();) {
            Map.Entry<String, JsonNode> p = ps.next();
            for (Iterator<Map.Entry<String, JsonNode>> vs = p.getValue().fields(); vs.hasNext();) {
                Map.Entry<String, JsonNode> v = vs.next();
                JsonNode r = v.getValue();
                List<String> deps = new ArrayList<>();
                if (r.has("requires_dist")) {
                    r.get("requires_dist").forEach(d -> deps.add(d.asText()));
                }
                Map<String, List<String>> extras = new LinkedHashMap<>();
                if (r.has("extras")) {
                    r.get("extras").fields().forEachRemaining(e -> {
                        List<String> l = new ArrayList<>();
                        e.getValue().forEach(d -> l.add(d.asText()));
                        extras.put(e.getKey(), l);
                    });
                }
                Optional<String> rp = r.hasNonNull("requires_python") ? Optional.of(r.get("requires_python").asText())
                        : Optional.empty();
                Optional<String> yanked = r.has("yanked") && r.get("yanked").isTextual()
                        ? Optional.of(r.get("yanked").asText()) : Optional.empty();
                u.add(p.getKey(), v.getKey(), new Release(deps, rp, extras, yanked));
            }
        }
        return u;
    }

    /** Reads root requirements, one per line; blank lines and comments are skipped. */
    static List<Requirement> requirements(Path path) throws IOException {
        List<Requirement> out = new ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                out.add(Requirement.parse(l));
            }
        }
        return out;
    }

    /** The universe as an index; versions that are not valid PEP 440 versions are skipped. */
    InMemoryIndex index() {
        InMemoryIndex.Builder b = InMemoryIndex.builder("universe");
        packages.forEach((name, versions) -> {
            b.project(name);
            String file = PackageName.normalize(name).replace('-', '_');
            versions.forEach((version, r) -> {
                if (dev.pinwheel.version.Version.tryParse(version).isEmpty()) {
                    return;
                }
                StringBuilder meta = new StringBuilder(InMemoryIndex.Builder.metadata(name, version, r.requiresDist(),
                        r.requiresPython()));
                r.extras().forEach((extra, deps) -> {
                    meta.append("Provides-Extra: ").append(extra).append('\n');
                    for (String d : deps) {
                        Requirement req = Requirement.parse(d);
                        String marker = req.marker().map(m -> "(" + m + ") and ").orElse("");
                        meta.append("Requires-Dist: ").append(req.withMarker(dev.pinwheel.requirement.Marker.ALWAYS))
                                .append("; ").append(marker).append("extra == \"").append(extra).append("\"\n");
                    }
                });
                DistributionFile.Builder f = b.file(file + "-" + version + "-py3-none-any.whl");
                r.requiresPython().ifPresent(f::requiresPython);
                r.yanked().ifPresent(f::yanked);
                b.file(f.build(), meta.toString());
            });
        });
        return b.build();
    }
}
