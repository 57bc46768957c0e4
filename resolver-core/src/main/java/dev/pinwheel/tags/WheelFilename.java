package dev.pinwheel.tags;

import dev.pinwheel.name.PackageName;
import dev.pinwheel.version.InvalidVersionException;
import dev.pinwheel.version.Version;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed wheel file name (<a href="https://packaging.python.org/en/latest/specifications/binary-distribution-format/">PEP
 * 427</a>): {@code {name}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}, parsed as
 * pypa/packaging 26's {@code parse_wheel_filename}.
 *
 * <pre>{@code
 * WheelFilename w = WheelFilename.parse("foo_bar-1.0-1000abc-py2.py3-none-any.whl");
 * w.name().normalized();   // "foo-bar"
 * w.version();             // 1.0
 * w.buildTag();            // Optional[1000abc]
 * w.tags();                // [py2-none-any, py3-none-any]
 * }</pre>
 *
 * <p>The name part may use letters, digits, {@code _} and {@code .} (the escaped form replaces runs of other
 * characters with {@code _}), but not {@code __}. Unlike packaging, which allows any Unicode word character, the
 * name must be a valid ASCII project name, because {@link PackageName} is. Compressed tag sets are expanded;
 * their alternatives need not be sorted unless {@link #parse(String, boolean)} asks for it.
 *
 * <p>Two wheel file names are equal when name (normalized), version, build tag and tag set are. Instances are
 * immutable and thread-safe.
 */
public final class WheelFilename implements DistributionFilename {
    private final String filename;
    private final PackageName name;
    private final Version version;
    private final Optional<BuildTag> buildTag;
    private final Set<Tag> tags;
    private final String tagText;

    private WheelFilename(String filename, PackageName name, Version version, Optional<BuildTag> buildTag,
            Set<Tag> tags, String tagText) {
        this.filename = filename;
        this.name = name;
        this.version = version;
        this.buildTag = buildTag;
        this.tags = tags;
        this.tagText = tagText;
    }

    /**
     * Parses a wheel file name.
     *
     * @throws InvalidFilenameException if it does not end in {@code .whl}, does not have 5 or 6 {@code
     *                                  -}-separated parts, or a part is invalid (name, version, build tag, tags)
     */
    public static WheelFilename parse(String filename) {
        return parse(filename, false);
    }

    /**
     * Parses a wheel file name, optionally requiring the alternatives of compressed tag sets to be sorted as PEP
     * 425 asks ({@code py2.py3}, not {@code py3.py2}).
     *
     * @throws InvalidFilenameException as {@link #parse(String)}, and for unsorted tag sets when required
     */
    public static WheelFilename parse(String filename, boolean requireSortedTags) {
        Objects.requireNonNull(filename, "filename");
        if (!filename.endsWith(".whl")) {
            int dot = filename.lastIndexOf('.');
            throw new InvalidFilenameException("Invalid wheel filename: the extension must be `.whl`", filename,
                    dot < 0 ? filename.length() : dot, dot < 0 ? 0 : filename.length() - dot);
        }
        String stem = filename.substring(0, filename.length() - 4);
        int dashes = 0;
        for (int i = 0; i < stem.length(); i++) {
            if (stem.charAt(i) == '-') {
                dashes++;
            }
        }
        if (dashes != 4 && dashes != 5) {
            throw new InvalidFilenameException(
                    "Invalid wheel filename: expected 5 or 6 `-`-separated parts "
                            + "(name, version, optional build tag, python tag, abi tag, platform tag), found "
                            + (dashes + 1),
                    filename, 0, stem.length());
        }
        int nameEnd = stem.indexOf('-');
        int versionEnd = stem.indexOf('-', nameEnd + 1);
        String namePart = stem.substring(0, nameEnd);
        PackageName name = parseName(filename, namePart);

        String versionPart = stem.substring(nameEnd + 1, versionEnd);
        Version version;
        try {
            version = Version.parse(versionPart);
        } catch (InvalidVersionException e) {
            InvalidFilenameException ex = new InvalidFilenameException(
                    "Invalid wheel filename: `" + versionPart + "` is not a valid version", filename, nameEnd + 1,
                    versionPart.length());
            ex.initCause(e);
            throw ex;
        }

        Optional<BuildTag> build = Optional.empty();
        int tagStart = versionEnd + 1;
        if (dashes == 5) {
            int buildEnd = stem.indexOf('-', versionEnd + 1);
            String buildPart = stem.substring(versionEnd + 1, buildEnd);
            try {
                build = Optional.of(BuildTag.parse(buildPart));
            } catch (IllegalArgumentException e) {
                InvalidFilenameException ex = new InvalidFilenameException(
                        "Invalid wheel filename: the build tag `" + buildPart + "` must start with a digit",
                        filename, versionEnd + 1, buildPart.length());
                ex.initCause(e);
                throw ex;
            }
            tagStart = buildEnd + 1;
        }

        String tagText = stem.substring(tagStart);
        Set<Tag> tags;
        try {
            tags = Tag.parseAll(tagText, requireSortedTags);
        } catch (InvalidTagException e) {
            InvalidFilenameException ex = new InvalidFilenameException(
                    "Invalid wheel filename: " + Character.toLowerCase(e.reason().charAt(0)) + e.reason().substring(1),
                    filename, tagStart + e.errorIndex(), e.errorLength());
            ex.initCause(e);
            throw ex;
        }
        return new WheelFilename(filename, name, version, build, tags, tagText);
    }

    private static PackageName parseName(String filename, String namePart) {
        if (namePart.isEmpty()) {
            throw new InvalidFilenameException("Invalid wheel filename: the project name is empty", filename, 0, 0);
        }
        int dunder = namePart.indexOf("__");
        if (dunder >= 0) {
            throw new InvalidFilenameException(
                    "Invalid wheel filename: the project name `" + namePart + "` contains `__`", filename, dunder, 2);
        }
        for (int i = 0; i < namePart.length(); i++) {
            char c = namePart.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.';
            if (!ok) {
                throw new InvalidFilenameException(
                        "Invalid wheel filename: the project name `" + namePart + "` contains an invalid character",
                        filename, i, 1);
            }
        }
        Optional<PackageName> name = PackageName.tryParse(namePart);
        if (name.isEmpty()) {
            throw new InvalidFilenameException(
                    "Invalid wheel filename: the project name `" + namePart
                            + "` must start and end with a letter or digit",
                    filename, 0, namePart.length());
        }
        return name.get();
    }

    /** Like {@link #parse(String)}, but returns empty instead of throwing. */
    public static Optional<WheelFilename> tryParse(String filename) {
        if (filename == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(filename));
        } catch (InvalidFilenameException e) {
            return Optional.empty();
        }
    }

    /**
     * Composes a wheel file name, as packaging's {@code compose_wheel_filename}: the normalized name with
     * {@code _} for {@code -}, the normalized version, the build tag if any, and the {@linkplain
     * Tag#compress compressed} tags.
     *
     * <pre>{@code
     * WheelFilename.of(PackageName.parse("Foo.Bar"), Version.parse("1.0"), Optional.empty(),
     *         Set.of(new Tag("py3", "none", "any"))).filename();   // "foo_bar-1.0-py3-none-any.whl"
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code tags} is empty
     */
    public static WheelFilename of(PackageName name, Version version, Optional<BuildTag> buildTag,
            Collection<Tag> tags) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(buildTag, "buildTag");
        String tagText = Tag.compress(tags);
        String escaped = name.normalized().replace('-', '_');
        String filename = escaped + "-" + version + buildTag.map(b -> "-" + b).orElse("") + "-" + tagText + ".whl";
        return new WheelFilename(filename, PackageName.parse(escaped), version, buildTag, Tag.parseAll(tagText),
                tagText);
    }

    @Override
    public PackageName name() {
        return name;
    }

    @Override
    public Version version() {
        return version;
    }

    /** The build tag, if the file name has one. */
    public Optional<BuildTag> buildTag() {
        return buildTag;
    }

    /** The tags, in the order the compressed tag set writes them; unmodifiable. */
    public Set<Tag> tags() {
        return tags;
    }

    /** The tag part as written, e.g. {@code py2.py3-none-any}. */
    public String tagText() {
        return tagText;
    }

    @Override
    public String filename() {
        return filename;
    }

    /** Whether this wheel fits the target: some tag is in {@code supported}. */
    public boolean isCompatible(TagSet supported) {
        return supported.isCompatible(tags);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WheelFilename)) {
            return false;
        }
        WheelFilename w = (WheelFilename) o;
        return name.equals(w.name) && version.equals(w.version) && buildTag.equals(w.buildTag)
                && tags.equals(w.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, buildTag, tags);
    }

    /** The file name. */
    @Override
    public String toString() {
        return filename;
    }
}
