package dev.tentacle.comms.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsOptions.TlsProvider;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateGenerator.KeyType;
import dev.tentacle.comms.certificates.CertificateIdentity;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Real handshakes over loopback between the contexts of {@link TlsContexts}, for each TLS provider. */
class TlsHandshakeTest {
    private static CertificateIdentity server;
    private static CertificateIdentity tentacle;
    private static CertificateIdentity other;

    @BeforeAll
    static void certificates() {
        server = CertificateGenerator.generate("Octopus Portal");
        tentacle = CertificateGenerator.generate("Octopus Tentacle");
        other = CertificateGenerator.generate("Someone Else");
    }

    static void assumeAvailable(TlsProvider... providers) {
        for (TlsProvider provider : providers) {
            if (provider == TlsProvider.OPENSSL) {
                assumeTrue(OpenSsl.isAvailable(), () -> "netty-tcnative does not load here: " + OpenSsl.unavailabilityCause());
            }
        }
    }

    @ParameterizedTest(name = "server {0}, client {1}")
    @CsvSource({"JDK,JDK", "OPENSSL,OPENSSL", "JDK,OPENSSL", "OPENSSL,JDK"})
    void trustedBothWaysSucceedsAndEachSideSeesTheOthersThumbprints(TlsProvider serverProvider, TlsProvider clientProvider)
            throws Exception {
        assumeAvailable(serverProvider, clientProvider);
        try (var loopback = new TlsLoopback()) {
            int port = loopback.startServer(TlsContexts.server(server, serverProvider));
            var client = loopback.connect(TlsContexts.client(tentacle, server.thumbprints().sha256(), clientProvider), port);

            SSLSession clientSession = client.session();
            SSLSession serverSession = loopback.serverSide().session();

            assertThat(clientSession.getProtocol()).isEqualTo("TLSv1.3");
            assertThat(TlsContexts.peerThumbprints(clientSession)).contains(server.thumbprints());
            assertThat(TlsContexts.peerThumbprints(serverSession)).contains(tentacle.thumbprints());
        }
    }

    @ParameterizedTest
    @CsvSource({"JDK,EC_P256", "JDK,RSA_3072", "OPENSSL,EC_P256", "OPENSSL,RSA_3072"})
    void bothKeyTypesHandshake(TlsProvider provider, KeyType keyType) throws Exception {
        assumeAvailable(provider);
        CertificateIdentity rsaServer = CertificateGenerator.generate("Octopus Portal", keyType);
        CertificateIdentity rsaTentacle = CertificateGenerator.generate("Octopus Tentacle", keyType);
        try (var loopback = new TlsLoopback()) {
            int port = loopback.startServer(TlsContexts.server(rsaServer, provider));
            var client = loopback.connect(TlsContexts.client(rsaTentacle, rsaServer.thumbprints().sha1(), provider), port);

            assertThat(TlsContexts.peerThumbprints(client.session())).contains(rsaServer.thumbprints());
            assertThat(TlsContexts.peerThumbprints(loopback.serverSide().session())).contains(rsaTentacle.thumbprints());
        }
    }

    @ParameterizedTest(name = "{0}, pinned by {1}")
    @CsvSource({"JDK,SHA1", "JDK,SHA256", "OPENSSL,SHA1", "OPENSSL,SHA256"})
    void pinsTheServerByEitherThumbprintForm(TlsProvider provider, Thumbprint.Algorithm form) throws Exception {
        assumeAvailable(provider);
        Thumbprint pinned = Thumbprint.of(server.certificate(), form);
        try (var loopback = new TlsLoopback()) {
            int port = loopback.startServer(TlsContexts.server(server, provider));
            var client = loopback.connect(TlsContexts.client(tentacle, pinned, provider), port);

            assertThat(pinned.hex()).hasSize(form.hexLength());
            assertThat(TlsContexts.peerThumbprints(client.session())).contains(server.thumbprints());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"JDK", "OPENSSL"})
    void rejectsServerWhoseThumbprintIsNotThePinnedOne(TlsProvider provider) throws Exception {
        assumeAvailable(provider);
        Thumbprint expected = other.thumbprints().sha256();
        try (var loopback = new TlsLoopback()) {
            int port = loopback.startServer(TlsContexts.server(server, provider));
            var client = loopback.connect(TlsContexts.client(tentacle, expected, provider), port);

            CommsException error = TlsFailures.classify(client.failure(), expected, "127.0.0.1:" + port);

            assertThat(error.code()).isEqualTo(ErrorCode.UNTRUSTED_PEER);
            assertThat(error.getMessage())
                    .startsWith("The server at 127.0.0.1:" + port + " presented a certificate with thumbprint "
                            + server.thumbprints().sha1() + " (SHA-1) / " + server.thumbprints().sha256() + " (SHA-256),"
                            + " but this side expects " + expected + ".")
                    .contains("Check the thumbprint configured here");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"JDK", "OPENSSL"})
    void serverCompletesHandshakeWithClientThatSendsNoCertificate(TlsProvider provider) throws Exception {
        assumeAvailable(provider);
        // Like a browser or curl -k: no client certificate, and no interest in the server's identity.
        SslContext browser = SslContextBuilder.forClient().sslProvider(TlsContexts.sslProvider(provider))
                .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        try (var loopback = new TlsLoopback()) {
            int port = loopback.startServer(TlsContexts.server(server, provider));
            var client = loopback.connect(browser, port);

            assertThat(TlsContexts.peerThumbprints(client.session())).contains(server.thumbprints());
            assertThat(TlsContexts.peerThumbprints(loopback.serverSide().session())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProvider.class, names = {"JDK", "OPENSSL"})
    void serverAcceptsTls12Clients(TlsProvider provider) throws Exception {
        assumeAvailable(provider);
        SslContext tls12 = SslContextBuilder.forClient().sslProvider(TlsContexts.sslProvider(provider))
                .protocols("TLSv1.2").keyManager(tentacle.privateKey(), tentacle.certificate())
                .trustManager(new ThumbprintTrustManager(server.thumbprints().sha256())).build();
        try (var loopback = new TlsLoopback()) {
            int port = loopback.startServer(TlsContexts.server(server, provider));
            var client = loopback.connect(tls12, port);

            assertThat(client.session().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(TlsContexts.peerThumbprints(loopback.serverSide().session())).contains(tentacle.thumbprints());
        }
    }
}
