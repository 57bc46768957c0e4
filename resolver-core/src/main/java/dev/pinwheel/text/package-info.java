/**
 * Shared text support for Pinwheel's parsers: the {@link dev.pinwheel.text.InvalidInputException} base of
 * every parse error, with the input and a caret line under the faulty span.
 */
package dev.pinwheel.text;
