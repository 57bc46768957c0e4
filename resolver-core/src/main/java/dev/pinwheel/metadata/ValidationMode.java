package dev.pinwheel.metadata;

/**
 * How strictly {@link Metadata} validates.
 *
 * <ul>
 *   <li>{@link #STRICT}, the default, is packaging 26's {@code Metadata.from_email(data, validate=True)}:
 *       every field is validated, every field must be allowed by the declared {@code Metadata-Version},
 *       unknown and unparsable headers are errors.</li>
 *   <li>{@link #RESOLUTION} validates only what a resolver uses: {@code Name}, {@code Version},
 *       {@code Requires-Dist}, {@code Requires-Python}, {@code Provides-Extra} and {@code Dynamic}, plus a
 *       {@code Metadata-Version} whose major version is not newer than 2. Everything else that strict mode
 *       would reject becomes a {@linkplain Metadata#warnings() warning}, and the field it concerns is left out
 *       of the typed view (its raw value stays in {@link Metadata#raw()}). Real wheels need this: setuptools
 *       writes {@code License-File} under {@code Metadata-Version: 2.1}, old bdist_wheel wrote
 *       {@code Metadata-Version: 2.0}, and some tools write custom headers; none of that changes what a
 *       resolver must install, so a resolver must not reject such a file.</li>
 * </ul>
 */
public enum ValidationMode {
    /** Everything, exactly as packaging 26 validates. */
    STRICT,
    /** Only the fields a resolver needs; everything else becomes a warning. */
    RESOLUTION
}
