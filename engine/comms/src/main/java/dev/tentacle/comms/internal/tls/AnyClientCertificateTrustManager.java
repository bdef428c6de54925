package dev.tentacle.comms.internal.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The server side's trust manager: accepts any client certificate in the TLS handshake. The TLS stack still checks
 * that the client holds the certificate's private key (the CertificateVerify message); whether the certificate's
 * thumbprint is trusted is decided after the handshake, at the comms preamble, where the server can answer with a
 * named rejection that shows both thumbprints instead of a bare TLS alert.
 */
final class AnyClientCertificateTrustManager extends PeerCertificateTrustManager {
    static final AnyClientCertificateTrustManager INSTANCE = new AnyClientCertificateTrustManager();

    private AnyClientCertificateTrustManager() {
    }

    @Override
    void checkClient(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The client sent an empty certificate chain.");
        }
    }

    @Override
    void checkServer(X509Certificate[] chain) throws CertificateException {
        throw new CertificateException("This trust manager only checks clients; a client side pins the server with"
                + " ThumbprintTrustManager.");
    }
}
