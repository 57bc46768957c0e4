package dev.pinwheel.index.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the {@link Fetcher} talks to servers: timeouts, retries, parallelism, cache and offline mode.
 *
 * <p>Immutable and thread-safe; copies come from the {@code withX} methods.
 *
 * @param userAgent       the {@code User-Agent} header
 * @param connectTimeout  time allowed to open a connection
 * @param readTimeout     longest time without progress (headers or body bytes) before a request fails
 * @param maxRetries      retries after the first attempt, on 5xx, 429, resets and timeouts
 * @param retryDelay      delay before the first retry; doubled for each further one
 * @param maxParallel     most requests in flight at once, across all callers of one fetcher
 * @param maxBodyBytes    largest page or metadata body accepted in memory
 * @param cacheDir        the on-disk cache, if any
 * @param offline         serve only from the cache; never touch the network
 * @param credentials     logins by origin or host
 */
public record HttpSettings(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration retryDelay,
        int maxParallel,
        long maxBodyBytes,
        Optional<Path> cacheDir,
        boolean offline,
        Credentials credentials) {

    /** The version sent in the {@code User-Agent}. */
    public static final String DEFAULT_USER_AGENT = "pinwheel/0.1.0 (Java " + Runtime.version().feature() + ")";

    public HttpSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(credentials, "credentials");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
        }
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel < 1: " + maxParallel);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes < 1: " + maxBodyBytes);
        }
    }

    /** 10 s to connect, 30 s without progress, 3 retries from 250 ms, 16 parallel requests, 256 MiB bodies, no cache. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30), 3,
                Duration.ofMillis(250), 16, 256L << 20, Optional.empty(), false, Credentials.NONE);
    }

    public HttpSettings withUserAgent(String v) {
        return new HttpSettings(v, connectTimeout, readTimeout, maxRetries, retryDelay, maxParallel, maxBodyBytes, cacheDir, offline, credentials);
    }

    public HttpSettings withConnectTimeout(Duration v) {
        return new HttpSettings(userAgent, v, readTimeout, maxRetries, retryDelay, maxParallel, maxBodyBytes, cacheDir, offline, credentials);
    }

    public HttpSettings withReadTimeout(Duration v) {
        return new HttpSettings(userAgent, connectTimeout, v, maxRetries, retryDelay, maxParallel, maxBodyBytes, cacheDir, offline, credentials);
    }

    public HttpSettings withMaxRetries(int v) {
        return new HttpSettings(userAgent, connectTimeout, readTimeout, v, retryDelay, maxParallel, maxBodyBytes, cacheDir, offline, credentials);
    }

    public HttpSettings withRetryDelay(Duration v) {
        return new HttpSettings(userAgent, connectTimeout, readTimeout, maxRetries, v, maxParallel, maxBodyBytes, cacheDir, offline, credentials);
    }

    public HttpSettings withMaxParallel(int v) {
        return new HttpSettings(userAgent, connectTimeout, readTimeout, maxRetries, retryDelay, v, maxBodyBytes, cacheDir, offline, credentials);
    }

    public HttpSettings withMaxBodyBytes(long v) {
        return new HttpSettings(userAgent, connectTimeout, readTimeout, maxRetries, retryDelay, maxParallel, v, cacheDir, offline, credentials);
    }

    public HttpSettings withCacheDir(Optional<Path> v) {
        return new HttpSettings(userAgent, connectTimeout, readTimeout, maxRetries, retryDelay, maxParallel, maxBodyBytes, v, offline, credentials);
    }

    public HttpSettings withOffline(boolean v) {
        return new HttpSettings(userAgent, connectTimeout, readTimeout, maxRetries, retryDelay, maxParallel, maxBodyBytes, cacheDir, v, credentials);
    }

    public HttpSettings withCredentials(Credentials v) {
        return new HttpSettings(userAgent, connectTimeout, readTimeout, maxRetries, retryDelay, maxParallel, maxBodyBytes, cacheDir, offline, v);
    }
}
