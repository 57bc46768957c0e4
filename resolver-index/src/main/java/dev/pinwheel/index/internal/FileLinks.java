package dev.pinwheel.index.internal;

import dev.pinwheel.index.DistributionFile;
import dev.pinwheel.index.IndexException;
import dev.pinwheel.name.PackageName;
import dev.pinwheel.tags.DistributionFilename;
import dev.pinwheel.tags.InvalidFilenameException;
import dev.pinwheel.tags.SdistFilename;
import dev.pinwheel.tags.WheelFilename;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns page entries into {@link DistributionFile}s: parses file names against the project, applies the link
 * policy (an HTTP page may link only to HTTP(S); a page on disk to HTTP(S) or to files inside its own
 * directory, never {@code ../} out of it), and collects a note for every entry left out. Stateless.
 */
public final class FileLinks {
    private FileLinks() {
    }

    /** The sdist formats whose {@code PKG-INFO} can be read. */
    private static final Set<SdistFilename.Format> READABLE_SDISTS =
            Set.of(SdistFilename.Format.TAR_GZ, SdistFilename.Format.TGZ, SdistFilename.Format.ZIP);

    /**
     * The file name parsed as a distribution of {@code project}, or empty with a note in {@code skipped}.
     */
    public static Optional<DistributionFilename> parseFilename(String filename, PackageName project, List<String> skipped) {
        try {
            if (filename.endsWith(".whl")) {
                WheelFilename w = WheelFilename.parse(filename);
                if (!w.name().equals(project)) {
                    skipped.add("`" + filename + "`: a wheel of `" + w.name() + "`, not `" + project + "`");
                    return Optional.empty();
                }
                return Optional.of(w);
            }
            SdistFilename s = SdistFilename.parse(filename, project);
            if (!READABLE_SDISTS.contains(s.format())) {
                skipped.add("`" + filename + "`: sdists in `" + s.format().extension() + "` format are not read");
                return Optional.empty();
            }
            return Optional.of(s);
        } catch (InvalidFilenameException e) {
            skipped.add("`" + filename + "`: " + e.reason());
            return Optional.empty();
        }
    }

    /**
     * Whether {@code filename} looks like a distribution of {@code project}: its normalized form is the
     * normalized project, a separator and a digit (the version). {@code foo_bar-2.0-...} is no concern of
     * {@code foo}, so listings of several projects' files (a directory, a page of links) leave notes only about
     * files that seem to be the project's own.
     */
    public static boolean versionFollows(String filename, PackageName project) {
        String prefix = project.normalized() + "-";
        String n = PackageName.normalize(filename);
        return n.startsWith(prefix) && n.length() > prefix.length() && Character.isDigit(n.charAt(prefix.length()));
    }

    /**
     * Whether a link may be followed from an index at {@code indexRoot}; if not, the reason.
     *
     * @param localRoot for an index on disk, its directory (normalized, absolute)
     */
    public static Optional<String> refusal(URI link, Optional<Path> localRoot) {
        if (Uris.isHttp(link) && link.getHost() != null) {
            return Optional.empty();
        }
        if (Uris.isFile(link) && localRoot.isPresent()) {
            Path p;
            try {
                p = Path.of(Uris.withoutFragment(link)).toAbsolutePath().normalize();
            } catch (IllegalArgumentException e) {
                return Optional.of("not a usable file URL");
            }
            if (!p.startsWith(localRoot.get())) {
                return Optional.of("the link leaves the index directory `" + localRoot.get() + "`");
            }
            try {
                if (Files.exists(p) && !p.toRealPath().startsWith(localRoot.get().toRealPath())) {
                    return Optional.of("the link resolves (through a symbolic link) outside the index directory `" + localRoot.get() + "`");
                }
            } catch (IOException e) {
                return Optional.of("cannot resolve the link: " + e.getMessage());
            }
            return Optional.empty();
        }
        return Optional.of("links with scheme `" + link.getScheme() + "` are not followed from "
                + (localRoot.isPresent() ? "an index on disk" : "a remote index"));
    }

    /** Maps page entries to files of {@code project}, applying {@link #parseFilename} and {@link #refusal}. */
    public static List<DistributionFile> toFiles(ParsedPage page, PackageName project, String indexId, Optional<Path> localRoot,
                                                 List<DistributionFile> out, List<String> skipped) throws IndexException {
        Set<String> seen = new HashSet<>();
        for (PageEntry e : page.files()) {
            Optional<String> refused = refusal(e.url(), localRoot);
            if (refused.isPresent()) {
                skipped.add("`" + e.filename() + "`: " + refused.get() + " (`" + Uris.redact(e.url()) + "`)");
                continue;
            }
            Optional<DistributionFilename> fn = parseFilename(e.filename(), project, skipped);
            if (fn.isEmpty()) {
                continue;
            }
            if (!seen.add(e.filename())) {
                skipped.add("`" + e.filename() + "`: listed more than once; the first link is used");
                continue;
            }
            DistributionFile.Builder b = DistributionFile.builder(fn.get(), e.url(), indexId).hashes(e.hashes());
            e.requiresPython().ifPresent(b::requiresPython);
            e.yanked().ifPresent(b::yanked);
            e.coreMetadata().ifPresent(b::coreMetadata);
            e.uploadTime().ifPresent(b::uploadTime);
            e.size().ifPresent(b::size);
            out.add(b.build());
        }
        return out;
    }
}
