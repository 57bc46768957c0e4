package dev.pinwheel.resolve;

import dev.pinwheel.index.PackageIndex;
import java.util.Objects;

/**
 * Resolves requirements against a {@link PackageIndex}: finds the best exactly pinned set of distributions
 * for a target, or proves that none exists and explains why.
 *
 * <h2>Encoding</h2>
 * One Boolean variable per candidate version of each project (and per version of each extra of a project that
 * is asked for with that extra, tied to the same version of the base); at most one version per project; a
 * root requirement becomes "one of the versions that match it"; a dependency of {@code a==1.0} becomes
 * "{@code a==1.0} implies one of the versions that match it"; versions with no file usable on the target
 * (wheel tags, {@code Requires-Python} of the file or of the metadata, yanked and not pinned with {@code ==} or
 * {@code ===}, uploaded after {@code exclude-newer}, {@code only-binary}/{@code no-binary}) and versions a
 * constraint rules out are excluded. Markers are evaluated against the target, with {@code extra} set for the
 * dependencies of an extra. Every constraint carries a {@link Reason}.
 *
 * <h2>Objective</h2>
 * Each candidate has a rank: its position among the project's usable versions in the order of the
 * {@link ResolutionStrategy} (newest first for {@code HIGHEST}), with a preferred version (from
 * {@link ResolutionRequest#preferences()}) moved to rank 0. The resolution minimises, lexicographically:
 * <ol>
 *   <li>the sum of the ranks of the packages named by root requirements;
 *   <li>then the rank of every other package, one after another in the order of their normalised names (a
 *       package that is not installed counts as rank 0).
 * </ol>
 * The optimum is exact, and among optimal solutions the one returned installs nothing that is not needed
 * (every package is reached from a root requirement, and none can be dropped with every requirement still met).
 * The first level makes the result Pareto-optimal for the direct requirements: no other solution gives every
 * directly required package a version at least as preferred and one a more preferred version. The sum (rather
 * than an order among the requirements) does not depend on the order in which requirements are written and
 * trades steps between packages evenly, which keeps {@code b} newest in packse's {@code wrong-backtracking-*}
 * scenarios. The second level makes it Pareto-optimal for the other packages too, given the first; it is
 * lexicographic rather than a second sum because each of its steps is one cheap solver question, while proving
 * an optimal transitive sum took tens of thousands of conflicts on a 100-project universe.
 *
 * <h2>Laziness</h2>
 * Metadata is fetched only for candidates a solution chooses, or that a greedy resolution would try first (the
 * most preferred matching version of each newly reached requirement), in parallel; the problem grows until the
 * optimum chooses only candidates whose dependencies are encoded, which makes it the optimum of the whole
 * universe (see {@code dev.pinwheel.internal.sat.OptimisationProblem}).
 *
 * <p>Thread-safe: one resolver serves any number of concurrent {@link #resolve} calls; each call has its own
 * solver. The same request against the same index gives the same pins and the same explanation.
 *
 * <pre>{@code
 * Resolver resolver = Resolver.create(index, ResolverOptions.defaults());
 * try {
 *     Resolution res = resolver.resolve(ResolutionRequest.of(List.of(Requirement.parse("flask")), env, tags));
 *     res.pins();                                    // [blinker==1.8.2, click==8.1.7, flask==3.0.3, ...]
 * } catch (UnsatisfiableException e) {
 *     e.explanation().render();                      // "Because ..., the requirements cannot be satisfied."
 * }
 * }</pre>
 */
public final class Resolver {

    private final PackageIndex index;
    private final ResolverOptions options;

    private Resolver(PackageIndex index, ResolverOptions options) {
        this.index = index;
        this.options = options;
    }

    /** A resolver over {@code index} with {@code options}. */
    public static Resolver create(PackageIndex index, ResolverOptions options) {
        return new Resolver(Objects.requireNonNull(index, "index"), Objects.requireNonNull(options, "options"));
    }

    /** The options this resolver uses. */
    public ResolverOptions options() {
        return options;
    }

    /**
     * Resolves a request.
     *
     * @return the optimal resolution
     * @throws UnsatisfiableException     when no resolution exists; carries the explanation
     * @throws ResolutionTimeoutException when the conflict budget runs out
     * @throws IndexUnavailableException  when the index fails to answer (a missing project is not a failure)
     */
    public Resolution resolve(ResolutionRequest request) throws ResolutionException {
        return resolve(request, ResolutionListener.NONE);
    }

    /**
     * Resolves a request, telling {@code listener} how it progresses (on the calling thread).
     *
     * @return the optimal resolution
     * @throws UnsatisfiableException     when no resolution exists; carries the explanation
     * @throws ResolutionTimeoutException when the conflict budget runs out
     * @throws IndexUnavailableException  when the index fails to answer (a missing project is not a failure)
     */
    public Resolution resolve(ResolutionRequest request, ResolutionListener listener) throws ResolutionException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        return new Session(index, options, request, listener).run();
    }
}
