package dev.pinwheel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pip's requirements file format, read from real files. */
class RequirementsFileReaderTest {
    @TempDir
    Path dir;

    private Inputs read(String name, Map<String, String> env) {
        Inputs in = new Inputs();
        new RequirementsFileReader(in, k -> Optional.ofNullable(env.get(k)), dir).read(Path.of(name), false);
        return in;
    }

    @Test
    void namedUrlRequirements_areRequirementsEvenWhenTheUrlEndsInAnArchive() throws IOException {
        write("u.txt", "pkg @ https://example.invalid/pkg-1.0-py3-none-any.whl --hash=sha256:ab12\n"
                + "Other.Name[x] @ file:///tmp/other_name-2.0.tar.gz ; python_version >= \"3.8\"\n");
        Inputs in = read("u.txt", Map.of());
        assertEquals(List.of("pkg @ https://example.invalid/pkg-1.0-py3-none-any.whl",
                "Other.Name[x] @ file:///tmp/other_name-2.0.tar.gz ; python_version >= \"3.8\""),
                in.requirements.stream().map(r -> r.requirement().toString()).toList());
        assertEquals(List.of("sha256:ab12"), in.requirements.get(0).hashes());
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static List<String> texts(List<InputRequirement> rs) {
        return rs.stream().map(r -> r.requirement().toString()).toList();
    }

    @Test
    void read_requirementsCommentsContinuationsMarkersAndUrls() throws IOException {
        write("requirements.in", String.join("\n",
                "# comment line",
                "requests[socks] >= 2.31 ; python_version >= \"3.9\"   # trailing comment",
                "",
                "django>=4.2,\\",
                "   <5",
                "pip @ https://example.com/pip-24.0-py3-none-any.whl#sha256=abc",
                "attrs==23.2.0 --hash=sha256:ABCDEF0123 --hash sha256:99",
                ""));
        Inputs in = read("requirements.in", Map.of());
        assertEquals(List.of("requests[socks]>=2.31; python_version >= \"3.9\"", "django<5,>=4.2",
                "pip @ https://example.com/pip-24.0-py3-none-any.whl#sha256=abc", "attrs==23.2.0"),
                texts(in.requirements));
        assertEquals(List.of("sha256:abcdef0123", "sha256:99"), in.requirements.get(3).hashes());
        assertEquals("-r requirements.in", in.requirements.get(0).via());
        assertEquals("requirements.in:4", in.requirements.get(1).location());
    }

    @Test
    void read_nestsRelativeToTheIncludingFile() throws IOException {
        write("reqs/base.in", "-r common/shared.txt\n-c ../constraints.txt\nhttpclient\n");
        write("reqs/common/shared.txt", "idna-lite\n");
        write("constraints.txt", "idna-lite<4\n");
        Inputs in = read("reqs/base.in", Map.of());
        assertEquals(List.of("idna-lite", "httpclient"), texts(in.requirements));
        assertEquals("-r reqs/common/shared.txt", in.requirements.get(0).via());
        assertEquals(List.of("idna-lite<4"), texts(in.constraints));
        assertEquals("-c constraints.txt", in.constraints.get(0).via());
    }

    @Test
    void read_indexOptionLines() throws IOException {
        write("r.txt", String.join("\n",
                "--index-url https://example.com/simple",
                "-i https://mirror.example.com/simple",
                "--extra-index-url=https://extra.example.com/simple",
                "--find-links wheels",
                "-f https://example.com/links/",
                "--no-index",
                "--pre",
                "--only-binary :all:",
                "--trusted-host example.com",
                "x",
                ""));
        Inputs in = read("r.txt", Map.of());
        assertEquals(Optional.of("https://mirror.example.com/simple"), in.indexUrl);
        assertEquals(List.of("https://extra.example.com/simple"), in.extraIndexUrls);
        assertEquals(List.of("wheels", "https://example.com/links/"), in.findLinks);
        assertTrue(in.noIndex);
        assertTrue(in.pre);
    }

    @Test
    void read_expandsEnvironmentVariables() throws IOException {
        write("r.txt", "--index-url https://${TOKEN}@example.com/simple\n--extra-index-url https://${MISSING}/simple\nx\n");
        Inputs in = read("r.txt", Map.of("TOKEN", "user:pw"));
        assertEquals(Optional.of("https://user:pw@example.com/simple"), in.indexUrl);
        assertEquals(List.of("https://${MISSING}/simple"), in.extraIndexUrls, "pip leaves unknown variables as they are");
        UsageException e = assertThrows(UsageException.class, () -> read("r2.txt", Map.of()));
        assertEquals("File not found: `r2.txt`", e.getMessage());
    }

    @Test
    void errors_nameFileAndLine() throws IOException {
        write("a.txt", "ok\n-r b.txt\n");
        write("b.txt", "-r a.txt\n");
        assertEquals("Requirements file `a.txt` includes itself (through b.txt)",
                assertThrows(UsageException.class, () -> read("a.txt", Map.of())).getMessage());
        write("c.txt", "x\n--frobnicate yes\n");
        assertEquals("c.txt:2: Unknown option `--frobnicate` in a requirements file\n    --frobnicate yes\n    ^^^^^^^^^^^^",
                assertThrows(UsageException.class, () -> read("c.txt", Map.of())).getMessage());
        write("d.txt", "-e .\n");
        assertEquals("d.txt:1: Editable requirements (`-e`) are not supported: Pinwheel locks index packages\n    -e .",
                assertThrows(UsageException.class, () -> read("d.txt", Map.of())).getMessage());
        write("e.txt", "./local/pkg\n");
        assertEquals("e.txt:1: `./local/pkg` is a path or URL without a project name; write it as `name @ ./local/pkg`",
                assertThrows(UsageException.class, () -> read("e.txt", Map.of())).getMessage());
        write("e2.txt", "https://example.invalid/pkg-1.0-py3-none-any.whl\n");
        assertEquals("e2.txt:1: `https://example.invalid/pkg-1.0-py3-none-any.whl` is a path or URL without a project name; "
                + "write it as `name @ https://example.invalid/pkg-1.0-py3-none-any.whl`",
                assertThrows(UsageException.class, () -> read("e2.txt", Map.of())).getMessage());
        write("f.txt", "x --hash=md5\n");
        assertEquals("f.txt:1: Invalid hash `md5`: expected `algorithm:hex`, such as `sha256:<64 hex digits>`\n    x --hash=md5",
                assertThrows(UsageException.class, () -> read("f.txt", Map.of())).getMessage());
        write("g.txt", "\n\nrequests[socks\n");
        assertEquals("g.txt:3: Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras\n    requests[socks\n            ^^^^^^",
                assertThrows(UsageException.class, () -> read("g.txt", Map.of())).getMessage());
    }

    @Test
    void existingLock_readsPinsOfRequirementsTxtAndPylock() throws IOException {
        write("requirements.txt", "a==1.0 \\\n    --hash=sha256:00\n    # via b\nb==2.0 ; python_version < \"4\"\nc>=1\nd==1.*\n");
        assertEquals("{a=1.0, b=2.0}", ExistingLock.read(dir.resolve("requirements.txt"), Path.of("requirements.txt")).toString());
        write("pylock.toml", "lock-version = \"1.0\"\ncreated-by = \"x\"\n[[packages]]\nname = \"Foo_Bar\"\nversion = \"1.2\"\n");
        assertEquals("{Foo_Bar=1.2}", ExistingLock.read(dir.resolve("pylock.toml"), Path.of("pylock.toml")).toString());
        assertEquals(Map.of(), ExistingLock.read(dir.resolve("absent.txt"), Path.of("absent.txt")));
    }
}
