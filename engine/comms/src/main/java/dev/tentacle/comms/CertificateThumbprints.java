package dev.tentacle.comms;

import java.security.cert.X509Certificate;

/**
 * Both thumbprint forms of one certificate, for display: wherever a thumbprint is shown, both are shown.
 */
public record CertificateThumbprints(Thumbprint sha1, Thumbprint sha256) {
    public static CertificateThumbprints of(X509Certificate certificate) {
        return new CertificateThumbprints(Thumbprint.sha1(certificate), Thumbprint.sha256(certificate));
    }

    /** True when the thumbprint, in either form, identifies this certificate. */
    public boolean matches(Thumbprint thumbprint) {
        return thumbprint.equals(thumbprint.algorithm() == Thumbprint.Algorithm.SHA1 ? sha1 : sha256);
    }

    @Override
    public String toString() {
        return "SHA-1 " + sha1 + ", SHA-256 " + sha256;
    }
}
