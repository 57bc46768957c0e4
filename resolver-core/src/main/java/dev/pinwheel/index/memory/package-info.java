/**
 * A {@link dev.pinwheel.index.PackageIndex} held in memory, for tests, embedders and benchmarks: no network,
 * no disk, request counters for checking laziness.
 */
package dev.pinwheel.index.memory;
