package dev.tentacle.comms;

import java.net.SocketAddress;

/**
 * Connection events, for logs and user interfaces. Every method has a no-op default; implementations must be
 * quick and must not throw, since they run on I/O threads.
 */
public interface CommsListener {
    CommsListener NONE = new CommsListener() {
    };

    /** A peer completed TLS and the preamble and was accepted. */
    default void connectionAccepted(SocketAddress remote, CertificateThumbprints peer, String identity) {
    }

    /** An incoming connection was refused, with the reason a person would need to fix it. */
    default void connectionRejected(SocketAddress remote, CommsException reason) {
    }

    /** A browser (or curl) fetched the welcome page. */
    default void welcomePageServed(SocketAddress remote) {
    }

    /** A polling subscriber connection came up (server side) or this side's polling connection was established. */
    default void subscriberConnected(String subscriptionId, SocketAddress remote) {
    }

    /** A polling connection ended. */
    default void subscriberDisconnected(String subscriptionId, SocketAddress remote) {
    }

    /** This side's outgoing polling connection failed and will be retried after the delay. */
    default void pollingReconnectScheduled(String subscriptionId, CommsException reason, java.time.Duration delay) {
    }
}
