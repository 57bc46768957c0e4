package dev.pinwheel.index.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinwheel.index.testing.TestArchives;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of {@link ZipReader} against the JDK's own zip writer: every entry written is listed, in order, with
 * its size, and reads back byte for byte, stored or deflated; flipping any byte of an entry's data is either
 * detected or leaves the content unchanged (never a silently different answer).
 */
class ZipReaderProperties {
    @Provide
    Arbitrary<Map<String, byte[]>> archives() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("/", parts));
        Arbitrary<byte[]> contents = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                Arbitraries.strings().withChars("ab\n").ofMaxLength(5000).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return Arbitraries.maps(names, contents).ofMinSize(1).ofMaxSize(8).map(LinkedHashMap::new);
    }

    @Property(tries = 200)
    void everyEntryReadsBack(@ForAll("archives") Map<String, byte[]> files, @ForAll boolean deflate) throws Exception {
        byte[] zip = TestArchives.zip(files, deflate);
        ByteSource src = ZipReaderTest.bytes(zip);
        List<ZipReader.Entry> entries = ZipReader.entries(src, "t.zip");
        assertEquals(List.copyOf(files.keySet()), entries.stream().map(ZipReader.Entry::name).toList());
        for (ZipReader.Entry e : entries) {
            assertArrayEquals(files.get(e.name()), ZipReader.read(src, e, Long.MAX_VALUE, "t.zip"));
        }
    }

    @Property(tries = 200)
    void corruptionIsDetectedOrHarmless(@ForAll("archives") Map<String, byte[]> files, @ForAll boolean deflate,
                                        @ForAll int where, @ForAll byte flip) throws Exception {
        byte[] zip = TestArchives.zip(files, deflate);
        byte[] bad = zip.clone();
        int i = Math.floorMod(where, bad.length);
        bad[i] ^= (byte) (flip == 0 ? 1 : flip);
        ByteSource src = ZipReaderTest.bytes(bad);
        List<ZipReader.Entry> entries;
        try {
            entries = ZipReader.entries(src, "t.zip");
        } catch (java.io.IOException detected) {
            return;
        }
        for (ZipReader.Entry e : entries) {
            byte[] expected = files.get(e.name());
            if (expected == null) {
                continue; // a flipped name: the entry is simply not the one asked for
            }
            byte[] got;
            try {
                got = ZipReader.read(src, e, Long.MAX_VALUE, "t.zip");
            } catch (java.io.IOException detected) {
                continue;
            }
            assertArrayEquals(expected, got, "entry " + e.name() + " after flipping byte " + i);
        }
    }
}
