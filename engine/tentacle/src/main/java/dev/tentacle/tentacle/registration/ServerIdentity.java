package dev.tentacle.tentacle.registration;

import dev.tentacle.comms.CertificateThumbprints;
import java.net.URI;
import java.util.Objects;

/**
 * The Octopus Server as the API client verified it: the certificate it presented, which is also the one it reports
 * as its own.
 *
 * @param address the base address the API was reached at, {@code https://HOST:PORT/}
 * @param thumbprints both thumbprints of the server's certificate
 * @param trust whether the certificate was pinned by the user or trusted on first use
 * @param pollingPort where the server accepts polling Tentacles
 * @param product the server's product name, as it reports it
 * @param version the server's version, as it reports it
 */
public record ServerIdentity(URI address, CertificateThumbprints thumbprints, ServerTrust trust, int pollingPort,
        String product, String version) {
    public ServerIdentity {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(thumbprints, "thumbprints");
        Objects.requireNonNull(trust, "trust");
    }
}
