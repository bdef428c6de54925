package dev.tentacle.comms;

import java.net.SocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes comms events to the log (SLF4J logger {@code dev.tentacle.comms}): refused connections and reconnects as
 * warnings with their full, actionable message; connections and welcome pages at debug level.
 */
public final class LoggingCommsListener implements CommsListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tentacle.comms");

    @Override
    public void connectionAccepted(SocketAddress remote, CertificateThumbprints peer, String identity) {
        LOG.debug("Accepted {} from {} ({})", identity, remote, peer);
    }

    @Override
    public void connectionRejected(SocketAddress remote, CommsException reason) {
        LOG.warn("Refused a connection from {}: {}", remote, reason.toString());
    }

    @Override
    public void welcomePageServed(SocketAddress remote) {
        LOG.debug("Served the welcome page to {}", remote);
    }

    @Override
    public void subscriberConnected(String subscriptionId, SocketAddress remote) {
        LOG.info("Polling connection for poll://{}/ established with {}", subscriptionId, remote);
    }

    @Override
    public void subscriberDisconnected(String subscriptionId, SocketAddress remote) {
        LOG.info("Polling connection for poll://{}/ with {} ended", subscriptionId, remote);
    }

    @Override
    public void pollingReconnectScheduled(String subscriptionId, CommsException reason, Duration delay) {
        LOG.warn("Polling for poll://{}/ will reconnect in {} ms: {}", subscriptionId, delay.toMillis(), reason.toString());
    }
}
