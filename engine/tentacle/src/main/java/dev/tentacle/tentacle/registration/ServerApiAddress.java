package dev.tentacle.tentacle.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns what a user gives as {@code --server} ({@code https://octopus.example.com:8443/}, a bare host name, or the
 * address of the API itself, {@code .../api}) into the server's base address, {@code https://HOST[:PORT]/PATH/}, which
 * the API's paths are resolved against.
 */
public final class ServerApiAddress {
    private static final String EXAMPLE = "https://octopus.example.com:8443/";

    private ServerApiAddress() {
    }

    /**
     * The base address: scheme {@code https}, the host, the port if given (else HTTPS's 443), and a path that ends in
     * {@code /} without the API's own {@code api/}.
     *
     * @throws IllegalArgumentException saying what is wrong and how to write it
     */
    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--server is empty: give the Octopus Server's address, such as " + EXAMPLE);
        }
        String given = text.strip();
        URI uri = given.contains("://") ? uri(given) : uri("https://" + given);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            throw new IllegalArgumentException("--server " + given + " uses http://, but the Octopus Server's API is"
                    + " HTTPS only (its certificate is how this Tentacle knows the server). Use https:// and the server's"
                    + " web port, such as " + EXAMPLE);
        }
        if (!scheme.equals("https")) {
            throw new IllegalArgumentException("--server " + given + " must start with https://, such as " + EXAMPLE);
        }
        if (uri.getHost() == null) {
            throw invalid(given, "it has no host name");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(given, "give only the scheme, host, port and path: no user name, query or fragment; the API key"
                    + " goes in --apiKey");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        // People often paste the API's own address; its paths are resolved below "api/" anyway.
        if (path.toLowerCase(Locale.ROOT).endsWith("/api/")) {
            path = path.substring(0, path.length() - "api/".length());
        }
        try {
            return new URI("https", null, uri.getHost(), uri.getPort(), null, null, null).resolve(path);
        } catch (URISyntaxException e) {
            throw invalid(given, e.getReason());
        }
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("--server '" + text + "' is not a valid address (" + reason + "); give the"
                + " Octopus Server's address, such as " + EXAMPLE);
    }
}
