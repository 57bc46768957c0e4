package dev.pinwheel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress on standard error (terminal, -v, -q) and the {@code --hash} options of inputs, over the example folder index. */
class ProgressAndHashesTest {
    static final String INDEX = "file:examples/index/simple";
    /** sha256 of idna_lite-3.10-py3-none-any.whl in the example index. */
    static final String IDNA_310 = "e63665ed1a28a84d3528daa2702787b07c69ede096ee3089e70af3a54f15307d";

    @Test
    void terminal_showsAStatusLineThenTheSummary() {
        Cli.Result r = Cli.run(Cli.ROOT, Map.of(), true, "compile", "httpclient", "--index-url", INDEX, "--no-cache");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().startsWith("\rResolving: 1 projects fetched, 0 candidates, 0 metadata read, "), r.err());
        assertTrue(r.err().matches("(?s).*\r\u001b\\[KResolved 5 packages in \\d+ ms\n"), r.err());
    }

    @Test
    void notATerminal_onlyTheSummary_andQuietNothing() {
        Cli.Result r = Cli.run("compile", "httpclient", "--index-url", INDEX, "--no-cache");
        assertTrue(r.err().matches("Resolved 5 packages in \\d+ ms\n"), r.err());
        Cli.Result q = Cli.run("compile", "httpclient", "--index-url", INDEX, "--no-cache", "-q");
        assertEquals("", q.err());
        assertEquals("", q.out());
    }

    @Test
    void verbose_showsEveryRequestAndTheStatistics() {
        Cli.Result r = Cli.run("compile", "idna-lite", "--index-url", INDEX, "--no-cache", "-v");
        assertTrue(r.err().contains(" ms  project page `idna-lite` from file:"), r.err());
        assertTrue(r.err().contains(" ms  metadata of `idna_lite-3.10-py3-none-any.whl` from file:"), r.err());
        assertTrue(r.err().matches("(?s).* ms  solve round 1: [1-9]\\d* candidates, 1 with their dependencies\n.*"), r.err());
        assertTrue(r.err().matches("(?s).*Resolved 1 package in \\d+ ms \\(1 project pages, 1 metadata, .* conflicts; solving \\d+ ms\\)\n"
                + "  file:.*/examples/index/simple/: 0 HTTP requests sent for 1 page and 1 metadata lookups \\(a lookup answered from "
                + "the cache sends none\\)\n"), r.err());
    }

    @Test
    void verbose_overHttp_showsEachRequestAndEachCacheHit(@TempDir Path tmp) throws IOException {
        try (StaticServer server = new StaticServer(Cli.ROOT.resolve("examples").resolve("index"))) {
            String index = server.url("/simple");
            String cache = tmp.resolve("cache").toString();
            Cli.Result first = Cli.run("compile", "idna-lite", "--index-url", index, "--cache-dir", cache, "-v");
            assertEquals(0, first.status(), first.toString());
            assertTrue(first.err().contains("  debug: GET " + index + "/idna-lite/ -> 200 ("), first.err());
            assertFalse(first.err().contains("cache hit"), first.err());
            Cli.Result second = Cli.run("compile", "idna-lite", "--index-url", index, "--cache-dir", cache, "-v");
            assertEquals(0, second.status(), second.toString());
            assertTrue(second.err().contains("  debug: cache hit: idna_lite-3.10-py3-none-any.whl.metadata\n"), second.err());
            assertFalse(second.err().contains("GET " + index + "/idna-lite/idna_lite"), "no request for the metadata:\n" + second.err());
        }
    }

    @Test
    void inputHashes_keepOnlyMatchingFiles(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("r.in"), "idna-lite==3.10 --hash=sha256:" + IDNA_310 + "\nsix-compat==1.16.0 \\\n"
                + "    --hash=sha256:" + sha("six_compat-1.16.0-py2.py3-none-any.whl") + "\n");
        Cli.Result r = Cli.run(tmp, Map.of(), "compile", "r.in", "--index-url", Cli.ROOT.resolve("examples/index/simple").toString(),
                "--no-cache", "--generate-hashes", "-q", "-o", "out.txt");
        assertEquals(0, r.status(), r.toString());
        String out = Files.readString(tmp.resolve("out.txt"));
        assertTrue(out.contains("idna-lite==3.10 \\\n    --hash=sha256:" + IDNA_310 + "\n"), out);
        assertTrue(out.contains("six-compat==1.16.0 \\\n    --hash=sha256:" + sha("six_compat-1.16.0-py2.py3-none-any.whl") + "\n"),
                "the sdist's hash was not given, so the sdist is left out:\n" + out);
    }

    @Test
    void inputHashes_thatMatchNoFile_areStatus3(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("r.in"), "idna-lite==3.10 --hash=sha256:" + "0".repeat(64) + "\n");
        Cli.Result r = Cli.run(tmp, Map.of(), "compile", "r.in", "--index-url", Cli.ROOT.resolve("examples/index/simple").toString(),
                "--no-cache", "-q");
        assertEquals(3, r.status(), r.toString());
        assertEquals("error: Hash mismatch: no file of `idna-lite==3.10` has a hash given at r.in:1 (sha256:" + "0".repeat(64)
                + "); the index offers [idna_lite-3.10-py3-none-any.whl sha256:" + IDNA_310 + "]\n", r.err());
        assertFalse(r.err().contains("\tat "));
    }

    private static String sha(String file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(Cli.ROOT.resolve("examples/index/files").resolve(file))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyBinaryAndNoBinary_chooseAmongWheelsAndSdists() {
        Cli.Result wheels = Cli.run("compile", "six-compat", "--index-url", INDEX, "--no-cache", "--generate-hashes",
                "--only-binary", ":all:");
        assertEquals(0, wheels.status(), wheels.toString());
        Cli.Result sdists = Cli.run("compile", "six-compat", "--index-url", INDEX, "--no-cache", "--generate-hashes",
                "--no-binary", "six-compat");
        assertEquals(0, sdists.status(), sdists.toString());
        Cli.Result both = Cli.run("compile", "six-compat", "--index-url", INDEX, "--no-cache", "--generate-hashes");
        assertEquals(2, hashLines(both.out()), both.out());
        assertEquals(1, hashLines(wheels.out()), wheels.out());
        assertEquals(1, hashLines(sdists.out()), sdists.out());
        Cli.Result none = Cli.run("compile", "sdist-only", "--index-url", INDEX, "--no-cache", "--only-binary", "sdist-only");
        assertEquals(1, none.status(), none.toString());
        assertEquals(2, Cli.run("compile", "x", "--only-binary", "bad name!").status());
    }

    private static long hashLines(String lock) {
        return lock.lines().filter(l -> l.strip().startsWith("--hash=sha256:")).count();
    }

    @Test
    void standardInput_isARequirementsFile() {
        Cli.Result r = Cli.runWithInput(Cli.ROOT, "# from a pipe\nidna-lite<3.10\n", "compile", "-", "--index-url", INDEX,
                "--no-cache", "--no-header");
        assertEquals(0, r.status(), r.toString());
        assertEquals("--index-url file:examples/index/simple\n\nidna-lite==3.7\n    # via -r -\n", r.out());
    }
}
