package dev.tentacle.comms;

import java.security.cert.X509Certificate;

/**
 * Both thumbprint forms of one certificate, for display: wherever a thumbprint is shown, both are shown.
 */
public record CertificateThumbprints(Thumbprint sha1, Thumbprint sha256) {
    public static CertificateThumbprints of(X509Certificate certificate) {
        return new CertificateThumbprints(Thumbprint.sha1(certificate), Thumbprint.sha256(certificate));
    }

    @Override
    public String toString() {
        return "SHA-1 " + sha1 + ", SHA-256 " + sha256;
    }
}
