package dev.tentacle.tentacle.diagnostics;

import dev.tentacle.comms.certificates.CertificateIdentity;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS handshake over an open connection that accepts whatever certificate the peer presents and reports it, so a
 * check can compare it with the one it expects and say what it saw. Nothing is sent before that comparison: only the
 * handshake, in which this side presents its own certificate when given one, as the agent does.
 */
final class TlsProbe {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsProbe() {
    }

    /**
     * A finished handshake.
     *
     * @param presented the peer's certificate
     * @param protocol the TLS version agreed, such as "TLSv1.3"
     */
    record Session(SSLSocket socket, X509Certificate presented, String protocol) {
    }

    /**
     * Shakes hands over {@code connected} (a direct connection or a proxy tunnel); the socket's read timeout bounds
     * the handshake.
     *
     * @param host the name the peer is known by, sent as SNI when it is a host name
     * @param identity this side's certificate and key, or null to present none (as a browser does)
     * @throws javax.net.ssl.SSLException when the handshake fails; {@code connected} is then closed
     */
    static Session handshake(Socket connected, String host, int port, CertificateIdentity identity) throws IOException {
        SSLSocket socket;
        try {
            socket = (SSLSocket) context(identity).getSocketFactory().createSocket(connected, host, port, true);
        } catch (GeneralSecurityException e) {
            connected.close();
            throw new IOException("Could not set up TLS with this instance's certificate: " + e.getMessage(), e);
        }
        try {
            socket.setEnabledProtocols(PROTOCOLS);
            socket.setUseClientMode(true);
            socket.setSoTimeout(connected.getSoTimeout());
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                throw new javax.net.ssl.SSLPeerUnverifiedException("The peer presented no X.509 certificate.");
            }
            return new Session(socket, leaf, socket.getSession().getProtocol());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static SSLContext context(CertificateIdentity identity) throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(identity == null ? new KeyManager[0] : keyManagers(identity),
                new X509ExtendedTrustManager[] {new RecordingTrustManager()}, null);
        return context;
    }

    private static KeyManager[] keyManagers(CertificateIdentity identity) throws GeneralSecurityException, IOException {
        char[] password = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry("identity", identity.privateKey(), password, new Certificate[] {identity.certificate()});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    /**
     * Accepts every server certificate: the caller compares it with the expected thumbprint before it sends anything.
     * An {@link X509ExtendedTrustManager}, so that the JDK adds no host name check on top.
     */
    private static final class RecordingTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("This side is the TLS client.");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("This side is the TLS client.");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("This side is the TLS client.");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
