package dev.tentacle.comms.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** The TLS, preamble and plain-text probes against small loopback peers. */
class ProbesTest {
    static final CertificateIdentity PEER = CertificateGenerator.generate("Probed peer");
    static final CertificateIdentity SELF = CertificateGenerator.generate("Probing side");

    /** A TLS peer that answers the first line it reads with {@code answer} (or closes when it is null). */
    private static SSLServerSocket tlsPeer(String answer) throws Exception {
        char[] password = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry("peer", PEER.privateKey(), password, new Certificate[] {PEER.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (SSLSocket accepted = (SSLSocket) server.accept()) {
                String line = new BufferedReader(new InputStreamReader(accepted.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                if (PreambleProbe.CLIENT_LINE.equals(line) && answer != null) {
                    accepted.getOutputStream().write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    accepted.getOutputStream().flush();
                }
            } catch (IOException e) {
                // the test fails on its own
            }
        });
        return server;
    }

    private static Socket connect(ServerSocket server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5000);
        socket.setSoTimeout(5000);
        return socket;
    }

    private static PreambleProbe.Reply preambleReply(String answer) throws Exception {
        try (SSLServerSocket server = tlsPeer(answer)) {
            TlsProbe.Session session = TlsProbe.handshake(connect(server), "localhost", server.getLocalPort(), SELF);
            try (SSLSocket tls = session.socket()) {
                return PreambleProbe.identifyAsClient(tls);
            }
        }
    }

    @Test
    void theHandshakeReportsThePeersCertificateWithoutTrustingIt() throws Exception {
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        try (SSLServerSocket server = tlsPeer("TENTACLE/1 SERVER")) {
            TlsProbe.Session session = TlsProbe.handshake(connect(server), "localhost", server.getLocalPort(), null,
                    seen::set);
            session.socket().close();

            assertThat(session.presented()).isEqualTo(PEER.certificate());
            assertThat(seen.get()).isEqualTo(PEER.certificate());
            assertThat(session.protocol()).isIn("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void thePreambleAnswerIsReadAsTheProtocolSaysOrAsItArrived() throws Exception {
        assertThat(preambleReply("TENTACLE/1 SERVER")).isEqualTo(new PreambleProbe.Reply.Accepted());
        assertThat(preambleReply("TENTACLE/1 REJECTED UNTRUSTED_PEER The certificate is not trusted"))
                .isEqualTo(new PreambleProbe.Reply.Rejected("UNTRUSTED_PEER", "The certificate is not trusted"));
        assertThat(preambleReply("TENTACLE/1 REJECTED SHUTTING_DOWN"))
                .isEqualTo(new PreambleProbe.Reply.Rejected("SHUTTING_DOWN", ""));
        assertThat(preambleReply("HTTP/1.1 400 Bad Request"))
                .isEqualTo(new PreambleProbe.Reply.Unexpected("HTTP/1.1 400 Bad Request"));
        assertThat(preambleReply(null)).isEqualTo(new PreambleProbe.Reply.Closed());
    }

    @Test
    void aPlainTextPortFailsTheHandshakeAndAnswersPlainText() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket accepted = server.accept()) {
                        accepted.getInputStream().read(new byte[512]);
                        accepted.getOutputStream().write("HTTP/1.0 403 Forbidden\r\nServer: firewall\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // the test fails on its own
                    }
                }
            });

            assertThatThrownBy(() -> TlsProbe.handshake(connect(server), "localhost", server.getLocalPort(), null))
                    .isInstanceOf(SSLException.class);
            assertThat(PlainTextProbe.firstLine("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5),
                    Duration.ofSeconds(5), 120)).contains("HTTP/1.0 403 Forbidden");
        }
    }

    @Test
    void binaryOrNoAnswerIsNotPlainTextAndTheLineIsCutAtTheLimit() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                byte[][] answers = {{0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28}, {},
                        "HTTP/1.1 200 OK and then some more".getBytes(StandardCharsets.US_ASCII)};
                for (byte[] answer : answers) {
                    try (Socket accepted = server.accept()) {
                        accepted.getOutputStream().write(answer);
                    } catch (IOException e) {
                        // the test fails on its own
                    }
                }
            });

            assertThat(PlainTextProbe.firstLine(connect(server), "localhost", 120)).isEmpty();
            assertThat(PlainTextProbe.firstLine(connect(server), "localhost", 120)).isEmpty();
            assertThat(PlainTextProbe.firstLine(connect(server), "localhost", 15)).contains("HTTP/1.1 200 OK");
        }
        assertThat(PlainTextProbe.firstLine("127.0.0.1", 1, Duration.ofSeconds(1), Duration.ofSeconds(1), 120))
                .isEmpty();
    }
}
