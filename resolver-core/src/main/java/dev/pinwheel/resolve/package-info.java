/**
 * The resolver: {@link dev.pinwheel.resolve.Resolver} turns a {@link dev.pinwheel.resolve.ResolutionRequest}
 * (root requirements, constraints, overrides, the {@link dev.pinwheel.resolve.Target}, preferences, an upload
 * cut-off) into an optimal {@link dev.pinwheel.resolve.Resolution}, or explains with an
 * {@link dev.pinwheel.resolve.Explanation} why none exists. <em>How</em> it resolves is
 * {@link dev.pinwheel.resolve.ResolverOptions}. The encoding and the objective are documented on
 * {@link dev.pinwheel.resolve.Resolver}. Value types are immutable and thread-safe; a resolver is thread-safe.
 */
package dev.pinwheel.resolve;
