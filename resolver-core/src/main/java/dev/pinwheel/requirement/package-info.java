/**
 * PEP 508 dependency specifiers: {@link dev.pinwheel.requirement.Requirement},
 * {@link dev.pinwheel.requirement.Marker} and the {@link dev.pinwheel.requirement.MarkerEnvironment}
 * markers are evaluated in, with the semantics of packaging 26 (and PEP 685 extra normalisation).
 *
 * @see <a href="https://packaging.python.org/en/latest/specifications/dependency-specifiers/">Dependency specifiers</a>
 */
package dev.pinwheel.requirement;
