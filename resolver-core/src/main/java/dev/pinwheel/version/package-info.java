/**
 * PEP 440 versions and version specifiers
 * (<a href="https://packaging.python.org/en/latest/specifications/version-specifiers/">version specifiers</a>),
 * with the semantics of pypa/packaging 26: {@link dev.pinwheel.version.Version},
 * {@link dev.pinwheel.version.Specifier}, {@link dev.pinwheel.version.SpecifierSet} and
 * {@link dev.pinwheel.version.PrereleasePolicy}. All types are immutable and thread-safe.
 */
package dev.pinwheel.version;
