package dev.pinwheel.index;

import dev.pinwheel.tags.DistributionFilename;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexModelTest {
    private static final URI URL = URI.create("https://files.example/six-1.16.0-py2.py3-none-any.whl");

    private static DistributionFile.Builder six() {
        return DistributionFile.builder(DistributionFilename.parse("six-1.16.0-py2.py3-none-any.whl"), URL, "pypi");
    }

    @Test
    void distributionFile_lowerCasesHashes() {
        DistributionFile f = six().hash("SHA256", "ABCDEF").coreMetadata(Map.of("Sha256", "00FF")).build();
        assertEquals(Map.of("sha256", "abcdef"), f.hashes());
        assertEquals(Optional.of("abcdef"), f.sha256());
        assertEquals(Optional.of(Map.of("sha256", "00ff")), f.coreMetadata());
        assertTrue(f.hasCoreMetadataFile());
    }

    @Test
    void distributionFile_yankedWithEmptyReasonIsYanked() {
        assertTrue(six().yanked("").build().isYanked());
        assertFalse(six().build().isYanked());
    }

    @Test
    void distributionFile_toBuilderKeepsEveryValue() {
        DistributionFile f = six().hash("sha256", "aa").requiresPython(">=3.8").yanked("bad").size(12).build();
        assertEquals(f, f.toBuilder().build());
        assertEquals("six-1.16.0-py2.py3-none-any.whl", f.name());
        assertEquals("six", f.project().normalized());
    }

    @Test
    void distributionFile_rejectsNegativeSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> six().size(-1).build());
        assertEquals("size < 0: -1", e.getMessage());
    }

    @Test
    void indexException_redactsCredentials() {
        IndexException e = new IndexException("corp", URI.create("https://alice:s3cret@corp.example/simple/six/"), "HTTP 503");
        assertEquals("HTTP 503 (index `corp`, `https://corp.example/simple/six/`)", e.getMessage());
        assertEquals(Optional.of(URI.create("https://corp.example/simple/six/")), e.url());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void hashMismatch_namesFileAndDigests() {
        HashMismatchException e = new HashMismatchException("pypi", URL, "six-1.16.0-py2.py3-none-any.whl", "sha256", "aa", "bb");
        assertEquals("Hash mismatch for `six-1.16.0-py2.py3-none-any.whl`: expected sha256:aa, got sha256:bb"
                + " (index `pypi`, `" + URL + "`)", e.getMessage());
    }

    @Test
    void metadataUnavailable_isAnUnusableFile() {
        UnusableFileException e = new MetadataUnavailableException("local", URL, "pkg-1.0.tar.gz", "`Requires-Dist` is dynamic");
        assertEquals("pkg-1.0.tar.gz", e.fileName());
        assertTrue(e.getMessage().startsWith("`pkg-1.0.tar.gz`: needs a build to know its dependencies"));
    }

    @Test
    void indexStrategy_cliNames() {
        assertEquals("first-index", IndexStrategy.FIRST_INDEX.cliName());
        assertEquals(IndexStrategy.UNSAFE_BEST_MATCH, IndexStrategy.fromCliName("unsafe-best-match"));
        assertThrows(IllegalArgumentException.class, () -> IndexStrategy.fromCliName("best"));
    }

    @Test
    void indexOptions_validates() {
        assertThrows(IllegalArgumentException.class, () -> IndexOptions.defaults().withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> IndexOptions.defaults().withMaxParallelRequests(0));
        assertTrue(IndexOptions.defaults().withOffline(true).offline());
    }
}
