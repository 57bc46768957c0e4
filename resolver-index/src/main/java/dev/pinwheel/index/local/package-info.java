/**
 * A flat directory of wheels and sdists as an index ({@code --find-links} style):
 * {@link dev.pinwheel.index.local.LocalDirectoryIndex}.
 */
package dev.pinwheel.index.local;
