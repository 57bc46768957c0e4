/**
 * JMH benchmarks of Pinwheel's hot paths, run from the shaded {@code resolver-bench/target/benchmarks.jar}.
 * Nothing depends on this module.
 */
package dev.pinwheel.bench;
