/**
 * Index implementations: the simple repository API over HTTP (PEP 503 HTML, PEP 691 JSON, PEP 658/714
 * metadata files, PEP 592 yanked), a local directory of wheels and sdists ({@code --find-links}), and a
 * union of several indexes.
 *
 * <p>Not yet written: this module is delivered by the package-index issue. It will hold
 * {@code dev.pinwheel.index.simple}, {@code dev.pinwheel.index.local} and {@code dev.pinwheel.index.union},
 * implementing the {@code dev.pinwheel.index} SPI of {@code resolver-core}.
 */
package dev.pinwheel.index.simple;
