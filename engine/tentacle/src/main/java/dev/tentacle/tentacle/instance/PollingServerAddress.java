package dev.tentacle.tentacle.instance;

import dev.tentacle.comms.ServiceEndpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns what a user types for an Octopus Server's polling endpoint ({@code octopus.example.com},
 * {@code https://octopus.example.com:10943/}, plus an optional separate port) into the {@code https://HOST:PORT/}
 * address stored in the configuration.
 */
public final class PollingServerAddress {
    private PollingServerAddress() {
    }

    /**
     * The polling address.
     *
     * @param address a host name, an IP address, or an {@code https://} URL
     * @param port the port when the address has none; null for 10943
     * @throws IllegalArgumentException saying what is wrong and how to write it, for anything else, and when the
     *     address and {@code port} name different ports
     */
    public static URI parse(String address, Integer port) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("The server's polling address is empty: give its host name, such as"
                    + " octopus.example.com, or https://octopus.example.com:10943/.");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("The server's polling port must be between 1 and 65535, was " + port
                    + ". Octopus Server's usual polling port is " + ServiceEndpoint.DEFAULT_POLLING_PORT + ".");
        }
        String text = address.strip();
        URI uri = text.contains("://") ? url(text) : bareHost(text);
        if (uri.getPort() != -1 && port != null && uri.getPort() != port) {
            throw new IllegalArgumentException("The address " + text + " names port " + uri.getPort()
                    + " but the port option says " + port + ": give the port once.");
        }
        int chosen = uri.getPort() != -1 ? uri.getPort() : port != null ? port : ServiceEndpoint.DEFAULT_POLLING_PORT;
        try {
            return new URI("https", null, uri.getHost(), chosen, uri.getPath() == null || uri.getPath().isEmpty() ? "/"
                    : uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
    }

    private static URI url(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            throw new IllegalArgumentException("The server's polling address " + text + " must start with https://"
                    + " (the comms port always uses TLS), for example https://octopus.example.com:10943/.");
        }
        if (uri.getHost() == null) {
            throw invalid(text, "it has no host name");
        }
        return uri;
    }

    private static URI bareHost(String text) {
        // An IPv6 address written without brackets would otherwise read as host:port.
        String host = text.indexOf(':') != text.lastIndexOf(':') && !text.startsWith("[") ? "[" + text + "]" : text;
        return url("https://" + host + "/");
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("The server's polling address '" + text + "' is not valid (" + reason
                + "); give a host name such as octopus.example.com, or https://octopus.example.com:10943/.");
    }
}
