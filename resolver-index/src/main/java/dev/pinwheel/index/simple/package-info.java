/**
 * The simple repository API (PEP 503 HTML, PEP 691 JSON, PEP 592 yanking, PEP 658/714 metadata files,
 * PEP 700 fields) over {@code java.net.HttpURLConnection} (HTTP/1.1), or on disk through {@code file:} URLs:
 * {@link dev.pinwheel.index.simple.SimpleIndex}.
 */
package dev.pinwheel.index.simple;
