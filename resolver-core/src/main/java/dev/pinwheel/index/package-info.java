/**
 * The index SPI: how the resolver asks a package repository for a project's distribution files and
 * for the core metadata of one file.
 *
 * <p>{@link dev.pinwheel.index.PackageIndex} is the one interface an index implements; the built-in
 * implementations (the simple repository API over HTTP, a local directory, a union of several
 * indexes) live in the {@code resolver-index} module and are also reachable through
 * {@link dev.pinwheel.index.PackageIndexProvider} and {@link dev.pinwheel.index.PackageIndexes#load}.
 * Nothing in this package does I/O itself.
 */
package dev.pinwheel.index;
