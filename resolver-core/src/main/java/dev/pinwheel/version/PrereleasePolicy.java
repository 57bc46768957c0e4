package dev.pinwheel.version;

/**
 * When pre-releases (versions with an {@code a}, {@code b}, {@code rc} or {@code dev} segment) may be chosen,
 * with the meanings of uv's {@code --prerelease} option, applied by {@link SpecifierSet#filter} to one
 * project's candidate versions.
 *
 * <p>PEP 440 says pre-releases are excluded by default, but accepted when the only versions that match are
 * pre-releases, or when a specifier names a pre-release ({@code >=1.0b1}); that is
 * {@link #IF_NECESSARY_OR_EXPLICIT}, the default of both uv and packaging.
 */
public enum PrereleasePolicy {
    /** Never allow pre-releases, even when nothing else matches. */
    DISALLOW,
    /** Allow every matching pre-release, alongside final releases. */
    ALLOW,
    /**
     * Allow matching pre-releases only if no final release matches. (uv's {@code if-necessary} looks at all
     * versions of a project; given only the candidates, this asks whether any final candidate matches, which is
     * PEP 440's rule and packaging's.)
     */
    IF_NECESSARY,
    /**
     * Allow matching pre-releases only when a specifier of the set names a pre-release, such as {@code >=2.0b1}
     * or {@code ==2.0rc1} ({@code !=} and {@code ==V.*} never do); otherwise none.
     */
    EXPLICIT,
    /**
     * The default: allow matching pre-releases when a specifier names a pre-release (as {@link #EXPLICIT}), or
     * when no final release matches (as {@link #IF_NECESSARY}). This is what packaging's
     * {@code SpecifierSet.filter} does without a {@code prereleases} argument.
     */
    IF_NECESSARY_OR_EXPLICIT;

    /** The default of PEP 440, packaging and uv: {@link #IF_NECESSARY_OR_EXPLICIT}. */
    public static PrereleasePolicy defaultPolicy() {
        return IF_NECESSARY_OR_EXPLICIT;
    }
}
