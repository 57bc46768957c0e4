package dev.pinwheel.cli.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The checked-in {@code examples/index} is exactly what {@link ExampleUniverse} writes. */
class ExampleUniverseTest {
    static final Path CHECKED_IN = Path.of("..", "examples", "index");

    @Test
    void checkedInIndex_isUpToDate(@TempDir Path tmp) throws IOException {
        if (Boolean.getBoolean("pinwheel.examples.write")) {
            ExampleUniverse.write(CHECKED_IN);
        }
        ExampleUniverse.write(tmp);
        TreeSet<String> expected = files(tmp);
        TreeSet<String> actual = files(CHECKED_IN);
        String hint = "\nRegenerate with: mvn -B -q -pl resolver-cli -am test -Dtest=ExampleUniverseTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dpinwheel.examples.write=true";
        assertEquals(expected, actual, "The files of examples/index differ from the generator's" + hint);
        List<String> differ = new ArrayList<>();
        for (String f : expected) {
            if (!Arrays.equals(Files.readAllBytes(tmp.resolve(f)), Files.readAllBytes(CHECKED_IN.resolve(f)))) {
                differ.add(f);
            }
        }
        if (!differ.isEmpty()) {
            fail("Out of date in examples/index: " + differ + hint);
        }
    }

    @Test
    void generator_isDeterministic(@TempDir Path a, @TempDir Path b) throws IOException {
        ExampleUniverse.write(a);
        ExampleUniverse.write(b);
        for (String f : files(a)) {
            assertTrue(Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f))), f);
        }
    }

    @Test
    void wheels_areValidZipsWithMetadataWheelAndRecord(@TempDir Path tmp) throws IOException {
        ExampleUniverse.write(tmp);
        int wheels = 0;
        for (String f : files(tmp)) {
            if (!f.endsWith(".whl")) {
                continue;
            }
            wheels++;
            List<String> names = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(tmp.resolve(f)))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    names.add(e.getName());
                    zip.readAllBytes(); // checks the CRC
                }
            }
            assertTrue(names.stream().anyMatch(n -> n.endsWith(".dist-info/METADATA")), f);
            assertTrue(names.stream().anyMatch(n -> n.endsWith(".dist-info/WHEEL")), f);
            assertTrue(names.stream().anyMatch(n -> n.endsWith(".dist-info/RECORD")), f);
            byte[] metadataFile = Files.readAllBytes(tmp.resolve(f + ".metadata"));
            assertTrue(new String(metadataFile, java.nio.charset.StandardCharsets.UTF_8).startsWith("Metadata-Version: 2.4\n"), f);
        }
        assertTrue(wheels > 100, "wheels: " + wheels);
    }

    private static TreeSet<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
