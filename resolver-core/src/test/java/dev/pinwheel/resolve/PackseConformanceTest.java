package dev.pinwheel.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.memory.InMemoryIndex;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.requirement.MarkerEnvironment;
import dev.pinwheel.requirement.Requirement;
import dev.pinwheel.tags.Platforms;
import dev.pinwheel.tags.PythonTarget;
import dev.pinwheel.version.PrereleasePolicy;
import dev.pinwheel.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * uv's packse resolver scenarios (see {@code conformance/README.md}), resolved for one target: Python from
 * {@code resolver_options.python} or the environment, CPython on Linux x86-64 (manylinux 2.28).
 *
 * <p>Each scenario must agree with uv on satisfiability and, when satisfiable, on the exact pins. The scenarios
 * Pinwheel does not pass are listed in {@link #NOT_SUPPORTED} with the reason; a listed scenario that starts
 * passing fails the test, so the list stays true.
 */
class PackseConformanceTest {

    private static final String UNIVERSAL = "needs universal (multi-environment) resolution";

    /** Every scenario Pinwheel does not pass, with the reason. The one place that says so. */
    static final Map<String, String> NOT_SUPPORTED = new TreeMap<>(Map.ofEntries(
            // Pinwheel resolves for one target; these need uv's universal (every-environment) resolution, where
            // a solution must exist in each fork (they are unsatisfiable there but fine on Linux x86-64), or
            // a package is installed only on another architecture
            Map.entry("conflict-in-fork", UNIVERSAL),
            Map.entry("fork-non-local-fork-marker-direct", UNIVERSAL),
            Map.entry("fork-non-local-fork-marker-transitive", UNIVERSAL),
            Map.entry("preferences-dependent-forking-conflicting", UNIVERSAL),
            Map.entry("specific-architecture", UNIVERSAL),
            // a deliberate difference: uv ignores the upper bound of Requires-Python (`<=3.8` on Python 3.12);
            // Pinwheel, like pip, treats Requires-Python as the specifier set it is
            Map.entry("python-less-than-current", "Requires-Python upper bounds are honoured, as pip does")));

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/conformance/packse/scenarios.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode s : root.get("scenarios")) {
            String name = s.get("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String failure = run(s);
                String reason = NOT_SUPPORTED.get(name);
                if (reason == null && failure != null) {
                    fail(failure);
                } else if (reason != null && failure == null) {
                    fail("Listed as not supported (" + reason + ") but passes: remove it from the list");
                }
            }));
        }
        return tests.stream();
    }

    /** Runs one scenario; returns null when Pinwheel agrees with uv, else what differs. */
    static String run(JsonNode s) throws Exception {
        InMemoryIndex index = index(s);
        JsonNode opts = s.get("resolver_options");
        String python = opts.hasNonNull("python") ? opts.get("python").asText() : s.get("environment").get("python").asText();
        Version py = Version.parse(python);
        MarkerEnvironment env = MarkerEnvironment.forPython(python, MarkerEnvironment.Platform.LINUX_X86_64);
        int major = (int) py.release(0);
        int minor = (int) py.release(1);
        Target target = new Target(env, PythonTarget.cpython(major, minor, Platforms.manylinux(2, 28, "x86_64")).tagSet(),
                py.releaseSize() >= 3 ? py : Version.parse(python + ".0"));
        List<Requirement> roots = new ArrayList<>();
        for (JsonNode r : s.get("root").get("requires")) {
            roots.add(Requirement.parse(r.asText()));
        }
        ResolverOptions options = ResolverOptions.defaults().withParallelism(1);
        if (opts.get("prereleases").asBoolean()) {
            options = options.withPrereleases(PrereleasePolicy.ALLOW);
        }
        options = options.withNoBinary(selection(opts.get("no_binary"))).withOnlyBinary(selection(opts.get("no_build")));
        JsonNode expected = s.get("expected");
        boolean satisfiable = expected.get("satisfiable").asBoolean();
        try {
            Resolution res = Resolver.create(index, options).resolve(ResolutionRequest.of(roots, target));
            if (!satisfiable) {
                return "uv finds no solution, Pinwheel resolves " + res.pins();
            }
            Map<String, String> want = new TreeMap<>();
            expected.get("packages").fields().forEachRemaining(e -> want.put(PackageName.normalize(e.getKey()),
                    Version.parse(e.getValue().asText()).toString()));
            Map<String, String> got = new TreeMap<>();
            for (ResolvedPackage p : res.packages()) {
                got.put(p.name().normalized(), p.version().toString());
            }
            // uv's scenarios leave `packages` empty when they only check that a solution exists
            return want.isEmpty() || want.equals(got) ? null : "uv pins " + want + ", Pinwheel pins " + got;
        } catch (UnsatisfiableException e) {
            return satisfiable ? "uv resolves, Pinwheel says: " + e.explanation().render() : null;
        }
    }

    static PackageSelection selection(JsonNode names) {
        List<PackageName> out = new ArrayList<>();
        for (JsonNode n : names) {
            if (n.asText().equals(":all:")) {
                return PackageSelection.ALL;
            }
            out.add(PackageName.parse(n.asText()));
        }
        return PackageSelection.of(new java.util.TreeSet<>(out));
    }

    static InMemoryIndex index(JsonNode s) {
        InMemoryIndex.Builder b = InMemoryIndex.builder("packse");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.get("packages").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            String name = p.getKey();
            String file = PackageName.normalize(name).replace('-', '_');
            b.project(name);
            for (Iterator<Map.Entry<String, JsonNode>> vs = p.getValue().get("versions").fields(); vs.hasNext();) {
                Map.Entry<String, JsonNode> ve = vs.next();
                String version = ve.getKey();
                JsonNode v = ve.getValue();
                Optional<String> rp = v.hasNonNull("requires_python") ? Optional.of(v.get("requires_python").asText())
                        : Optional.empty();
                List<String> requires = new ArrayList<>();
                v.get("requires").forEach(r -> requires.add(r.asText()));
                StringBuilder meta = new StringBuilder(InMemoryIndex.Builder.metadata(name, version, requires, rp));
                v.get("extras").fields().forEachRemaining(e -> {
                    meta.append("Provides-Extra: ").append(e.getKey()).append('\n');
                    for (JsonNode r : e.getValue()) {
                        Requirement req = Requirement.parse(r.asText());
                        String marker = req.marker().map(m -> "(" + m + ") and ").orElse("");
                        String text = req.withMarker(dev.pinwheel.requirement.Marker.ALWAYS).toString();
                        meta.append("Requires-Dist: ").append(text).append("; ").append(marker)
                                .append("extra == \"").append(e.getKey()).append("\"\n");
                    }
                });
                List<String> names = new ArrayList<>();
                if (v.get("sdist").asBoolean()) {
                    names.add(file + "-" + version + ".tar.gz");
                }
                if (v.get("wheel").asBoolean()) {
                    List<String> tags = new ArrayList<>();
                    v.get("wheel_tags").forEach(t -> tags.add(t.asText()));
                    if (tags.isEmpty()) {
                        tags.add("py3-none-any");
                    }
                    for (String t : tags) {
                        names.add(file + "-" + version + "-" + t + ".whl");
                    }
                }
                for (String n : names) {
                    DistributionFile.Builder f = b.file(n);
                    rp.ifPresent(f::requiresPython);
                    if (v.get("yanked").asBoolean()) {
                        f.yanked("");
                    }
                    b.file(f.build(), meta.toString());
                }
            }
        }
        return b.build();
    }
}
