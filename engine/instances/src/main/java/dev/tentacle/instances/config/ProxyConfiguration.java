package dev.tentacle.instances.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tentacle.comms.ProxySettings;
import java.util.Optional;

/**
 * An HTTP CONNECT proxy for outgoing connections, as stored in the configuration. A disabled proxy keeps its host
 * and credentials, so that switching it off and on again does not lose them.
 *
 * @param enabled whether connections go through the proxy
 * @param host the proxy's host name or IP address; required when enabled
 * @param port the proxy's port, 1 to 65535; required when enabled, 0 for "not set" when disabled
 * @param username for Basic authentication; null for none
 * @param password for Basic authentication; never printed by {@link #toString()}
 */
public record ProxyConfiguration(
        boolean enabled,
        String host,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int port,
        String username,
        String password) {

    public ProxyConfiguration {
        host = blankToNull(host);
        username = blankToNull(username);
        password = password == null || password.isEmpty() ? null : password;
        if (port < 0 || port > 65535 || (enabled && port == 0)) {
            throw new IllegalArgumentException("The proxy port must be between 1 and 65535, was " + port + ".");
        }
        if (enabled && host == null) {
            throw new IllegalArgumentException("The proxy is enabled but has no host: give the proxy's host name and"
                    + " port, or disable the proxy.");
        }
        if (host != null && host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The proxy host '" + host + "' contains white space; give a host name or IP address.");
        }
    }

    /** No proxy: connect directly. */
    public static ProxyConfiguration disabled() {
        return new ProxyConfiguration(false, null, 0, null, null);
    }

    /** An enabled proxy without authentication. */
    public static ProxyConfiguration of(String host, int port) {
        return new ProxyConfiguration(true, host, port, null, null);
    }

    public ProxyConfiguration withCredentials(String newUsername, String newPassword) {
        return new ProxyConfiguration(enabled, host, port, newUsername, newPassword);
    }

    public ProxyConfiguration withEnabled(boolean newEnabled) {
        return new ProxyConfiguration(newEnabled, host, port, username, password);
    }

    /** The settings the comms stack takes, or empty when the proxy is disabled. */
    public Optional<ProxySettings> toProxySettings() {
        return enabled ? Optional.of(new ProxySettings(host, port, username, password)) : Optional.empty();
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "no proxy" + (host == null ? "" : " (disabled: " + host + ":" + port + ")");
        }
        return "http://" + (username == null ? "" : username + ":***@") + host + ":" + port;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
