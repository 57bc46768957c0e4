/**
 * Internals of the index implementations: HTTP fetching with cache and retries, page parsers, zip and tar
 * readers. Not API: anything here may change without notice.
 */
package dev.pinwheel.index.internal;
