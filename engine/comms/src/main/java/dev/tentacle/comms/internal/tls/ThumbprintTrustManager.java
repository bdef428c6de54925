package dev.tentacle.comms.internal.tls;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Trusts exactly one certificate: the peer's leaf whose thumbprint (SHA-1 or SHA-256, whichever form was given)
 * matches. CA chains, host names and validity dates are ignored on purpose: the certificates are self-signed,
 * long-lived, and identified by thumbprint alone, as in Octopus Tentacle. It pins a server (the client side's use)
 * and, the same way, a client.
 */
public final class ThumbprintTrustManager extends PeerCertificateTrustManager {
    private final Thumbprint expected;

    public ThumbprintTrustManager(Thumbprint expected) {
        this.expected = Objects.requireNonNull(expected, "expected");
    }

    public Thumbprint expected() {
        return expected;
    }

    /** Accepts the chain when its leaf matches the pinned thumbprint. */
    public void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The peer presented no certificate, but this side expects one with thumbprint "
                    + expected + ".");
        }
        X509Certificate leaf = chain[0];
        if (!expected.matches(leaf)) {
            throw new UntrustedCertificateException(expected, CertificateThumbprints.of(leaf));
        }
    }

    @Override
    void checkClient(X509Certificate[] chain) throws CertificateException {
        check(chain);
    }

    @Override
    void checkServer(X509Certificate[] chain) throws CertificateException {
        check(chain);
    }
}
