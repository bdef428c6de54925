package dev.tentacle.server.api;

import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.certificates.CertificateIdentity;
import java.util.Objects;

/**
 * Where and as whom the API listens.
 *
 * @param identity the server's certificate and key, shown to API clients as to Tentacles
 * @param bindHost the address to listen on, e.g. {@code 0.0.0.0} for all or {@code 127.0.0.1} for this machine only
 * @param port the HTTPS port; 0 picks a free one (see {@link ApiServer#port()})
 * @param pollingPort the comms port polling Tentacles connect to, reported by {@code GET /api}
 */
public record ApiServerSettings(CertificateIdentity identity, String bindHost, int port, int pollingPort) {

    public static final int DEFAULT_PORT = 8443;

    public ApiServerSettings {
        Objects.requireNonNull(identity, "identity");
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("The API needs an address to listen on, such as 0.0.0.0 (all) or "
                    + "127.0.0.1 (this machine only)");
        }
        requirePort("API port", port, 0);
        requirePort("polling port", pollingPort, 1);
    }

    /** All addresses, port {@value #DEFAULT_PORT}, polling port {@value ServiceEndpoint#DEFAULT_POLLING_PORT}. */
    public static ApiServerSettings defaults(CertificateIdentity identity) {
        return new ApiServerSettings(identity, "0.0.0.0", DEFAULT_PORT, ServiceEndpoint.DEFAULT_POLLING_PORT);
    }

    public ApiServerSettings withBindHost(String newBindHost) {
        return new ApiServerSettings(identity, newBindHost, port, pollingPort);
    }

    public ApiServerSettings withPort(int newPort) {
        return new ApiServerSettings(identity, bindHost, newPort, pollingPort);
    }

    private static void requirePort(String what, int value, int lowest) {
        if (value < lowest || value > 65_535) {
            throw new IllegalArgumentException("The " + what + " must be from " + lowest + " to 65535, was " + value);
        }
    }
}
