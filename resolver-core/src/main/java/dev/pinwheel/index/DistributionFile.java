package dev.pinwheel.index;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.tags.DistributionFilename;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One file a project page lists: a wheel or a source distribution, with what the index says about it.
 *
 * <p>Hash algorithm names and digests are lower-cased; maps are sorted and unmodifiable. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * DistributionFile f = DistributionFile.builder(DistributionFilename.parse("six-1.16.0-py2.py3-none-any.whl"),
 *                 URI.create("https://files.example/six-1.16.0-py2.py3-none-any.whl"), "pypi")
 *         .hash("sha256", "8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254")
 *         .requiresPython(">=2.7, !=3.0.*")
 *         .build();
 * }</pre>
 *
 * @param filename       the parsed file name (project, version, and for a wheel its tags)
 * @param url            where the file is downloaded, absolute, without the hash fragment
 * @param hashes         the file's digests by algorithm ({@code sha256} and any others the index gave)
 * @param requiresPython the {@code data-requires-python} / {@code requires-python} value, as served
 * @param yanked         present when the file is yanked (PEP 592), holding the reason ({@code ""} if none given)
 * @param coreMetadata   present when a PEP 658/714 metadata file exists beside the file, holding its
 *                       digests (empty when the index only said {@code true})
 * @param uploadTime     when the file was uploaded, if the index says (PEP 700)
 * @param size           the file's size in bytes, if the index says (PEP 700)
 * @param indexId        the {@link PackageIndex#id()} of the index that listed the file
 */
public record DistributionFile(
        DistributionFilename filename,
        URI url,
        Map<String, String> hashes,
        Optional<String> requiresPython,
        Optional<String> yanked,
        Optional<Map<String, String>> coreMetadata,
        Optional<Instant> uploadTime,
        OptionalLong size,
        String indexId) {

    /** Validates and normalises; see the record description. */
    public DistributionFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        hashes = normaliseHashes(hashes);
        Objects.requireNonNull(requiresPython, "requiresPython");
        Objects.requireNonNull(yanked, "yanked");
        coreMetadata = Objects.requireNonNull(coreMetadata, "coreMetadata").map(DistributionFile::normaliseHashes);
        Objects.requireNonNull(uploadTime, "uploadTime");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(indexId, "indexId");
        if (size.isPresent() && size.getAsLong() < 0) {
            throw new IllegalArgumentException("size < 0: " + size.getAsLong());
        }
    }

    // written out, with the values the generated ones give: a record's generated equals and hashCode link
    // method handles on first use, which a fresh JVM pays milliseconds for (issue 5)
    @Override
    public boolean equals(Object other) {
        return other instanceof DistributionFile o && filename.equals(o.filename) && url.equals(o.url) && hashes.equals(o.hashes) && requiresPython.equals(o.requiresPython) && yanked.equals(o.yanked) && coreMetadata.equals(o.coreMetadata) && uploadTime.equals(o.uploadTime) && size.equals(o.size) && indexId.equals(o.indexId);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + filename.hashCode();
        h = 31 * h + url.hashCode();
        h = 31 * h + hashes.hashCode();
        h = 31 * h + requiresPython.hashCode();
        h = 31 * h + yanked.hashCode();
        h = 31 * h + coreMetadata.hashCode();
        h = 31 * h + uploadTime.hashCode();
        h = 31 * h + size.hashCode();
        h = 31 * h + indexId.hashCode();
        return h;
    }

    /** A builder for a file with the required parts; everything else starts absent. */
    public static Builder builder(DistributionFilename filename, URI url, String indexId) {
        return new Builder(filename, url, indexId);
    }

    /** A builder holding this file's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(filename, url, indexId);
        b.hashes.putAll(hashes);
        b.requiresPython = requiresPython;
        b.yanked = yanked;
        b.coreMetadata = coreMetadata;
        b.uploadTime = uploadTime;
        b.size = size;
        return b;
    }

    /** The file's name as it appears in the URL, e.g. {@code six-1.16.0-py2.py3-none-any.whl}. */
    public String name() {
        return filename.toString();
    }

    /** The project the file belongs to. */
    public PackageName project() {
        return filename.name();
    }

    /** Whether the file is yanked (PEP 592). */
    public boolean isYanked() {
        return yanked.isPresent();
    }

    /** Whether a PEP 658/714 core-metadata file is served beside this file. */
    public boolean hasCoreMetadataFile() {
        return coreMetadata.isPresent();
    }

    /** The file's sha256 digest, lower-case hex, if the index published one. */
    public Optional<String> sha256() {
        return Optional.ofNullable(hashes.get("sha256"));
    }

    private static Map<String, String> normaliseHashes(Map<String, String> in) {
        Objects.requireNonNull(in, "hashes");
        TreeMap<String, String> out = new TreeMap<>();
        in.forEach((k, v) -> out.put(Objects.requireNonNull(k, "hash algorithm").toLowerCase(Locale.ROOT),
                Objects.requireNonNull(v, "hash digest").toLowerCase(Locale.ROOT)));
        return java.util.Collections.unmodifiableSortedMap(out);
    }

    /** Builds a {@link DistributionFile}. Not thread-safe; use one builder per file. */
    public static final class Builder {
        private final DistributionFilename filename;
        private final URI url;
        private final String indexId;
        private final Map<String, String> hashes = new TreeMap<>();
        private Optional<String> requiresPython = Optional.empty();
        private Optional<String> yanked = Optional.empty();
        private Optional<Map<String, String>> coreMetadata = Optional.empty();
        private Optional<Instant> uploadTime = Optional.empty();
        private OptionalLong size = OptionalLong.empty();

        private Builder(DistributionFilename filename, URI url, String indexId) {
            this.filename = Objects.requireNonNull(filename, "filename");
            this.url = Objects.requireNonNull(url, "url");
            this.indexId = Objects.requireNonNull(indexId, "indexId");
        }

        /** Adds a digest, e.g. {@code hash("sha256", "ab12...")}. */
        public Builder hash(String algorithm, String hexDigest) {
            hashes.put(algorithm, hexDigest);
            return this;
        }

        /** Adds every digest of {@code digests}. */
        public Builder hashes(Map<String, String> digests) {
            hashes.putAll(digests);
            return this;
        }

        /** Sets the {@code requires-python} value as served. */
        public Builder requiresPython(String value) {
            this.requiresPython = Optional.of(value);
            return this;
        }

        /** Marks the file yanked, with the reason given ({@code ""} when none). */
        public Builder yanked(String reason) {
            this.yanked = Optional.of(reason);
            return this;
        }

        /** Records that a core-metadata file exists, with its digests (possibly none). */
        public Builder coreMetadata(Map<String, String> digests) {
            this.coreMetadata = Optional.of(digests);
            return this;
        }

        /** Sets the upload time. */
        public Builder uploadTime(Instant time) {
            this.uploadTime = Optional.of(time);
            return this;
        }

        /** Sets the size in bytes. */
        public Builder size(long bytes) {
            this.size = OptionalLong.of(bytes);
            return this;
        }

        /** The file. */
        public DistributionFile build() {
            return new DistributionFile(filename, url, hashes, requiresPython, yanked, coreMetadata, uploadTime, size, indexId);
        }
    }
}
