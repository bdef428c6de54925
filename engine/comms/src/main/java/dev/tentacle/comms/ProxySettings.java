package dev.tentacle.comms;

import java.util.Objects;

/**
 * An HTTP CONNECT proxy for outgoing connections, with optional Basic credentials.
 *
 * @param username null or empty for a proxy without authentication
 * @param password ignored without a username
 */
public record ProxySettings(String host, int port, String username, String password) {
    public ProxySettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("The proxy host is empty: give the proxy's host name or IP address.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The proxy port must be between 1 and 65535, was " + port + ".");
        }
    }

    public static ProxySettings of(String host, int port) {
        return new ProxySettings(host, port, null, null);
    }

    public static ProxySettings withCredentials(String host, int port, String username, String password) {
        return new ProxySettings(host, port, username, password);
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    @Override
    public String toString() {
        // Never print the password.
        return "http://" + (hasCredentials() ? username + ":***@" : "") + host + ":" + port;
    }
}
