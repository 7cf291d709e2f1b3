package io.mpauthx.server;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the service listens: address, service keys, limits and TLS. Immutable; made with {@link #builder()} and
 * validated once by {@link Builder#build()}, which refuses a wrong value with {@link MpAuthXException} 6001 naming
 * it. {@link #toString()} never shows a key.
 */
public final class ServerSettings {

    /** The address listened on unless configured otherwise: loopback only, so nothing is exposed by accident. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** The port listened on unless configured otherwise. */
    public static final int DEFAULT_PORT = 8080;
    /** The largest request body accepted unless configured otherwise; the largest real one, a login, is ~2 KB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    /** How long one request may take to arrive, first byte to last, unless configured otherwise. */
    public static final Duration DEFAULT_REQUEST_READ_TIMEOUT = Duration.ofSeconds(10);
    /** How long a connection may stay silent before it is closed, unless configured otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** How long a shutdown waits for calls in flight, unless configured otherwise. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** Threads for blocking library calls (logins, revocations) unless configured otherwise. */
    public static final int DEFAULT_BLOCKING_THREADS = 32;
    /** Blocking calls that may wait for a thread before further ones are answered 503. */
    public static final int DEFAULT_MAX_QUEUED_CALLS = 1024;
    static final int MAX_REQUEST_LINE_BYTES = 4096;
    static final int MAX_HEADER_BYTES = 8192;

    private final String bind;
    private final int port;
    private final List<String> serviceKeys;
    private final int maxBodyBytes;
    private final Duration requestReadTimeout;
    private final Duration idleTimeout;
    private final Duration shutdownGrace;
    private final int blockingThreads;
    private final Optional<Path> tlsCertificate;
    private final Optional<Path> tlsPrivateKey;

    private ServerSettings(Builder builder) {
        this.bind = builder.bind;
        this.port = builder.port;
        this.serviceKeys = List.copyOf(builder.serviceKeys);
        this.maxBodyBytes = builder.maxBodyBytes;
        this.requestReadTimeout = builder.requestReadTimeout;
        this.idleTimeout = builder.idleTimeout;
        this.shutdownGrace = builder.shutdownGrace;
        this.blockingThreads = builder.blockingThreads;
        this.tlsCertificate = Optional.ofNullable(builder.tlsCertificate);
        this.tlsPrivateKey = Optional.ofNullable(builder.tlsPrivateKey);
    }

    /** @return a builder with every default set and no service key */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the address listened on */
    public String bind() {
        return bind;
    }

    /** @return the port listened on; 0 picks a free one */
    public int port() {
        return port;
    }

    List<String> serviceKeys() {
        return serviceKeys;
    }

    /** @return the largest request body accepted, in bytes */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** @return how long one request may take to arrive */
    public Duration requestReadTimeout() {
        return requestReadTimeout;
    }

    /** @return how long a connection may stay silent */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return how long a shutdown waits for calls in flight */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    /** @return the threads for blocking library calls */
    public int blockingThreads() {
        return blockingThreads;
    }

    /** @return the PEM certificate chain when the service speaks TLS */
    public Optional<Path> tlsCertificate() {
        return tlsCertificate;
    }

    /** @return the PEM (PKCS#8) private key when the service speaks TLS */
    public Optional<Path> tlsPrivateKey() {
        return tlsPrivateKey;
    }

    @Override
    public String toString() {
        return "ServerSettings[bind=" + bind + ", port=" + port + ", serviceKeys=" + serviceKeys.size()
                + ", maxBodyBytes=" + maxBodyBytes + ", tls=" + tlsCertificate.isPresent() + "]";
    }

    /** Collects settings; {@link #build()} checks them all at once. */
    public static final class Builder {

        private String bind = DEFAULT_BIND;
        private int port = DEFAULT_PORT;
        private final List<String> serviceKeys = new ArrayList<>();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration requestReadTimeout = DEFAULT_REQUEST_READ_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
        private int blockingThreads = DEFAULT_BLOCKING_THREADS;
        private Path tlsCertificate;
        private Path tlsPrivateKey;

        private Builder() {
        }

        /**
         * @param address the IP address or host name to listen on, e.g. {@code 0.0.0.0} for every interface
         * @return this builder
         */
        public Builder bind(String address) {
            this.bind = address;
            return this;
        }

        /**
         * @param port the port, 0 for a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Adds an accepted service key; several may be live at once, so keys can be rotated without downtime.
         *
         * @param key a secret of at least 16 characters
         * @return this builder
         */
        public Builder serviceKey(String key) {
            this.serviceKeys.add(key);
            return this;
        }

        /**
         * @param bytes the largest request body accepted, from 256 to 1,048,576
         * @return this builder
         */
        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * @param timeout how long one request may take to arrive, first byte to last
         * @return this builder
         */
        public Builder requestReadTimeout(Duration timeout) {
            this.requestReadTimeout = timeout;
            return this;
        }

        /**
         * @param timeout how long a connection may stay silent before it is closed
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * @param grace how long a shutdown waits for calls in flight
         * @return this builder
         */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        /**
         * @param threads threads for blocking library calls, at least 1
         * @return this builder
         */
        public Builder blockingThreads(int threads) {
            this.blockingThreads = threads;
            return this;
        }

        /**
         * Serves HTTPS instead of HTTP.
         *
         * @param certificateChain PEM file of the certificate chain
         * @param privateKey PEM file of the unencrypted PKCS#8 private key
         * @return this builder
         */
        public Builder tls(Path certificateChain, Path privateKey) {
            this.tlsCertificate = certificateChain;
            this.tlsPrivateKey = privateKey;
            return this;
        }

        /**
         * @return the settings
         * @throws MpAuthXException 6001 listing every missing or invalid setting
         */
        public ServerSettings build() {
            List<String> problems = new ArrayList<>();
            if (bind == null || bind.isBlank()) {
                problems.add("bind address is missing");
            }
            if (port < 0 || port > 65_535) {
                problems.add("port must be from 0 to 65535");
            }
            if (serviceKeys.isEmpty()) {
                problems.add("at least one service key is required");
            }
            if (serviceKeys.stream().anyMatch(key -> key == null || key.strip().length() < 16)) {
                problems.add("every service key must have at least 16 characters");
            }
            if (maxBodyBytes < 256 || maxBodyBytes > 1024 * 1024) {
                problems.add("max body bytes must be from 256 to 1048576");
            }
            for (Duration duration : new Duration[] {requestReadTimeout, idleTimeout, shutdownGrace}) {
                if (duration == null || duration.isNegative() || duration.isZero()) {
                    problems.add("timeouts must be positive");
                    break;
                }
            }
            if (blockingThreads < 1) {
                problems.add("blocking threads must be at least 1");
            }
            if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
                problems.add("TLS needs both a certificate chain and a private key");
            }
            if (!problems.isEmpty()) {
                throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR,
                        "invalid server settings: " + String.join("; ", problems));
            }
            serviceKeys.replaceAll(String::strip);
            return new ServerSettings(this);
        }

        @Override
        public String toString() {
            return "ServerSettings.Builder[bind=" + bind + ", port=" + port + ", serviceKeys="
                    + serviceKeys.size() + "]";
        }
    }
}
