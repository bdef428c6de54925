package dev.tentacle.comms.probe;

import dev.tentacle.comms.certificates.CertificateIdentity;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS 1.2 or 1.3 handshake over an open connection that accepts whatever certificate the peer presents and reports
 * it, so a caller can compare it with the one it expects (or show it to a person) before anything is sent. This side
 * presents its own certificate when given one.
 */
public final class TlsProbe {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsProbe() {
    }

    /**
     * A finished handshake.
     *
     * @param socket the TLS connection; the caller closes it
     * @param presented the peer's certificate
     * @param protocol the TLS version agreed, such as "TLSv1.3"
     */
    public record Session(SSLSocket socket, X509Certificate presented, String protocol) {
    }

    /** TLS could not be set up with this side's certificate (its key or certificate is unusable). */
    public static final class SetupException extends IOException {
        private static final long serialVersionUID = 1L;

        SetupException(GeneralSecurityException cause) {
            super("Could not set up TLS with this instance's certificate: " + cause.getMessage(), cause);
        }
    }

    /** {@link #handshake(Socket, String, int, CertificateIdentity, Consumer)} without watching the certificate. */
    public static Session handshake(Socket connected, String host, int port, CertificateIdentity identity)
            throws IOException {
        return handshake(connected, host, port, identity, presented -> {
        });
    }

    /**
     * Shakes hands over {@code connected} (a direct connection or a proxy tunnel); the socket's read timeout bounds the
     * handshake.
     *
     * @param host the name the peer is known by, sent as SNI when it is a host name
     * @param identity this side's certificate and key, or null to present none (as a browser does)
     * @param presented told the peer's certificate as soon as it arrives, even when the handshake fails afterwards
     *     (as it does when the peer then refuses this side's certificate)
     * @throws SetupException when this side's certificate cannot be used; {@code connected} is then closed
     * @throws javax.net.ssl.SSLException when the handshake fails; {@code connected} is then closed
     */
    public static Session handshake(Socket connected, String host, int port, CertificateIdentity identity,
            Consumer<X509Certificate> presented) throws IOException {
        Objects.requireNonNull(presented, "presented");
        SSLSocket socket;
        try {
            socket = (SSLSocket) context(identity, presented).getSocketFactory().createSocket(connected, host, port, true);
        } catch (GeneralSecurityException e) {
            connected.close();
            throw new SetupException(e);
        }
        try {
            socket.setEnabledProtocols(PROTOCOLS);
            socket.setUseClientMode(true);
            socket.setSoTimeout(connected.getSoTimeout());
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                throw new SSLPeerUnverifiedException("The peer presented no X.509 certificate.");
            }
            return new Session(socket, leaf, socket.getSession().getProtocol());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static SSLContext context(CertificateIdentity identity, Consumer<X509Certificate> presented)
            throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(identity == null ? new KeyManager[0] : keyManagers(identity),
                new X509ExtendedTrustManager[] {new RecordingTrustManager(presented)}, null);
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
     * Accepts every server certificate and passes it on: the caller compares it before it sends anything. An
     * {@link X509ExtendedTrustManager}, so that the JDK adds no host name check on top.
     */
    private static final class RecordingTrustManager extends X509ExtendedTrustManager {
        private final Consumer<X509Certificate> presented;

        RecordingTrustManager(Consumer<X509Certificate> presented) {
            this.presented = presented;
        }

        private void record(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("The peer presented no certificate.");
            }
            presented.accept(chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            record(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            record(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            record(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("This side is the TLS client.");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("This side is the TLS client.");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("This side is the TLS client.");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
