package dev.pinwheel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code [project]} dependencies, optional dependencies and PEP 735 dependency groups. */
class PyprojectReaderTest {
    @TempDir
    Path dir;

    private static final String PYPROJECT = String.join("\n",
            "[project]",
            "name = \"demo\"",
            "dependencies = [\"a>=1\", \"b; sys_platform == 'win32'\"]",
            "[project.optional-dependencies]",
            "Fast = [\"c\"]",
            "docs = [\"d\"]",
            "[dependency-groups]",
            "test = [\"e\", {include-group = \"Lint\"}]",
            "lint = [\"f\"]",
            "loop = [{include-group = \"loop2\"}]",
            "loop2 = [{include-group = \"loop\"}]",
            "");

    private List<String> read(List<String> extras, boolean all, List<String> groups) throws IOException {
        Files.writeString(dir.resolve("pyproject.toml"), PYPROJECT);
        Inputs in = new Inputs();
        PyprojectReader.read(dir.resolve("pyproject.toml"), Path.of("pyproject.toml"), in, extras, all, groups);
        return in.requirements.stream().map(r -> r.requirement() + " <- " + r.via()).toList();
    }

    @Test
    void dependencies_extrasAndGroups() throws IOException {
        assertEquals(List.of("a>=1 <- demo (pyproject.toml)", "b; sys_platform == \"win32\" <- demo (pyproject.toml)"),
                read(List.of(), false, List.of()));
        assertEquals(List.of("a>=1 <- demo (pyproject.toml)", "b; sys_platform == \"win32\" <- demo (pyproject.toml)",
                "c <- demo (pyproject.toml)"), read(List.of("FAST"), false, List.of()));
        assertEquals(List.of("a>=1 <- demo (pyproject.toml)", "b; sys_platform == \"win32\" <- demo (pyproject.toml)",
                "e <- demo (pyproject.toml:test)", "f <- demo (pyproject.toml:test)"), read(List.of(), false, List.of("test")));
        assertEquals(4, read(List.of(), true, List.of()).size());
    }

    @Test
    void errors() throws IOException {
        assertEquals("Extra `gpu` is not defined in `pyproject.toml`: expected one of `fast`, `docs`",
                assertThrows(UsageException.class, () -> read(List.of("gpu"), false, List.of())).getMessage());
        assertEquals("Dependency group `dev` is not defined in `pyproject.toml`: expected one of `test`, `lint`, `loop`, `loop2`",
                assertThrows(UsageException.class, () -> read(List.of(), false, List.of("dev"))).getMessage());
        assertEquals("pyproject.toml: Dependency group `loop` includes itself (through loop -> loop2)",
                assertThrows(UsageException.class, () -> read(List.of(), false, List.of("loop"))).getMessage());
        Files.writeString(dir.resolve("bad.toml"), "[project]\ndependencies = [\"ok\",\n  \"bad >=\"]\n");
        assertEquals("bad.toml:3: Expected semicolon (after name with no version specifier) or end\n    bad >=\n        ^",
                assertThrows(UsageException.class, () -> PyprojectReader.read(dir.resolve("bad.toml"), Path.of("bad.toml"),
                        new Inputs(), List.of(), false, List.of())).getMessage());
    }
}
