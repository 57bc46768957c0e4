/**
 * Several indexes asked as one, with the {@code first-index} (default, safe) and {@code unsafe-best-match}
 * strategies: {@link dev.pinwheel.index.union.UnionIndex}.
 */
package dev.pinwheel.index.union;
