package dev.tentacle.comms;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to send calls, and whom to expect there.
 * <ul>
 *   <li>{@code https://host:port/}: a listening endpoint; this side connects to it.</li>
 *   <li>{@code poll://SUBSCRIPTION-ID/}: a polling subscriber; calls wait in a queue until it collects them.</li>
 * </ul>
 *
 * @param uri the endpoint address
 * @param remoteThumbprint the thumbprint the peer must present
 * @param proxy an HTTP CONNECT proxy for outgoing connections, or null for a direct connection
 */
public record ServiceEndpoint(URI uri, Thumbprint remoteThumbprint, ProxySettings proxy) {
    public static final int DEFAULT_LISTENING_PORT = 10933;
    public static final int DEFAULT_POLLING_PORT = 10943;

    public ServiceEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(remoteThumbprint, "remoteThumbprint");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("poll")) {
            throw new IllegalArgumentException("An endpoint address starts with https:// (listening) or poll:// (polling); got '"
                    + uri + "'.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("The endpoint address '" + uri + "' has no host"
                    + (scheme.equals("poll") ? " (subscription id)" : "") + ".");
        }
        if (scheme.equals("poll") && proxy != null) {
            throw new IllegalArgumentException("A poll:// endpoint is reached by the subscriber's own connections; it takes no proxy.");
        }
    }

    public static ServiceEndpoint listening(String host, int port, Thumbprint remoteThumbprint) {
        return new ServiceEndpoint(URI.create("https://" + host + ":" + port + "/"), remoteThumbprint, null);
    }

    public static ServiceEndpoint polling(String subscriptionId, Thumbprint remoteThumbprint) {
        return new ServiceEndpoint(pollingUri(subscriptionId), remoteThumbprint, null);
    }

    /** The canonical {@code poll://ID/} form of a subscription id. */
    public static URI pollingUri(String subscriptionId) {
        // The id is the host part of a poll:// address, so it follows host-name rules (no '_').
        if (subscriptionId == null || !subscriptionId.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("A subscription id is 1 to 63 letters, digits or '-', starting and ending with a "
                    + "letter or digit; got '" + subscriptionId + "'.");
        }
        return URI.create("poll://" + subscriptionId.toLowerCase(Locale.ROOT) + "/");
    }

    public ServiceEndpoint withProxy(ProxySettings proxySettings) {
        return new ServiceEndpoint(uri, remoteThumbprint, proxySettings);
    }

    public boolean isPolling() {
        return uri.getScheme().equalsIgnoreCase("poll");
    }

    public String host() {
        return uri.getHost();
    }

    public int port() {
        return uri.getPort() == -1 ? DEFAULT_LISTENING_PORT : uri.getPort();
    }

    public Optional<ProxySettings> proxySettings() {
        return Optional.ofNullable(proxy);
    }

    @Override
    public String toString() {
        return uri + " (expects " + remoteThumbprint + (proxy == null ? "" : ", via proxy " + proxy) + ")";
    }
}
