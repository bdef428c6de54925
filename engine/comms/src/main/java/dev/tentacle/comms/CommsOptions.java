package dev.tentacle.comms;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable tuning for a comms runtime. Defaults suit production; tests shorten the timings.
 *
 * @param maxFrameSize largest frame accepted, checked before any allocation (default 16 MiB)
 * @param preAuthenticationTimeout time a new connection has to finish TLS and the preamble (default 30 s)
 * @param heartbeatInterval an idle connection sends a heartbeat this often (default 30 s); a connection silent for
 *     three intervals is considered dead
 * @param connectTimeout time to establish a TCP connection, through a proxy if any (default 60 s)
 * @param pooledConnectionMaxIdle a pooled connection idle longer than this is probed with a heartbeat before reuse
 *     (default 30 s)
 * @param pollingConnectionCount connections a polling subscriber keeps to each server (default 5)
 * @param pollingReconnectMinimum first reconnect delay of a polling subscriber (default 5 s)
 * @param pollingReconnectMaximum cap of the exponential reconnect delay (default 2 min)
 * @param pickupTimeout how long a call for a polling subscriber waits in the queue for a connection (default 2 min)
 * @param streamWindowSize bytes a stream sender may have outstanding before the reader acknowledges (default 1 MiB)
 * @param streamChunkSize size of one data chunk frame (default 64 KiB)
 * @param tlsProvider which TLS implementation to use
 */
public record CommsOptions(
        int maxFrameSize,
        Duration preAuthenticationTimeout,
        Duration heartbeatInterval,
        Duration connectTimeout,
        Duration pooledConnectionMaxIdle,
        int pollingConnectionCount,
        Duration pollingReconnectMinimum,
        Duration pollingReconnectMaximum,
        Duration pickupTimeout,
        int streamWindowSize,
        int streamChunkSize,
        TlsProvider tlsProvider) {

    public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;
    /** Smallest permitted maximum frame size; below it even control messages would not fit. */
    public static final int MIN_MAX_FRAME_SIZE = 4 * 1024;

    /** Which TLS engine to use. AUTO prefers OpenSSL (BoringSSL) and falls back to the JDK's. */
    public enum TlsProvider { AUTO, OPENSSL, JDK }

    public CommsOptions {
        if (maxFrameSize < MIN_MAX_FRAME_SIZE) {
            throw new IllegalArgumentException("maxFrameSize must be at least " + MIN_MAX_FRAME_SIZE + " bytes, was " + maxFrameSize);
        }
        positive(preAuthenticationTimeout, "preAuthenticationTimeout");
        positive(heartbeatInterval, "heartbeatInterval");
        positive(connectTimeout, "connectTimeout");
        positive(pooledConnectionMaxIdle, "pooledConnectionMaxIdle");
        if (pollingConnectionCount < 1 || pollingConnectionCount > 100) {
            throw new IllegalArgumentException("pollingConnectionCount must be 1 to 100, was " + pollingConnectionCount);
        }
        positive(pollingReconnectMinimum, "pollingReconnectMinimum");
        positive(pollingReconnectMaximum, "pollingReconnectMaximum");
        if (pollingReconnectMaximum.compareTo(pollingReconnectMinimum) < 0) {
            throw new IllegalArgumentException("pollingReconnectMaximum (" + pollingReconnectMaximum
                    + ") is shorter than pollingReconnectMinimum (" + pollingReconnectMinimum + ")");
        }
        positive(pickupTimeout, "pickupTimeout");
        if (streamChunkSize < 1024 || streamChunkSize > maxFrameSize - 64) {
            throw new IllegalArgumentException("streamChunkSize must be between 1 KiB and maxFrameSize - 64, was " + streamChunkSize);
        }
        if (streamWindowSize < streamChunkSize) {
            throw new IllegalArgumentException("streamWindowSize (" + streamWindowSize + ") must hold at least one chunk ("
                    + streamChunkSize + ")");
        }
        Objects.requireNonNull(tlsProvider, "tlsProvider");
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }

    public static CommsOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .maxFrameSize(maxFrameSize)
                .preAuthenticationTimeout(preAuthenticationTimeout)
                .heartbeatInterval(heartbeatInterval)
                .connectTimeout(connectTimeout)
                .pooledConnectionMaxIdle(pooledConnectionMaxIdle)
                .pollingConnectionCount(pollingConnectionCount)
                .pollingReconnect(pollingReconnectMinimum, pollingReconnectMaximum)
                .pickupTimeout(pickupTimeout)
                .streamWindowSize(streamWindowSize)
                .streamChunkSize(streamChunkSize)
                .tlsProvider(tlsProvider);
    }

    public static final class Builder {
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private Duration preAuthenticationTimeout = Duration.ofSeconds(30);
        private Duration heartbeatInterval = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(60);
        private Duration pooledConnectionMaxIdle = Duration.ofSeconds(30);
        private int pollingConnectionCount = 5;
        private Duration pollingReconnectMinimum = Duration.ofSeconds(5);
        private Duration pollingReconnectMaximum = Duration.ofMinutes(2);
        private Duration pickupTimeout = Duration.ofMinutes(2);
        private int streamWindowSize = 1024 * 1024;
        private int streamChunkSize = 64 * 1024;
        private TlsProvider tlsProvider = TlsProvider.AUTO;

        private Builder() {
        }

        public Builder maxFrameSize(int bytes) {
            this.maxFrameSize = bytes;
            return this;
        }

        public Builder preAuthenticationTimeout(Duration timeout) {
            this.preAuthenticationTimeout = timeout;
            return this;
        }

        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder pooledConnectionMaxIdle(Duration maxIdle) {
            this.pooledConnectionMaxIdle = maxIdle;
            return this;
        }

        public Builder pollingConnectionCount(int count) {
            this.pollingConnectionCount = count;
            return this;
        }

        public Builder pollingReconnect(Duration minimum, Duration maximum) {
            this.pollingReconnectMinimum = minimum;
            this.pollingReconnectMaximum = maximum;
            return this;
        }

        public Builder pickupTimeout(Duration timeout) {
            this.pickupTimeout = timeout;
            return this;
        }

        public Builder streamWindowSize(int bytes) {
            this.streamWindowSize = bytes;
            return this;
        }

        public Builder streamChunkSize(int bytes) {
            this.streamChunkSize = bytes;
            return this;
        }

        public Builder tlsProvider(TlsProvider provider) {
            this.tlsProvider = provider;
            return this;
        }

        public CommsOptions build() {
            return new CommsOptions(maxFrameSize, preAuthenticationTimeout, heartbeatInterval, connectTimeout,
                    pooledConnectionMaxIdle, pollingConnectionCount, pollingReconnectMinimum, pollingReconnectMaximum,
                    pickupTimeout, streamWindowSize, streamChunkSize, tlsProvider);
        }
    }
}
