package dev.pinwheel.index.internal;

import dev.pinwheel.index.DirectDistribution;
import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.index.UnusableFileException;
import dev.pinwheel.metadata.Metadata;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.tags.DistributionFilename;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reading the file a direct URL requirement names, for the indexes' {@code direct}. */
public final class DirectFiles {

    /** Opens the whole file at a URL (without fragment). */
    @FunctionalInterface
    public interface Opener {
        FileByteSource open(URI url) throws IndexException;
    }

    private DirectFiles() {
    }

    /**
     * The distribution at {@code url}: its file name must be a wheel or readable sdist of {@code project}; the
     * bytes must match the strongest digest the fragment gives ({@code #sha256=...}, as on index pages); the
     * result records the bytes' sha256 and size, and the metadata read from the archive. A malformed digest in the
     * fragment is refused, never skipped.
     */
    public static DirectDistribution read(String indexId, PackageName project, URI url, Opener opener) throws IndexException {
        URI bare = Uris.withoutFragment(url);
        String filename = Uris.lastSegment(bare);
        List<String> notes = new ArrayList<>();
        Optional<DistributionFilename> fn = FileLinks.parseFilename(filename, project, notes);
        if (fn.isEmpty()) {
            throw new UnusableFileException(indexId, bare, filename.isEmpty() ? bare.toString() : filename,
                    "a direct URL must name a wheel or source distribution file of `" + project + "` ("
                            + String.join("; ", notes).replace("`" + filename + "`: ", "")
                            + "); version-control and directory URLs are not supported", null);
        }
        Map<String, String> given;
        try {
            given = SimplePages.fragmentHashes(url, fn.get().filename(), url);
        } catch (PageFormatException e) {
            throw new UnusableFileException(indexId, bare, fn.get().filename(), "the URL's " + e.problem(), e);
        }
        DistributionFile claimed = DistributionFile.builder(fn.get(), bare, indexId).hashes(given).build();
        try (FileByteSource src = opener.open(bare)) {
            DistributionMetadata.verify(indexId, claimed, src);
            String sha256 = src.sha256().isPresent() ? src.sha256().get() : FileByteSource.hashFile(src.path());
            Map<String, String> hashes = new TreeMap<>(given);
            hashes.put("sha256", sha256);
            DistributionFile file = DistributionFile.builder(fn.get(), bare, indexId).hashes(hashes).size(src.size()).build();
            Metadata m = DistributionMetadata.fromArchive(indexId, file, src);
            return new DirectDistribution(file, m);
        } catch (IOException e) {
            throw new IndexException(indexId, bare, "Cannot read `" + filename + "`: " + e.getMessage(), e);
        }
    }
}
