/**
 * The resolver's SAT core: an abstract, incremental, lexicographic pseudo-Boolean optimisation problem
 * over packages and their candidates, solved exactly with Sat4j, with minimal unsatisfiable subsets of
 * named reasons when there is no solution.
 *
 * <p>This is the only package that imports {@code org.sat4j}. It knows nothing about versions,
 * requirements or indexes: a candidate is an {@code int}, a package is a group of candidates of which
 * at most one is chosen, and every constraint carries a caller-supplied reason object. The resolver in
 * {@code dev.pinwheel.resolve} maps its model onto this one. Not exported; not API.
 *
 * <p>Entry point: {@link dev.pinwheel.internal.sat.OptimisationProblem}.
 */
package dev.pinwheel.internal.sat;
