package dev.tentacle.comms.internal.tls;

import static dev.tentacle.comms.internal.tls.TlsHandshakeTest.assumeAvailable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsOptions.TlsProvider;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Peers that are not what the comms stack expects, each producing one named error. */
class TlsNegativePeersTest {
    private static final int TLS_1_0 = 0x0301;
    private static final int TLS_1_1 = 0x0302;
    private static final int ALERT = 21;
    private static final int FATAL = 2;
    private static final int PROTOCOL_VERSION = 70;

    private static CertificateIdentity server;
    private static CertificateIdentity tentacle;

    @BeforeAll
    static void certificates() {
        server = CertificateGenerator.generate("Octopus Portal");
        tentacle = CertificateGenerator.generate("Octopus Tentacle");
    }

    @ParameterizedTest(name = "{0} server, client offering {1}")
    @CsvSource({"JDK,769", "JDK,770", "OPENSSL,769", "OPENSSL,770"})
    void serverRefusesClientOfferingOnlyTlsOlderThan12(TlsProvider provider, int version) throws Exception {
        assumeAvailable(provider);
        try (var loopback = new TlsLoopback()) {
            int port = loopback.startServer(TlsContexts.server(server, provider));

            byte[] answer = RawPeer.exchange(port, RawPeer.clientHello(version));
            CommsException error = TlsFailures.classifyIncoming(loopback.serverSide().failure(), "127.0.0.1:50000");

            assertThat(answer).hasSize(7);
            assertThat(new int[] {answer[0], answer[5], answer[6]}).containsExactly(ALERT, FATAL, PROTOCOL_VERSION);
            assertThat(error.code()).isEqualTo(ErrorCode.TLS_VERSION_MISMATCH);
            assertThat(error.getMessage()).startsWith("The client at 127.0.0.1:50000 and this side share no TLS version:"
                    + " the client offers only TLS versions older than 1.2.");
        }
    }

    @ParameterizedTest(name = "{0} client, server choosing {1}")
    @CsvSource({"JDK,769", "JDK,770", "OPENSSL,769", "OPENSSL,770"})
    void clientRefusesServerSpeakingOnlyTlsOlderThan12(TlsProvider provider, int version) throws Exception {
        assumeAvailable(provider);
        Thumbprint expected = server.thumbprints().sha256();
        try (var oldServer = RawPeer.answering(RawPeer.serverHello(version)); var loopback = new TlsLoopback()) {
            var client = loopback.connect(TlsContexts.client(tentacle, expected, provider), oldServer.port());

            CommsException error = TlsFailures.classify(client.failure(), expected, "old-server:10933");

            assertThat(oldServer.received.get(TlsLoopback.TIMEOUT_SECONDS, TimeUnit.SECONDS)[0]).isEqualTo((byte) 22);
            assertThat(error.code()).isEqualTo(ErrorCode.TLS_VERSION_MISMATCH);
            assertThat(error.getMessage()).startsWith("The server at old-server:10933 and this side share no TLS"
                    + " version: the server offers only TLS versions older than 1.2.");
        }
    }

    @ParameterizedTest
    @CsvSource({"JDK", "OPENSSL"})
    void clientReportsPlainHttpServerAsNotSpeakingTls(TlsProvider provider) throws Exception {
        assumeAvailable(provider);
        Thumbprint expected = server.thumbprints().sha256();
        try (var webServer = RawPeer.plainHttpServer(); var loopback = new TlsLoopback()) {
            var client = loopback.connect(TlsContexts.client(tentacle, expected, provider), webServer.port());

            CommsException error = TlsFailures.classify(client.failure(), expected, "127.0.0.1:" + webServer.port());

            assertThat(error.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
            assertThat(error.getMessage()).startsWith("The peer at 127.0.0.1:" + webServer.port() + " does not speak TLS")
                    .contains("plain HTTP server");
        }
    }

    @ParameterizedTest(name = "{0} server, {1} client, {2}")
    @CsvSource({
        "JDK,JDK,TLSv1.3", "JDK,JDK,TLSv1.2", "OPENSSL,OPENSSL,TLSv1.3", "OPENSSL,OPENSSL,TLSv1.2",
        "JDK,OPENSSL,TLSv1.3", "OPENSSL,JDK,TLSv1.3"})
    void clientLearnsThatAServerRejectingItInTlsDoesNotTrustIt(TlsProvider serverProvider, TlsProvider clientProvider,
            String protocol) throws Exception {
        assumeAvailable(serverProvider, clientProvider);
        // A peer that checks client thumbprints inside TLS, as the original .NET Tentacle does, and trusts someone else.
        SslContext strict = SslContextBuilder.forServer(server.privateKey(), server.certificate())
                .clientAuth(ClientAuth.REQUIRE)
                .trustManager(new ThumbprintTrustManager(CertificateGenerator.generate("Someone Else").thumbprints().sha1()))
                .sslProvider(TlsContexts.sslProvider(serverProvider)).protocols(protocol).build();
        Thumbprint expected = server.thumbprints().sha256();
        try (var loopback = new TlsLoopback()) {
            int port = loopback.startServer(strict);
            var client = loopback.connect(TlsContexts.client(tentacle, expected, clientProvider), port);

            CommsException error = TlsFailures.classify(client.failure(), expected, "127.0.0.1:" + port);

            assertThat(error.code()).isEqualTo(ErrorCode.UNTRUSTED_PEER);
            assertThat(error.getMessage()).startsWith("The server at 127.0.0.1:" + port)
                    .contains("not trust this side's certificate")
                    .contains("Add this side's thumbprint");
        }
    }
}
