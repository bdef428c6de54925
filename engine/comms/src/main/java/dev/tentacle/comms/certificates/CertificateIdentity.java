package dev.tentacle.comms.certificates;

import dev.tentacle.comms.CertificateThumbprints;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The certificate and private key one side presents in the TLS handshake.
 */
public record CertificateIdentity(X509Certificate certificate, PrivateKey privateKey) {
    public CertificateIdentity {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    public CertificateThumbprints thumbprints() {
        return CertificateThumbprints.of(certificate);
    }
}
