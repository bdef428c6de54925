package dev.tentacle.server.admin;

import dev.tentacle.comms.CertificateThumbprints;
import java.util.Objects;

/**
 * What a listening Tentacle showed when this server connected to it, before anything was trusted: the certificate it
 * presented in the TLS handshake (both thumbprint forms, for the user to compare with what the Tentacle's own manager
 * shows) and whether it accepted this server's certificate.
 *
 * @param host the host name or IP address it was reached at, as given
 * @param port the port it was reached at
 * @param thumbprints both thumbprints of the certificate it presented
 * @param tlsProtocol the TLS version agreed, such as {@code TLSv1.3}
 * @param serverTrust whether the Tentacle trusts this server's certificate already
 */
public record PresentedTentacle(String host, int port, CertificateThumbprints thumbprints, String tlsProtocol,
        ServerTrust serverTrust) {

    /** Whether the Tentacle accepts calls from this server, as its answer to the comms preamble said. */
    public enum ServerTrust {
        /** It answered {@code TENTACLE/1 SERVER}: calls will work once the machine is added. */
        TRUSTED,
        /**
         * It refused this server's certificate ({@code REJECTED UNTRUSTED_PEER}, or closed the connection): it must be
         * told to trust this server ({@code tentacle configure --trust}) and restarted.
         */
        NOT_TRUSTED,
        /** It refused for another reason (such as shutting down), so its trust is not known. */
        UNKNOWN
    }

    public PresentedTentacle {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(thumbprints, "thumbprints");
        Objects.requireNonNull(tlsProtocol, "tlsProtocol");
        Objects.requireNonNull(serverTrust, "serverTrust");
    }

    /** {@code host:port}, as a person would type it. */
    public String target() {
        return ListeningTentacleProbe.target(host, port);
    }
}
