package dev.pinwheel.lock;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.resolve.Target;
import dev.pinwheel.tags.PythonPlatform;
import dev.pinwheel.version.Version;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LockRenderTest {
    private static final Target TARGET = Target.of("3.12", PythonPlatform.parse("x86_64-manylinux_2_28"));

    private static LockedFile file(String name, String sha) {
        return new LockedFile(name, URI.create("https://files.example/" + name), new TreeMap<>(Map.of("sha256", sha)),
                OptionalLong.of(10), Optional.of(Instant.parse("2024-01-02T03:04:05.678Z")));
    }

    private static Lock lock(LockSources sources) {
        LockedPackage a = new LockedPackage(PackageName.parse("Alpha"), Version.parse("1.0"), new TreeSet<>(List.of("x")),
                List.of(file("alpha-1.0-py3-none-any.whl", "bb"), file("alpha-1.0.tar.gz", "aa")),
                Optional.of("https://idx.example/simple"), Optional.of("python_version >= \"3.8\""), List.of("-r request"));
        LockedPackage b = new LockedPackage(PackageName.parse("beta"), Version.parse("2"), new TreeSet<>(),
                List.of(new LockedFile("beta-2.tar.gz", URI.create("https://files.example/beta-2.tar.gz"), new TreeMap<>(),
                        OptionalLong.empty(), Optional.empty())),
                Optional.empty(), Optional.empty(), List.of("alpha", "-c request"));
        return new Lock(TARGET, List.of(b, a), List.of(new LockedDependency("alpha", PackageName.parse("beta"), "beta>=1"),
                new LockedDependency("-r request", PackageName.parse("alpha"), "alpha[x]")), sources);
    }

    @Test
    void requirementsTxt_layout() {
        assertEquals("#\n# made by a test\n"
                + "--index-url https://idx.example/simple\n\n"
                + "alpha[x]==1.0 ; python_version >= \"3.8\" \\\n"
                + "    --hash=sha256:aa \\\n"
                + "    --hash=sha256:bb\n"
                + "    # via -r request\n"
                + "beta==2\n"
                + "    # via\n"
                + "    #   -c request\n"
                + "    #   alpha\n",
                RequirementsTxt.render(lock(LockSources.index("https://idx.example/simple")), true, List.of("", "made by a test")));
    }

    @Test
    void requirementsTxt_omitsPypiAndHashesWhenAsked() {
        assertEquals("alpha[x]==1.0 ; python_version >= \"3.8\"\n    # via -r request\nbeta==2\n    # via\n    #   -c request\n    #   alpha\n",
                RequirementsTxt.render(lock(LockSources.index("https://pypi.org/simple/")), false, List.of()));
    }

    @Test
    void header_rejectsLineBreaks() {
        assertThrows(IllegalArgumentException.class, () -> RequirementsTxt.render(lock(LockSources.DEFAULT), false, List.of("a\nb")));
    }

    @Test
    void pylock_layout() {
        assertEquals("# made by a test\n"
                + "lock-version = \"1.0\"\n"
                + "environments = [\"python_version == \\\"3.12\\\" and sys_platform == \\\"linux\\\" and platform_machine == \\\"x86_64\\\"\"]\n"
                + "requires-python = \"==3.12.*\"\n"
                + "created-by = \"pinwheel\"\n"
                + "\n[[packages]]\n"
                + "name = \"alpha\"\n"
                + "version = \"1.0\"\n"
                + "marker = \"python_version >= \\\"3.8\\\"\"\n"
                + "index = \"https://idx.example/simple\"\n"
                + "dependencies = [{ name = \"beta\" }]\n"
                + "sdist = { name = \"alpha-1.0.tar.gz\", upload-time = 2024-01-02T03:04:05Z, url = \"https://files.example/alpha-1.0.tar.gz\", size = 10, hashes = { sha256 = \"aa\" } }\n"
                + "wheels = [\n"
                + "    { name = \"alpha-1.0-py3-none-any.whl\", upload-time = 2024-01-02T03:04:05Z, url = \"https://files.example/alpha-1.0-py3-none-any.whl\", size = 10, hashes = { sha256 = \"bb\" } },\n"
                + "]\n"
                + "\n[[packages]]\n"
                + "name = \"beta\"\n"
                + "version = \"2\"\n",
                Pylock.render(lock(LockSources.DEFAULT), List.of("made by a test")));
    }
}
