/**
 * Server-side resolution: a thin HTTP server ({@code pinwheel serve}) that answers {@code POST /v1/resolve}
 * and {@code POST /v1/lock} with a pinned, hash-checked set and caches answers by canonical input and index
 * state.
 *
 * <p>Not yet written: this module is delivered by the server issue.
 */
package dev.pinwheel.server;
