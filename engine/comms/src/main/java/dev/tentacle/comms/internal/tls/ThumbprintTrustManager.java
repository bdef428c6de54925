package dev.tentacle.comms.internal.tls;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate: the peer's leaf whose thumbprint (SHA-1 or SHA-256, whichever form was given)
 * matches. CA chains, host names and validity dates are ignored on purpose: the certificates are self-signed,
 * long-lived, and identified by thumbprint alone, as in Octopus Tentacle.
 *
 * <p>Extending {@link X509ExtendedTrustManager} matters: the JDK wraps a plain {@code X509TrustManager} in a layer
 * that adds host name and algorithm checks, which pinned self-signed certificates must not be subjected to.
 */
public final class ThumbprintTrustManager extends X509ExtendedTrustManager {
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

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
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    /** No issuer list: the peer should send its own certificate whoever signed it. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS.clone();
    }
}
