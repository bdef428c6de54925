package dev.tentacle.servermanager.addmachine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The host and port a listening Tentacle is reached at, as typed: a host name or IP address, and a port (10933 unless
 * the Tentacle was set up otherwise). A whole address pasted into the host field ({@code https://web01:10933/} or
 * {@code web01:10933}) is understood too, its port taking the place of the port field's.
 */
record TentacleAddress(String host, int port) {
    static final int DEFAULT_PORT = 10933;

    /** Why the host field cannot be used, or empty when it can. */
    static Optional<String> hostProblem(String hostText) {
        String text = hostText == null ? "" : hostText.strip();
        if (text.isEmpty()) {
            return Optional.of("Enter the Tentacle machine's host name or IP address.");
        }
        try {
            parse(text, Integer.toString(DEFAULT_PORT));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Why the port field cannot be used, or empty when it can. */
    static Optional<String> portProblem(String portText) {
        try {
            port(portText);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Reads the fields.
     *
     * @throws IllegalArgumentException saying what to type instead
     */
    static TentacleAddress parse(String hostText, String portText) {
        String text = hostText == null ? "" : hostText.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Enter the Tentacle machine's host name or IP address.");
        }
        if (text.contains("://")) {
            return fromUrl(text, portText);
        }
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("'" + text + "' opens a bracket for an IPv6 address but does not close it.");
            }
            String rest = text.substring(end + 1);
            String host = checkedHost(text.substring(1, end), text);
            return rest.isEmpty() ? new TentacleAddress(host, port(portText))
                    : new TentacleAddress(host, port(rest.startsWith(":") ? rest.substring(1) : rest));
        }
        int colon = text.indexOf(':');
        if (colon > 0 && colon == text.lastIndexOf(':')) {
            return new TentacleAddress(checkedHost(text.substring(0, colon), text), port(text.substring(colon + 1)));
        }
        return new TentacleAddress(checkedHost(text, text), port(portText));
    }

    private static TentacleAddress fromUrl(String text, String portText) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address; enter the host name or IP address"
                    + " only, such as web01.example.com.", e);
        }
        if (!"https".equals(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("A listening Tentacle is reached at https://HOST:10933; '" + text
                    + "' is not such an address. Enter the host name or IP address only.");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new TentacleAddress(host, uri.getPort() == -1 ? port(portText) : uri.getPort());
    }

    private static String checkedHost(String host, String typed) {
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '?'
                || c == '#' || c == '@' || c == ',' || c == '\\')) {
            throw new IllegalArgumentException("'" + typed + "' is not a host name or IP address; enter one such as"
                    + " web01.example.com or 10.0.0.5.");
        }
        return host;
    }

    private static int port(String portText) {
        String text = portText == null ? "" : portText.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Enter the port the Tentacle listens on: 10933 unless it was set up"
                    + " otherwise.");
        }
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The port '" + text + "' is not a number; a listening Tentacle uses"
                    + " 10933 unless it was set up otherwise.", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The port must be 1 to 65535, not " + port + ".");
        }
        return port;
    }

    /** {@code host:port}, an IPv6 address in brackets. */
    String target() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
