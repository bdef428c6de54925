package dev.tentacle.tentacle.registration;

import dev.tentacle.comms.Thumbprint;
import java.net.URI;
import java.util.Objects;

/**
 * How to reach and authenticate to an Octopus Server's API.
 *
 * @param address the server's base address, as {@link ServerApiAddress#parse} gives it
 * @param apiKey the API key, sent in the {@code X-Octopus-ApiKey} header once the server's certificate is verified
 * @param serverThumbprint the server certificate's thumbprint (SHA-1 or SHA-256) to pin; null to trust on first use
 */
public record ServerConnection(URI address, String apiKey, Thumbprint serverThumbprint) {
    public ServerConnection {
        Objects.requireNonNull(address, "address");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("An API key is required (--apiKey); create one on the Octopus Server with:"
                    + " octopus-server create-api-key --name NAME");
        }
        apiKey = apiKey.strip();
    }

    @Override
    public String toString() {
        return "ServerConnection[" + address + ", apiKey=********, serverThumbprint=" + serverThumbprint + "]";
    }
}
