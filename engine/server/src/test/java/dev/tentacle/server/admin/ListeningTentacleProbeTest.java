package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.admin.PresentedTentacle.ServerTrust;
import dev.tentacle.server.admin.TentacleProbeException.Problem;
import dev.tentacle.server.node.Agents;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.HttpInterferingServer;
import dev.tentacle.testing.net.PlainHttpServer;
import dev.tentacle.testing.net.Ports;
import dev.tentacle.testing.net.SilentServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The probe against real Tentacle agents, and against each kind of thing that is not one. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ListeningTentacleProbeTest {
    static final CertificateIdentity SERVER = CertificateFixtures.server();
    static final CertificateIdentity AGENT = CertificateFixtures.tentacle();
    static final Duration SHORT = Duration.ofMillis(500);

    @TempDir
    Path temp;

    Agents agents;

    @AfterEach
    void stopAgents() throws Exception {
        if (agents != null) {
            agents.close();
        }
    }

    ListeningTentacleProbe probe() {
        return new ListeningTentacleProbe(SERVER, ListeningTentacleProbe.DEFAULT_TIMEOUT);
    }

    @Test
    void showsTheCertificateOfATentacleThatTrustsThisServer() {
        agents = new Agents(AGENT, SERVER);
        int port = agents.listening(temp.resolve("web01"));

        PresentedTentacle presented = probe().probe("127.0.0.1", port);

        assertThat(presented.thumbprints()).isEqualTo(AGENT.thumbprints());
        assertThat(presented.serverTrust()).isEqualTo(ServerTrust.TRUSTED);
        assertThat(presented.tlsProtocol()).isIn("TLSv1.3", "TLSv1.2");
        assertThat(presented.target()).isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void showsTheCertificateOfATentacleThatDoesNotTrustThisServerYet() {
        agents = new Agents(AGENT, CertificateFixtures.other());
        int port = agents.listening(temp.resolve("web01"));

        PresentedTentacle presented = probe().probe("localhost", port);

        assertThat(presented.thumbprints()).isEqualTo(AGENT.thumbprints());
        assertThat(presented.serverTrust()).isEqualTo(ServerTrust.NOT_TRUSTED);
    }

    @Test
    void anUnknownHostIsADnsProblem() {
        assertThatThrownBy(() -> probe().probe("no-such-tentacle.invalid", 10933))
                .isInstanceOfSatisfying(TentacleProbeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_HOST))
                .hasMessageStartingWith("The host name 'no-such-tentacle.invalid' does not resolve (DNS)")
                .hasMessageContaining("IP address");
    }

    @Test
    void aPortNobodyListensOnIsRefused() {
        int port = Ports.freeLoopbackPort();

        assertThatThrownBy(() -> probe().probe("127.0.0.1", port))
                .isInstanceOfSatisfying(TentacleProbeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.REFUSED))
                .hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("refused")
                .hasMessageContaining("Is the Tentacle running").hasMessageContaining("tentacle show-configuration");
    }

    @Test
    void aPeerThatNeverAnswersTimesOut() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            assertThatThrownBy(() -> new ListeningTentacleProbe(SERVER, SHORT).probe("127.0.0.1", silent.port()))
                    .isInstanceOfSatisfying(TentacleProbeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TIMEOUT))
                    .hasMessageContaining("accepted the connection but did not complete a TLS handshake within 500 ms");
        }
    }

    @Test
    void aConnectionNobodyAcceptsTimesOutAsAFirewallDroppingPackets() throws Exception {
        // A listening socket whose accept queue is full: the kernel drops further connection attempts unanswered.
        try (ServerSocket full = new ServerSocket()) {
            full.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            java.util.List<Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(filler);
                    } catch (IOException e) {
                        filler.close();
                        break;
                    }
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(fillers.size() < 8,
                        "this kernel answers every connection attempt; nothing to time out against");

                assertThatThrownBy(() -> new ListeningTentacleProbe(SERVER, SHORT).probe("127.0.0.1", full.getLocalPort()))
                        .isInstanceOfSatisfying(TentacleProbeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TIMEOUT))
                        .hasMessageContaining("got no answer within 500 ms").hasMessageContaining("firewall");
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void aPlainHttpServerDoesNotSpeakTls() throws Exception {
        try (PlainHttpServer web = PlainHttpServer.start()) {
            assertThatThrownBy(() -> probe().probe("127.0.0.1", web.port()))
                    .isInstanceOfSatisfying(TentacleProbeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_TLS))
                    .hasMessageContaining("does not speak TLS: it answered in plain text, 'HTTP/1.")
                    .hasMessageContaining("proxy");
        }
    }

    @Test
    void aProxyAnsweringTheClientHelloWithABlockPageIsNamed() throws Exception {
        try (HttpInterferingServer proxy = HttpInterferingServer.start(HttpInterferingServer.Trigger.AFTER_TLS_CLIENT_HELLO)) {
            assertThatThrownBy(() -> probe().probe("127.0.0.1", proxy.port()))
                    .isInstanceOfSatisfying(TentacleProbeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_TLS))
                    .hasMessageContaining("'HTTP/1.0 403 Forbidden'")
                    .hasMessageContaining("HTTP proxy, firewall or captive portal");
        }
    }

    @Test
    void aPeerThatClosesDuringTheHandshakeIsATlsFailure() throws Exception {
        try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!closing.isClosed()) {
                    try (Socket socket = closing.accept()) {
                        socket.getInputStream().read();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            assertThatThrownBy(() -> probe().probe("127.0.0.1", closing.getLocalPort()))
                    .isInstanceOfSatisfying(TentacleProbeException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.TLS_HANDSHAKE_FAILED))
                    .hasMessageStartingWith("The TLS handshake with 127.0.0.1:" + closing.getLocalPort() + " failed")
                    .hasMessageContaining("TLS 1.2 or 1.3");
            closing.close();
            acceptor.join();
        }
    }

    @Test
    void aTlsWebServerIsNotATentacle() throws Exception {
        try (SSLServerSocket web = tlsServer(CertificateFixtures.other())) {
            Thread server = Thread.ofVirtual().start(() -> answerOnce(web,
                    "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));

            assertThatThrownBy(() -> probe().probe("127.0.0.1", web.getLocalPort()))
                    .isInstanceOfSatisfying(TentacleProbeException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_A_TENTACLE))
                    .hasMessageContaining("speaks TLS but did not answer as a Tentacle")
                    .hasMessageContaining("'HTTP/1.1 400 Bad Request'");
            server.join();
        }
    }

    @Test
    void thisServersOwnPollingPortIsNotATentacle() {
        try (CommsRuntime pollingEndpoint = CommsRuntime.builder(SERVER).build()) {
            int port = pollingEndpoint.listen(new InetSocketAddress("127.0.0.1", 0), "Octopus Server polling endpoint");

            assertThatThrownBy(() -> probe().probe("127.0.0.1", port))
                    .isInstanceOfSatisfying(TentacleProbeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.THIS_SERVER))
                    .hasMessageContaining("this Octopus Server's own certificate")
                    .hasMessageContaining(SERVER.thumbprints().sha1().hex());
        }
    }

    @Test
    void rejectsInputThatIsNoAddress() {
        assertThatThrownBy(() -> probe().probe("  ", 10933)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Give the Tentacle's host name or IP address.");
        assertThatThrownBy(() -> probe().probe("https://web01/", 10933)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a host name or IP address");
        assertThatThrownBy(() -> probe().probe("web01", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The port must be 1 to 65535, was 0");
        assertThatThrownBy(() -> probe().probe("web01", 65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 65536");
        assertThatThrownBy(() -> new ListeningTentacleProbe(SERVER, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIpv6AddressIsWrittenInBrackets() {
        assertThat(ListeningTentacleProbe.target("::1", 10933)).isEqualTo("[::1]:10933");
        assertThat(ListeningTentacleProbe.target("web01", 10933)).isEqualTo("web01:10933");
    }

    static SSLServerSocket tlsServer(CertificateIdentity identity) throws Exception {
        char[] password = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry("web", identity.privateKey(), password, new Certificate[] {identity.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** Accepts one connection, reads a line, answers and closes. */
    static void answerOnce(ServerSocket server, String answer) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                // read the client's line
            }
            OutputStream out = socket.getOutputStream();
            out.write(answer.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // The test's assertion says what went wrong.
        }
    }
}
