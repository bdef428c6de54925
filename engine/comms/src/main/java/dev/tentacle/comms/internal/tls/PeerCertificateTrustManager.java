package dev.tentacle.comms.internal.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that decides on the peer's chain alone, whatever the transport: the three overloads of each
 * check lead to one method per direction.
 *
 * <p>Extending {@link X509ExtendedTrustManager} matters: the JDK wraps a plain {@code X509TrustManager} in a layer
 * that adds host name and algorithm checks, which pinned self-signed certificates must not be subjected to.
 * It advertises no accepted issuers, so a peer sends its own certificate whoever issued it.
 */
abstract class PeerCertificateTrustManager extends X509ExtendedTrustManager {

    /** Decides on the chain a client presented to this server. */
    abstract void checkClient(X509Certificate[] chain) throws CertificateException;

    /** Decides on the chain a server presented to this client. */
    abstract void checkServer(X509Certificate[] chain) throws CertificateException;

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkClient(chain);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClient(chain);
    }

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClient(chain);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServer(chain);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServer(chain);
    }

    @Override
    public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServer(chain);
    }

    @Override
    public final X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
