package dev.tentacle.comms.internal.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The server side's trust manager: accepts any client certificate in the TLS handshake. The TLS stack still checks
 * that the client holds the certificate's private key (the CertificateVerify message); whether the certificate's
 * thumbprint is trusted is decided after the handshake, at the comms preamble, where the server can answer with a
 * named rejection that shows both thumbprints instead of a bare TLS alert.
 *
 * <p>It advertises no accepted issuers, so a client sends its self-signed certificate whoever issued it.
 */
final class AnyClientCertificateTrustManager extends X509ExtendedTrustManager {
    static final AnyClientCertificateTrustManager INSTANCE = new AnyClientCertificateTrustManager();

    private AnyClientCertificateTrustManager() {
    }

    private static void acceptClient(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The client sent an empty certificate chain.");
        }
    }

    private static void refuseServer() throws CertificateException {
        throw new CertificateException("This trust manager only checks clients; a client side pins the server with"
                + " ThumbprintTrustManager.");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        acceptClient(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        acceptClient(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        acceptClient(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        refuseServer();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        refuseServer();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        refuseServer();
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
