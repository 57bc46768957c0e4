package dev.pinwheel.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exit statuses and messages of the real command: 0 resolved, 1 no solution, 2 bad usage or input, 3 index
 * failure; never a stack trace for bad input. Index failures are produced by a real loopback server.
 */
class ExitStatusTest {
    StaticServer server;
    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = new StaticServer(Cli.ROOT.resolve("examples").resolve("index"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Cli.Result compile(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "compile";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--index-url";
        all[args.length + 2] = server.url("/simple");
        all[args.length + 3] = "--no-cache";
        return Cli.run(tmp, env, all);
    }

    private static void assertNoStackTrace(Cli.Result r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("    at dev.") || r.err().contains("Exception:"), r.err());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void unknownFlag_isUsageError() {
        Cli.Result r = Cli.run("compile", "--bogus", "x.in");
        assertEquals(2, r.status());
        assertEquals("error: Unknown option: '--bogus'\nTry `pinwheel compile --help` for the options.\n", r.err());
    }

    @Test
    void missingCommand_isUsageError() {
        Cli.Result r = Cli.run();
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("error: Missing command: expected `compile`, `explain` or `serve`"), r.err());
    }

    @Test
    void missingFile_isUsageError() {
        Cli.Result r = compile(Map.of(), "missing.in");
        assertEquals(2, r.status());
        assertEquals("error: File not found: `missing.in`\n", r.err());
    }

    @Test
    void missingNestedFile_namesTheIncludingFile() throws IOException {
        write("requirements.in", "httpclient\n-r more/extra.txt\n");
        Cli.Result r = compile(Map.of(), "requirements.in");
        assertEquals(2, r.status());
        assertEquals("error: File not found: `more/extra.txt` (included from `requirements.in`)\n", r.err());
    }

    @Test
    void malformedRequirement_showsFileLineAndCaret() throws IOException {
        write("requirements.in", "# a comment\nhttpclient>=2.28\nwebframe >=\n");
        Cli.Result r = compile(Map.of(), "requirements.in");
        assertEquals(2, r.status());
        assertEquals("error: requirements.in:3: Expected semicolon (after name with no version specifier) or end\n"
                + "    webframe >=\n"
                + "             ^\n", r.err());
        assertNoStackTrace(r);
    }

    @Test
    void badOptions_areUsageErrors() {
        assertEquals("error: Invalid `--python-platform` `sparc-sun-solaris`: expected a target such as `x86_64-manylinux_2_28`, "
                + "`aarch64-apple-darwin`, `x86_64-pc-windows-msvc` or `linux`\n",
                compile(Map.of(), "httpclient", "--python-platform", "sparc-sun-solaris").err());
        assertEquals("error: Invalid `--resolution` `newest`: expected `highest`, `lowest` or `lowest-direct`\n",
                compile(Map.of(), "httpclient", "--resolution", "newest").err());
        assertEquals("error: Invalid `--python-version` `2.7`: expected a CPython 3 version such as `3.12` or `3.12.4`\n",
                compile(Map.of(), "httpclient", "--python-version", "2.7").err());
        assertEquals("error: `--extra`, `--all-extras` and `--group` need a `pyproject.toml` input\n",
                compile(Map.of(), "httpclient", "--extra", "socks").err());
        assertEquals(2, compile(Map.of(), "httpclient", "--format", "yaml").status());
    }

    @Test
    void noSolution_isStatus1_withTheExplanation() {
        Cli.Result r = compile(Map.of(), "webframe>=3.1");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().startsWith("error: No solution found for these requirements:\n  "), r.err());
        assertTrue(r.err().contains("blinker-lite"), r.err());
        assertEquals("", r.out());
        assertNoStackTrace(r);
    }

    @Test
    void unreachableIndex_isStatus3() {
        Cli.Result r = Cli.run(tmp, Map.of("PINWHEEL_HTTP_TIMEOUT", "2"), "compile", "httpclient", "--index-url",
                "http://127.0.0.1:1/simple", "--no-cache");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("http://127.0.0.1:1/simple"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void serverError_isStatus3() {
        server.statuses.put("/simple/httpclient/", 500);
        Cli.Result r = compile(Map.of(), "httpclient");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("500"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void hashMismatch_isStatus3() {
        String meta = "/files/idna_lite-3.10-py3-none-any.whl.metadata";
        server.replaced.put(meta, "Metadata-Version: 2.1\nName: idna-lite\nVersion: 3.10\n".getBytes(StandardCharsets.UTF_8));
        Cli.Result r = compile(Map.of(), "idna-lite");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("Hash mismatch"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void indexThatTimesOut_isStatus3() {
        server.hang = true;
        Cli.Result r = compile(Map.of("PINWHEEL_HTTP_TIMEOUT", "0.5"), "httpclient");
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void resolved_isStatus0() {
        Cli.Result r = compile(Map.of(), "idna-lite", "-q");
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }
}
