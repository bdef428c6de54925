package dev.tentacle.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the server's web interface and API listen, always over HTTPS.
 *
 * @param bindAddress the local address or host name to bind; null for all addresses
 * @param port the TCP port, 1 to 65535; default {@value #DEFAULT_PORT}
 */
public record WebListenAddress(String bindAddress, int port) {
    public static final int DEFAULT_PORT = 8443;
    public static final String DEFAULT_BIND_ADDRESS = "localhost";

    public WebListenAddress {
        bindAddress = bindAddress == null || bindAddress.isBlank() ? null : bindAddress.strip();
        if (bindAddress != null && bindAddress.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The web bind address '" + bindAddress + "' contains white space; give"
                    + " one IP address or host name, or * for all addresses.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The web port must be between 1 and 65535, was " + port + ". The usual"
                    + " port is " + DEFAULT_PORT + ".");
        }
    }

    /** {@code https://localhost:8443/}. */
    public static WebListenAddress defaults() {
        return new WebListenAddress(DEFAULT_BIND_ADDRESS, DEFAULT_PORT);
    }

    /**
     * Reads a listen prefix as Octopus Server writes it: {@code https://localhost:8443/}; {@code +} or {@code *} as
     * the host mean all addresses, and a missing port means 443. Only one prefix, over HTTPS, with no path.
     *
     * @throws IllegalArgumentException saying what form is expected
     */
    public static WebListenAddress parsePrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("The web listen prefix is empty; give one such as https://localhost:8443/");
        }
        String text = prefix.strip();
        if (text.contains(",") || text.contains(";")) {
            throw new IllegalArgumentException("The web listen prefix '" + text + "' lists several prefixes; this server"
                    + " listens on one, such as https://localhost:8443/");
        }
        // URI rejects "+" and "*" as host names, so stand them in with a placeholder while parsing.
        String wildcard = "all-addresses.invalid";
        String parsable = text.replaceFirst("(?i)^(https?://)[+*](?=[:/]|$)", "$1" + wildcard);
        URI uri;
        try {
            uri = new URI(parsable);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The web listen prefix '" + text + "' is not a URL; give one such as"
                    + " https://localhost:8443/", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            throw new IllegalArgumentException("The web listen prefix '" + text + "' uses plain HTTP; this server only"
                    + " serves HTTPS. Use https://" + text.substring("http://".length()));
        }
        if (!scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("The web listen prefix '" + text + "' is not an https://HOST:PORT/ URL;"
                    + " give one such as https://localhost:8443/");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("The web listen prefix '" + text + "' has a path; the server listens at"
                    + " the root only, as in https://localhost:8443/");
        }
        String host = uri.getHost().equals(wildcard) ? null : uri.getHost();
        return new WebListenAddress(host, uri.getPort() == -1 ? 443 : uri.getPort());
    }

    /** The prefix this address is written as: {@code https://localhost:8443/}, {@code https://+:8443/} for all. */
    public String prefix() {
        String host = bindAddress == null ? "+" : bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return "https://" + host + ":" + port + "/";
    }
}
