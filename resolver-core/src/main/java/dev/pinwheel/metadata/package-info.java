/**
 * Core metadata of Python distributions ({@code METADATA} in wheels, {@code PKG-INFO} in sdists), as the
 * <a href="https://packaging.python.org/en/latest/specifications/core-metadata/">core metadata
 * specification</a> (Metadata-Version 1.0 to 2.6) defines it and pypa/packaging 26 reads it.
 *
 * <p>Two layers, as in packaging's {@code packaging.metadata}:
 * <ul>
 *   <li>{@link dev.pinwheel.metadata.RawMetadata}: lenient reading of the email-header format, never fails,
 *       loses nothing;</li>
 *   <li>{@code Metadata}: validated and typed, reporting every problem at once in an
 *       {@code InvalidMetadataException}, in one of two {@code ValidationMode}s.</li>
 * </ul>
 */
package dev.pinwheel.metadata;
