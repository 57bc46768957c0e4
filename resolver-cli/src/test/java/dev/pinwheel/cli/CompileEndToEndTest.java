package dev.pinwheel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code pinwheel compile} over the example index, served by a real loopback HTTP server and read from
 * a real folder ({@code file:} index and {@code --find-links}); written files are compared byte for byte with the
 * expected files in {@code src/test/resources/dev/pinwheel/cli/e2e/} (the server's port and the checkout's path
 * replaced by placeholders). Regenerate the expected files with {@code -Dpinwheel.golden.write=true} and review the diff.
 */
class CompileEndToEndTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "dev", "pinwheel", "cli", "e2e");
    static StaticServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new StaticServer(Cli.ROOT.resolve("examples").resolve("index"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String normalize(String s) {
        return s.replace(server.url(""), "http://127.0.0.1:PORT")
                .replace(Cli.ROOT.toUri().toString(), "file:///ROOT/")
                .replace("file:" + Cli.ROOT + "/", "file:/ROOT/");
    }

    static void assertGolden(String name, String actual) throws IOException {
        Path g = GOLDEN.resolve(name);
        String normalized = normalize(actual);
        if (Boolean.getBoolean("pinwheel.golden.write")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(g, normalized, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(g, StandardCharsets.UTF_8), normalized, "differs from " + g);
    }

    private static Cli.Result compile(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("compile", "examples/requirements.in", "--index-url", server.url("/simple"),
                "--no-cache", "-o", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void requirementsTxt_withHashes_overLoopbackHttp(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("requirements.txt");
        Cli.Result r = compile(out, "--generate-hashes");
        assertEquals(0, r.status(), r.toString());
        String written = Files.readString(out);
        assertEquals(written, r.out(), "stdout shows the lock too");
        assertGolden("requirements.txt", written.replace(out.toString(), "OUT"));
        // yanked 43.0.0 and Requires-Python >=3.13 are both skipped; the constraint holds numeric below 2.1
        assertTrue(written.contains("\ncryptokit==42.0.8 \\\n"), written);
        assertTrue(written.contains("\nlegacy-utils==0.9.1 \\\n"), written);
        assertTrue(written.contains("\nnumeric==2.0.2 \\\n"), written);
        assertFalse(written.contains("colorterm"), "Windows-only colorterm is not for linux");
    }

    @Test
    void requirementsTxt_fromFolderIndex_hasTheSamePins(@TempDir Path tmp) throws IOException {
        Path viaHttp = tmp.resolve("http.txt");
        Path viaFile = tmp.resolve("file.txt");
        assertEquals(0, compile(viaHttp, "--generate-hashes").status());
        Cli.Result r = Cli.run("compile", "examples/requirements.in", "--index-url", "file:examples/index/simple", "--no-cache",
                "--generate-hashes", "-o", viaFile.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(body(Files.readString(viaHttp)), body(Files.readString(viaFile)));
    }

    @Test
    void requirementsTxt_fromFindLinks_noIndex(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("requirements.txt");
        Cli.Result r = Cli.run("compile", "examples/requirements.in", "--no-index", "--find-links", "examples/index/files",
                "--no-cache", "-o", out.toString());
        assertEquals(0, r.status(), r.toString());
        assertGolden("requirements-find-links.txt", Files.readString(out).replace(out.toString(), "OUT"));
    }

    @Test
    void pylock_passesTheSpecsStructure(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("pylock.toml");
        Cli.Result r = compile(out, "-q");
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.out(), "-q prints nothing");
        String text = Files.readString(out);
        assertGolden("pylock.toml", text.replace(out.toString(), "OUT"));
        JsonNode doc = new TomlMapper().readTree(text);
        assertEquals("1.0", doc.get("lock-version").asText());
        assertEquals("pinwheel", doc.get("created-by").asText());
        assertEquals("==3.12.*", doc.get("requires-python").asText());
        assertTrue(doc.get("environments").get(0).asText().contains("sys_platform == \"linux\""));
        Set<String> names = new HashSet<>();
        for (JsonNode p : doc.get("packages")) {
            assertTrue(names.add(p.get("name").asText()), "each package once");
            assertTrue(p.get("name").asText().matches("[a-z0-9]+(-[a-z0-9]+)*"));
            assertTrue(p.has("version"));
            assertTrue(p.has("wheels") || p.has("sdist"), p.toString());
            for (JsonNode w : p.path("wheels")) {
                assertTrue(w.get("name").asText().endsWith(".whl"));
                assertTrue(w.get("hashes").get("sha256").asText().matches("[0-9a-f]{64}"));
                assertTrue(w.get("size").isIntegralNumber());
            }
        }
        assertEquals(33, names.size());
    }

    @Test
    void json_reportsInputsTargetPinsEdgesAndStatistics(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("report.json");
        Cli.Result r = compile(out, "-q");
        assertEquals(0, r.status(), r.toString());
        assertGolden("report.json", Files.readString(out).replace(out.toString(), "OUT")
                .replaceAll("\"time-ms\" : \\d+", "\"time-ms\" : 0"));
        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertEquals("examples/requirements.in", doc.get("inputs").get(0).asText());
        assertEquals("3.12", doc.get("target").get("python-version").asText());
        assertEquals("x86_64-manylinux_2_28", doc.get("target").get("python-platform").asText());
        assertEquals(33, doc.get("packages").size());
        JsonNode first = doc.get("packages").get(0);
        assertEquals("blinker-lite", first.get("name").asText());
        assertTrue(first.get("files").get(0).get("hashes").get("sha256").asText().matches("[0-9a-f]{64}"));
        boolean rootEdge = false;
        for (JsonNode e : doc.get("edges")) {
            rootEdge |= e.get("from").asText().equals("-r examples/requirements.in") && e.get("to").asText().equals("httpclient");
        }
        assertTrue(rootEdge, "edges from the input file");
        assertEquals(33, doc.get("statistics").get("packages").asInt());
        assertTrue(doc.get("statistics").get("metadata-fetched").asInt() >= 33);
    }

    @Test
    void existingLock_keepsItsPins_untilUpgraded(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("requirements.txt");
        Files.writeString(out, "urlkit==2.0.7\nsix-compat==1.15.0\nnot-in-index==1.0\n");
        Cli.Result kept = compile(out, "-q");
        assertEquals(0, kept.status(), kept.toString());
        String text = Files.readString(out);
        assertTrue(text.contains("\nurlkit==2.0.7\n"), text);
        assertTrue(text.contains("\nsix-compat==1.15.0\n"), text);
        assertFalse(text.contains("not-in-index"));

        Cli.Result one = compile(out, "-q", "--upgrade-package", "urlkit");
        assertEquals(0, one.status(), one.toString());
        text = Files.readString(out);
        assertTrue(text.contains("\nurlkit==2.2.3\n"), text);
        assertTrue(text.contains("\nsix-compat==1.15.0\n"), text);

        Cli.Result all = compile(out, "-q", "--upgrade");
        assertEquals(0, all.status(), all.toString());
        assertTrue(Files.readString(out).contains("\nsix-compat==1.16.0\n"));
    }

    @Test
    void pyproject_withExtrasAndGroups(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("pyproject.toml"), String.join("\n",
                "[project]",
                "name = \"demo-app\"",
                "version = \"1.0\"",
                "dependencies = [\"httpclient>=2.31\"]",
                "[project.optional-dependencies]",
                "Excel = [\"dataframes[excel]\"]",
                "[dependency-groups]",
                "test = [\"testrunner\"]",
                "dev = [{include-group = \"test\"}, \"legacy-utils\"]",
                ""));
        Path out = tmp.resolve("requirements.txt");
        Cli.Result r = Cli.run(tmp, Map.of(), "compile", "pyproject.toml", "--extra", "excel", "--group", "dev",
                "--index-url", server.url("/simple"), "--no-cache", "-o", "requirements.txt");
        assertEquals(0, r.status(), r.toString());
        String text = Files.readString(out);
        assertTrue(text.contains("httpclient==2.32.3\n    # via demo-app (pyproject.toml)\n"), text);
        assertTrue(text.contains("sheetio==3.1.2\n    # via dataframes\n"), text);
        assertTrue(text.contains("testrunner==8.3.3\n    # via demo-app (pyproject.toml:dev)\n"), text);
        assertTrue(text.contains("legacy-utils==0.9.1\n"), text);
    }

    @Test
    void excludeNewer_usesTheUploadTimesOfJsonPages() {
        // urlkit 1.26.18, 2.0.7 and 2.2.3 were "uploaded" on 2023-01-27, 2023-01-30 and 2023-02-01
        Cli.Result r = Cli.run("compile", "urlkit", "--index-url", server.url("/simple"), "--no-cache", "--exclude-newer",
                "2023-01-31T00:00:00Z");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("\nurlkit==2.0.7\n"), r.out());
        Cli.Result date = Cli.run("compile", "urlkit", "--index-url", server.url("/simple"), "--no-cache", "--exclude-newer",
                "2023-01-29");
        assertTrue(date.out().contains("\nurlkit==1.26.18\n"), date.out());
    }

    @Test
    void explain_printsTheChainsOfVia() {
        Cli.Result r = Cli.run("explain", "pycparse", "examples/requirements.in", "--index-url", server.url("/simple"),
                "--no-cache", "-q");
        assertEquals(0, r.status(), r.toString());
        assertEquals("pycparse==2.22 is in the resolution because:\n"
                + "  -r examples/requirements.in requires cryptokit\n"
                + "    cryptokit==42.0.8 requires cffi-lite>=1.12; platform_python_implementation != \"PyPy\"\n"
                + "    cffi-lite==1.16.0 requires pycparse\n", r.out());
    }

    /** The lock without its header and index lines. */
    @Test
    void directUrlRequirements_areLockedByUrlWithTheirHash(@TempDir Path tmp) throws IOException {
        // an older asgiref-lite by URL (over HTTP, hash fragment checked) beside a project from the index
        String wheel = "asgiref_lite-3.7.2-py3-none-any.whl";
        String sha = dev.pinwheel.index.internal.Hashes.digest("sha256",
                Files.readAllBytes(Cli.ROOT.resolve("examples/index/files").resolve(wheel)));
        String url = server.url("/files/" + wheel);
        Path in = Files.writeString(tmp.resolve("requirements.in"), "asgiref_lite @ " + url + "#sha256=" + sha + "\nwebframe>=3.0\n");
        Path out = tmp.resolve("requirements.txt");
        Cli.Result r = Cli.run("compile", in.toString(), "--index-url", server.url("/simple"), "--no-cache", "--generate-hashes",
                "-o", out.toString());
        assertEquals(0, r.status(), r.toString());
        String written = Files.readString(out);
        assertTrue(written.contains("\nasgiref-lite @ " + url + " \\\n    --hash=sha256:" + sha + "\n"), written);
        assertTrue(written.contains("\nwebframe==3.0.3 \\\n"), written);
        Path lock = tmp.resolve("pylock.toml");
        assertEquals(0, Cli.run("compile", in.toString(), "--index-url", server.url("/simple"), "--no-cache", "-q",
                "-o", lock.toString()).status());
        JsonNode a = null;
        for (JsonNode p : new TomlMapper().readTree(Files.readString(lock)).get("packages")) {
            if (p.get("name").asText().equals("asgiref-lite")) {
                a = p;
            }
        }
        assertEquals(url, a.get("archive").get("url").asText(), String.valueOf(a));
        assertEquals(sha, a.get("archive").get("hashes").get("sha256").asText());
        assertFalse(a.has("index") || a.has("wheels"), String.valueOf(a));

        Path bad = Files.writeString(tmp.resolve("bad.in"), "asgiref_lite @ " + url + "#sha256=" + "0".repeat(64) + "\n");
        Cli.Result mismatch = Cli.run("compile", bad.toString(), "--index-url", server.url("/simple"), "--no-cache");
        assertEquals(3, mismatch.status(), mismatch.toString());
        assertTrue(mismatch.err().contains("Hash mismatch for `" + wheel + "`"), mismatch.err());
        Cli.Result vcs = Cli.run("compile", "asgiref_lite @ git+https://example.invalid/a.git", "--index-url", server.url("/simple"));
        assertEquals(2, vcs.status(), vcs.toString());
        assertTrue(vcs.err().contains("version-control URLs and directories are not supported"), vcs.err());
    }

    @Test
    void findLinks_aPageOfLinksOverHttp_givesTheSamePinsAsTheDirectory(@TempDir Path tmp) throws IOException {
        Path files = Files.createDirectories(tmp.resolve("dist"));
        StringBuilder html = new StringBuilder("<html><body>\n");
        try (var list = Files.list(Cli.ROOT.resolve("examples/index/files"))) {
            for (Path f : list.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".metadata")) {
                    continue;
                }
                Files.copy(f, files.resolve(name));
                html.append("<a href=\"dist/").append(name).append("#sha256=")
                        .append(dev.pinwheel.index.internal.Hashes.digest("sha256", Files.readAllBytes(f))).append("\">")
                        .append(name).append("</a><br>\n");
            }
        }
        Files.writeString(tmp.resolve("links.html"), html.append("</body></html>\n"));
        Path viaPage = tmp.resolve("page.txt");
        Path viaDir = tmp.resolve("dir.txt");
        try (StaticServer links = new StaticServer(tmp)) {
            Cli.Result r = Cli.run("compile", "examples/requirements.in", "--no-index", "--find-links", links.url("/links.html"),
                    "--no-cache", "--generate-hashes", "-o", viaPage.toString());
            assertEquals(0, r.status(), r.toString());
            assertTrue(Files.readString(viaPage).contains("--find-links " + links.url("/links.html") + "\n"));
        }
        assertEquals(0, Cli.run("compile", "examples/requirements.in", "--no-index", "--find-links", "examples/index/files",
                "--no-cache", "--generate-hashes", "-o", viaDir.toString()).status());
        assertEquals(body(Files.readString(viaDir)), body(Files.readString(viaPage)));
        Cli.Result local = Cli.run("compile", "examples/requirements.in", "--no-index", "--find-links",
                tmp.resolve("links.html").toString(), "--no-cache", "-q");
        assertEquals(0, local.status(), local.toString());
        Cli.Result missing = Cli.run("compile", "x", "--no-index", "--find-links", tmp.resolve("nothing-here").toString());
        assertEquals(2, missing.status(), missing.toString());
    }

    static String body(String lock) {
        StringBuilder sb = new StringBuilder();
        boolean started = false;
        for (String line : lock.split("\n", -1)) {
            started |= !line.startsWith("#") && !line.startsWith("--") && !line.isEmpty();
            if (started) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
