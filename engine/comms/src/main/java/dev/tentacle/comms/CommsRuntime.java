package dev.tentacle.comms;

import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.internal.CommsEngine;
import dev.tentacle.comms.retry.RetryListener;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.comms.retry.RetryingCaller;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One side of the comms stack: its certificate, whom it trusts, the services it hosts, and its connections.
 * <ul>
 *   <li>{@link #listen} opens a TLS port that serves callers (a listening Tentacle, port 10933) and polling
 *       subscribers (an Octopus Server, port 10943), and shows browsers a welcome page.</li>
 *   <li>{@link #poll} makes this side a polling subscriber of a server: it connects out and serves the calls the
 *       server queues for its subscription.</li>
 *   <li>{@link #client} returns a proxy that calls a service on a listening endpoint ({@code https://}) or on a
 *       polling subscriber ({@code poll://}).</li>
 * </ul>
 * Thread-safe. Close it to stop listening, polling and all connections.
 */
public final class CommsRuntime implements AutoCloseable {
    private final CommsEngine engine;

    private CommsRuntime(Builder builder) {
        this.engine = new CommsEngine(builder.identity, builder.trust, builder.options, builder.listener, builder.services);
    }

    public static Builder builder(CertificateIdentity identity) {
        return new Builder(identity);
    }

    /**
     * Listens on the address; port 0 picks a free port.
     *
     * @param description what this endpoint is, shown on the welcome page (e.g. "Tentacle listening endpoint")
     * @return the port actually bound
     * @throws CommsException ADDRESS_IN_USE when another process holds the port
     */
    public int listen(InetSocketAddress address, String description) {
        return engine.listen(address, description);
    }

    /** Starts polling the server for calls addressed to {@code poll://subscriptionId/}. */
    public void poll(String subscriptionId, ServiceEndpoint server) {
        engine.poll(subscriptionId, server);
    }

    /** Stops polling the server for the subscription, if this side polls it. */
    public void stopPolling(String subscriptionId, ServiceEndpoint server) {
        engine.stopPolling(subscriptionId, server);
    }

    /** A proxy for a remote service, without retries. */
    public <T> T client(ServiceEndpoint endpoint, Class<T> service) {
        return engine.client(endpoint, service, RetryingCaller.create(RetryPolicy.disabled()));
    }

    /** A proxy for a remote service whose {@link Idempotent} methods are retried on network failures. */
    public <T> T client(ServiceEndpoint endpoint, Class<T> service, RetryPolicy retryPolicy) {
        return engine.client(endpoint, service, RetryingCaller.create(retryPolicy));
    }

    /** As {@link #client(ServiceEndpoint, Class, RetryPolicy)}, reporting every failed attempt and retry to the listener. */
    public <T> T client(ServiceEndpoint endpoint, Class<T> service, RetryPolicy retryPolicy, RetryListener retryListener) {
        return engine.client(endpoint, service, RetryingCaller.builder(retryPolicy).listener(retryListener).build());
    }

    /** Replaces the list of thumbprints allowed to connect in; connections already accepted stay open. */
    public void trust(TrustList trust) {
        engine.trust(trust);
    }

    public TrustList trust() {
        return engine.trust();
    }

    public CertificateThumbprints thumbprints() {
        return engine.thumbprints();
    }

    public CommsOptions options() {
        return engine.options();
    }

    /** Open polling connections from subscribers of the subscription (server side); for diagnostics. */
    public int connectedSubscribers(String subscriptionId) {
        return engine.connectedSubscribers(subscriptionId);
    }

    /** Open pooled connections to a listening endpoint; for diagnostics. */
    public int openConnections(ServiceEndpoint endpoint) {
        return engine.openConnections(endpoint);
    }

    /** Which TLS implementation this runtime uses: "OpenSSL" or "JDK". */
    public String tlsImplementation() {
        return engine.tlsImplementation();
    }

    @Override
    public void close() {
        engine.close();
    }

    public static final class Builder {
        private final CertificateIdentity identity;
        private TrustList trust = TrustList.empty();
        private CommsOptions options = CommsOptions.defaults();
        private CommsListener listener = new LoggingCommsListener();
        private final Map<Class<?>, Object> services = new LinkedHashMap<>();

        private Builder(CertificateIdentity identity) {
            this.identity = Objects.requireNonNull(identity, "identity");
        }

        /** Thumbprints allowed to connect in, as callers or polling subscribers. */
        public Builder trust(TrustList trustList) {
            this.trust = Objects.requireNonNull(trustList, "trust");
            return this;
        }

        public Builder options(CommsOptions commsOptions) {
            this.options = Objects.requireNonNull(commsOptions, "options");
            return this;
        }

        public Builder listener(CommsListener commsListener) {
            this.listener = Objects.requireNonNull(commsListener, "listener");
            return this;
        }

        /** Hosts a service: peers that this side trusts may call it. */
        public <T> Builder service(Class<T> type, T implementation) {
            if (services.putIfAbsent(type, Objects.requireNonNull(implementation, "implementation")) != null) {
                throw new IllegalArgumentException(type.getSimpleName() + " is already hosted.");
            }
            return this;
        }

        public CommsRuntime build() {
            return new CommsRuntime(this);
        }
    }
}
