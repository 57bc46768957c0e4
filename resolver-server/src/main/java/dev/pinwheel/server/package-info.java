/**
 * Server-side resolution: a thin HTTP server ({@code pinwheel serve}) that answers {@code POST /v1/resolve} with
 * a pinned, hash-checked set and {@code POST /v1/lock} with a requirements.txt or {@code pylock.toml}, and caches
 * answers by the canonical form of the request and the state of the index pages they were resolved from.
 *
 * <p>The public API is {@link dev.pinwheel.server.PinwheelServer} (built from named
 * {@link dev.pinwheel.index.PackageIndex}es and a {@link dev.pinwheel.server.ServerConfig}); everything else is
 * package-private. The command line's {@code pinwheel serve} starts it. JSON goes through Jackson, HTTP
 * through the JDK's {@code com.sun.net.httpserver}; neither appears in the API.
 *
 * <p>How a request is answered:
 * <ol>
 *   <li>The body is parsed strictly (unknown members, wrong types, direct URLs and unknown index names are 400
 *       problems naming the member) into a canonical form: requirements normalised, de-duplicated and sorted,
 *       the target reduced to what decides the answer, options explicit. Its SHA-256 keys everything below.</li>
 *   <li>A cached answer younger than the freshness period is served as it is. An older one is revalidated: only
 *       the project pages it was resolved from are read again, and it is kept if none changed.</li>
 *   <li>Otherwise identical requests already being resolved are joined (coalescing); a new resolution waits for
 *       one of the bounded slots, runs one {@link dev.pinwheel.resolve.Resolver} over a view of the index that
 *       records every page read, and its answer is rendered once (deterministic bytes, hence stable ETags).</li>
 * </ol>
 *
 * <p>Lock files ({@code /v1/lock}) are built and rendered by {@link dev.pinwheel.lock} exactly as
 * {@code pinwheel compile} does, so they equal what the command writes for the same requirements, header aside;
 * the request's root requirements are labelled {@code -r request} in {@code # via} lines, its constraints
 * {@code -c request}, as if they had been read from a requirements file named {@code request}.
 */
package dev.pinwheel.server;
