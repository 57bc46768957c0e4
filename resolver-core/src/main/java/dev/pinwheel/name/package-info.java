/**
 * Project and extra names and their normalization
 * (<a href="https://packaging.python.org/en/latest/specifications/name-normalization/">name normalization</a>,
 * PEP 503 and PEP 685).
 */
package dev.pinwheel.name;
