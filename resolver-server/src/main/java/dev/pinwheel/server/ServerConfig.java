package dev.pinwheel.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PinwheelServer} listens, caches and limits its work. Which indexes it serves is given to
 * {@link PinwheelServer.Builder#index} separately, because indexes are live objects and this is plain data.
 *
 * <p>Every default is safe for a server on a developer's machine: it listens on loopback only, bodies are
 * small, and at most {@link #maxInFlight()} resolutions run at once. Immutable and thread-safe.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.builder()
 *         .bindAddress("0.0.0.0").port(8080)
 *         .cacheMaxEntries(10_000).cacheFreshFor(Duration.ofMinutes(5))
 *         .maxInFlight(8).resolutionTimeout(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 */
public final class ServerConfig {
    private final String bindAddress;
    private final int port;
    private final int cacheMaxEntries;
    private final Duration cacheFreshFor;
    private final Duration cacheMaxAge;
    private final int maxBodyBytes;
    private final int maxRequirements;
    private final int maxRequirementLength;
    private final Duration resolutionTimeout;
    private final int conflictBudget;
    private final int maxInFlight;
    private final Duration queueTimeout;
    private final int httpThreads;
    private final Duration retryAfter;
    private final Duration shutdownGrace;

    private ServerConfig(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.cacheMaxEntries = b.cacheMaxEntries;
        this.cacheFreshFor = b.cacheFreshFor;
        this.cacheMaxAge = b.cacheMaxAge;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxRequirements = b.maxRequirements;
        this.maxRequirementLength = b.maxRequirementLength;
        this.resolutionTimeout = b.resolutionTimeout;
        this.conflictBudget = b.conflictBudget;
        this.maxInFlight = b.maxInFlight;
        this.queueTimeout = b.queueTimeout;
        this.httpThreads = b.httpThreads;
        this.retryAfter = b.retryAfter;
        this.shutdownGrace = b.shutdownGrace;
    }

    /** The defaults: see each accessor. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bindAddress = bindAddress;
        b.port = port;
        b.cacheMaxEntries = cacheMaxEntries;
        b.cacheFreshFor = cacheFreshFor;
        b.cacheMaxAge = cacheMaxAge;
        b.maxBodyBytes = maxBodyBytes;
        b.maxRequirements = maxRequirements;
        b.maxRequirementLength = maxRequirementLength;
        b.resolutionTimeout = resolutionTimeout;
        b.conflictBudget = conflictBudget;
        b.maxInFlight = maxInFlight;
        b.queueTimeout = queueTimeout;
        b.httpThreads = httpThreads;
        b.retryAfter = retryAfter;
        b.shutdownGrace = shutdownGrace;
        return b;
    }

    /** The address to listen on; default {@code 127.0.0.1} (loopback only). */
    public String bindAddress() {
        return bindAddress;
    }

    /** The TCP port; {@code 0} picks a free one (see {@link PinwheelServer#port()}). Default 8080. */
    public int port() {
        return port;
    }

    /** How many answers the cache holds; the least recently used goes first. Default 10,000; 0 disables caching. */
    public int cacheMaxEntries() {
        return cacheMaxEntries;
    }

    /**
     * How long a cached answer is served without looking at the index again, and the {@code max-age} given to
     * HTTP caches. After that the pages it used are revalidated. Default 60 s.
     */
    public Duration cacheFreshFor() {
        return cacheFreshFor;
    }

    /** How long an answer may stay cached at all, however often it is revalidated. Default 24 h. */
    public Duration cacheMaxAge() {
        return cacheMaxAge;
    }

    /** The largest request body accepted, in bytes; larger is a 413. Default 64 KiB. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The most requirements, constraints and overrides in one request, counted together. Default 1,000. */
    public int maxRequirements() {
        return maxRequirements;
    }

    /** The longest single requirement string, in characters. Default 1,000. */
    public int maxRequirementLength() {
        return maxRequirementLength;
    }

    /** How long a client waits for one resolution before a 503; the resolution itself goes on and is cached. Default 30 s. */
    public Duration resolutionTimeout() {
        return resolutionTimeout;
    }

    /** The solver's conflict budget per resolution (deterministic, unlike a clock). Default 200,000. */
    public int conflictBudget() {
        return conflictBudget;
    }

    /**
     * The most resolutions (and revalidations) running at once; a request that finds no free slot within
     * {@link #queueTimeout()} is a 503 with {@code Retry-After}. Cache hits need no slot. Default 4.
     */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * How long a request that needs a resolution waits for one of the {@link #maxInFlight()} slots before it is
     * turned away with a 503. Identical requests that arrive meanwhile wait for the queued one. Default 2 s.
     */
    public Duration queueTimeout() {
        return queueTimeout;
    }

    /**
     * Threads serving HTTP exchanges. A request waiting for its resolution holds one, so keep this well above
     * {@link #maxInFlight()}: cache hits are then served while resolutions run. Default 64.
     */
    public int httpThreads() {
        return httpThreads;
    }

    /** The {@code Retry-After} given with a 503. Default 1 s. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** How long {@link PinwheelServer#close()} waits for requests in progress. Default 10 s. */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    @Override
    public String toString() {
        return "ServerConfig[bind=" + bindAddress + ":" + port + ", cache=" + cacheMaxEntries + "/" + cacheFreshFor
                + "/" + cacheMaxAge + ", maxBody=" + maxBodyBytes + ", maxRequirements=" + maxRequirements
                + ", maxRequirementLength=" + maxRequirementLength + ", timeout=" + resolutionTimeout
                + ", conflictBudget=" + conflictBudget + ", maxInFlight=" + maxInFlight + ", queueTimeout=" + queueTimeout
                + ", httpThreads="
                + httpThreads + "]";
    }

    /** Builds a {@link ServerConfig}; every setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = 8080;
        private int cacheMaxEntries = 10_000;
        private Duration cacheFreshFor = Duration.ofSeconds(60);
        private Duration cacheMaxAge = Duration.ofHours(24);
        private int maxBodyBytes = 64 * 1024;
        private int maxRequirements = 1_000;
        private int maxRequirementLength = 1_000;
        private Duration resolutionTimeout = Duration.ofSeconds(30);
        private int conflictBudget = 200_000;
        private int maxInFlight = 4;
        private Duration queueTimeout = Duration.ofSeconds(2);
        private int httpThreads = 64;
        private Duration retryAfter = Duration.ofSeconds(1);
        private Duration shutdownGrace = Duration.ofSeconds(10);

        private Builder() {
        }

        /** See {@link ServerConfig#bindAddress()}. */
        public Builder bindAddress(String value) {
            this.bindAddress = Objects.requireNonNull(value, "bindAddress");
            return this;
        }

        /** See {@link ServerConfig#port()}. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port not in 0..65535: " + value);
            }
            this.port = value;
            return this;
        }

        /** See {@link ServerConfig#cacheMaxEntries()}. */
        public Builder cacheMaxEntries(int value) {
            this.cacheMaxEntries = nonNegative(value, "cacheMaxEntries");
            return this;
        }

        /** See {@link ServerConfig#cacheFreshFor()}. */
        public Builder cacheFreshFor(Duration value) {
            this.cacheFreshFor = nonNegative(value, "cacheFreshFor");
            return this;
        }

        /** See {@link ServerConfig#cacheMaxAge()}. */
        public Builder cacheMaxAge(Duration value) {
            this.cacheMaxAge = nonNegative(value, "cacheMaxAge");
            return this;
        }

        /** See {@link ServerConfig#maxBodyBytes()}. */
        public Builder maxBodyBytes(int value) {
            this.maxBodyBytes = positive(value, "maxBodyBytes");
            return this;
        }

        /** See {@link ServerConfig#maxRequirements()}. */
        public Builder maxRequirements(int value) {
            this.maxRequirements = positive(value, "maxRequirements");
            return this;
        }

        /** See {@link ServerConfig#maxRequirementLength()}. */
        public Builder maxRequirementLength(int value) {
            this.maxRequirementLength = positive(value, "maxRequirementLength");
            return this;
        }

        /** See {@link ServerConfig#resolutionTimeout()}. */
        public Builder resolutionTimeout(Duration value) {
            this.resolutionTimeout = nonNegative(value, "resolutionTimeout");
            return this;
        }

        /** See {@link ServerConfig#conflictBudget()}. */
        public Builder conflictBudget(int value) {
            this.conflictBudget = positive(value, "conflictBudget");
            return this;
        }

        /** See {@link ServerConfig#maxInFlight()}. */
        public Builder maxInFlight(int value) {
            this.maxInFlight = positive(value, "maxInFlight");
            return this;
        }

        /** See {@link ServerConfig#queueTimeout()}. */
        public Builder queueTimeout(Duration value) {
            this.queueTimeout = nonNegative(value, "queueTimeout");
            return this;
        }

        /** See {@link ServerConfig#httpThreads()}. */
        public Builder httpThreads(int value) {
            this.httpThreads = positive(value, "httpThreads");
            return this;
        }

        /** See {@link ServerConfig#retryAfter()}. */
        public Builder retryAfter(Duration value) {
            this.retryAfter = nonNegative(value, "retryAfter");
            return this;
        }

        /** See {@link ServerConfig#shutdownGrace()}. */
        public Builder shutdownGrace(Duration value) {
            this.shutdownGrace = nonNegative(value, "shutdownGrace");
            return this;
        }

        /** The configuration. */
        public ServerConfig build() {
            return new ServerConfig(this);
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " <= 0: " + value);
            }
            return value;
        }

        private static int nonNegative(int value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " < 0: " + value);
            }
            return value;
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " < 0: " + value);
            }
            return value;
        }
    }
}
