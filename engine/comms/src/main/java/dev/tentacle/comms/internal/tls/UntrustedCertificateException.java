package dev.tentacle.comms.internal.tls;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import java.security.cert.CertificateException;
import java.util.Objects;

/**
 * The peer's certificate does not have the pinned thumbprint. Thrown inside the TLS handshake by
 * {@link ThumbprintTrustManager}; {@link TlsFailures} finds it in the failure's cause chain and turns it into an
 * {@code UNTRUSTED_PEER} error that shows both thumbprints.
 */
public final class UntrustedCertificateException extends CertificateException {
    private final transient Thumbprint expected;
    private final transient CertificateThumbprints presented;

    public UntrustedCertificateException(Thumbprint expected, CertificateThumbprints presented) {
        super("The peer presented a certificate with thumbprint " + presented.sha1() + " (SHA-1) / " + presented.sha256()
                + " (SHA-256), but this side expects " + Objects.requireNonNull(expected, "expected") + ".");
        this.expected = expected;
        this.presented = presented;
    }

    /** The thumbprint this side pins, in the form (SHA-1 or SHA-256) it was configured in. */
    public Thumbprint expected() {
        return expected;
    }

    /** Both thumbprints of the certificate the peer presented. */
    public CertificateThumbprints presented() {
        return presented;
    }
}
