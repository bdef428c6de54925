package dev.tentacle.tentacle.diagnostics;

import static dev.tentacle.tentacle.diagnostics.TestInstances.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ProxySettings;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.ConnectProxy;
import dev.tentacle.testing.net.HttpInterferingServer;
import dev.tentacle.testing.net.PlainHttpServer;
import dev.tentacle.testing.net.Ports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A polling Tentacle checked against a real polling endpoint (a comms runtime listening as the Octopus Server's
 * does), an untrusted server, a server that does not trust this Tentacle, a closed port, an unresolvable host name,
 * and an HTTP CONNECT proxy.
 */
class PollingDiagnosticsTest {
    static final Thumbprint SERVER = CertificateFixtures.server().thumbprints().sha256();
    static final Thumbprint TENTACLE = CertificateFixtures.tentacle().thumbprints().sha256();

    @TempDir
    Path temp;

    CommsRuntime server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** A polling endpoint on loopback presenting {@code identity} and trusting {@code trusted}; returns its port. */
    int startServer(CertificateIdentity identity, TrustList trusted) {
        server = CommsRuntime.builder(identity).trust(trusted).build();
        return server.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "Octopus Server polling endpoint");
    }

    TentacleInstance polling(String host, int port) {
        return polling(host, port, ProxyConfiguration.disabled());
    }

    TentacleInstance polling(String host, int port, ProxyConfiguration proxy) {
        return TestInstances.create(temp, c -> c.withNoListen(true).withPollingProxy(proxy)
                .withTrustedServer(TrustedServer.polling(SERVER, URI.create("https://" + host + ":" + port + "/"), "web01")));
    }

    List<CheckResult> check(TentacleInstance instance) throws InterruptedException {
        return TestInstances.diagnostics(instance).run(r -> { });
    }

    @Test
    void everythingPassesAgainstAServerThatTrustsThisTentacle() throws Exception {
        int port = startServer(CertificateFixtures.server(), TrustList.of(TENTACLE));

        List<CheckResult> results = check(polling("localhost", port));

        assertThat(results).extracting(CheckResult::kind).containsExactly(CheckKind.CONFIGURATION,
                CheckKind.CERTIFICATE, CheckKind.TRUSTED_SERVERS, CheckKind.SERVER_NAME, CheckKind.SERVER_PORT,
                CheckKind.SERVER_CERTIFICATE, CheckKind.DISK_SPACE);
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.PASSED));
        assertThat(only(results, CheckKind.SERVER_NAME).finding()).contains("localhost resolves to");
        assertThat(only(results, CheckKind.SERVER_PORT).name()).isEqualTo("Server port: localhost:" + port);
        assertThat(only(results, CheckKind.SERVER_CERTIFICATE).finding())
                .contains("presented the trusted certificate", SERVER.hex(), "accepted this Tentacle's certificate");
    }

    @Test
    void aServerPresentingAnotherCertificateFailsWithBothThumbprintsAndSendsNothing() throws Exception {
        int port = startServer(CertificateFixtures.other(), TrustList.of(TENTACLE));

        CheckResult certificate = only(check(polling("127.0.0.1", port)), CheckKind.SERVER_CERTIFICATE);

        assertThat(certificate.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(certificate.finding()).contains(CertificateFixtures.other().thumbprints().sha1().hex(),
                "not the trusted " + SERVER.hex(), "Nothing was sent");
        assertThat(certificate.advice()).contains("octopus-server show-thumbprint",
                "tentacle update-trust --instance Web01 --oldThumbprint " + SERVER.hex(), "SSL offloading");
    }

    @Test
    void aServerThatDoesNotTrustThisTentacleSaysWhichSideIsMissingTrust() throws Exception {
        int port = startServer(CertificateFixtures.server(), TrustList.of(CertificateFixtures.other().thumbprints().sha256()));

        CheckResult certificate = only(check(polling("127.0.0.1", port)), CheckKind.SERVER_CERTIFICATE);

        assertThat(certificate.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(certificate.finding()).contains("presented the trusted certificate",
                "does not accept this Tentacle's certificate", CertificateFixtures.tentacle().thumbprints().sha1().hex());
        assertThat(certificate.advice()).contains("tentacle register-with --instance Web01", "tentacle show-thumbprint");
    }

    @Test
    void aClosedPortFailsAndTheCertificateIsNotChecked() throws Exception {
        int port = Ports.freeLoopbackPort();

        List<CheckResult> results = check(polling("127.0.0.1", port));

        CheckResult tcp = only(results, CheckKind.SERVER_PORT);
        assertThat(tcp.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(tcp.finding()).contains("Nothing accepted a connection at 127.0.0.1:" + port, "connection refused");
        assertThat(tcp.advice()).contains("--commsListenPort", "https://127.0.0.1:" + port + "/");
        CheckResult certificate = only(results, CheckKind.SERVER_CERTIFICATE);
        assertThat(certificate.status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(certificate.finding()).contains("does not accept connections");
    }

    @Test
    void anUnresolvableHostFailsTheNameCheckAndSkipsTheRest() throws Exception {
        List<CheckResult> results = check(polling("octopus.invalid", 10943));

        CheckResult name = only(results, CheckKind.SERVER_NAME);
        assertThat(name.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(name.finding()).contains("octopus.invalid does not resolve");
        assertThat(name.advice()).contains("IP address", "tentacle show-configuration --instance Web01");
        assertThat(only(results, CheckKind.SERVER_PORT).status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(only(results, CheckKind.SERVER_CERTIFICATE).status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void throughAProxyEveryCheckPassesAndUsesTheTunnel() throws Exception {
        int port = startServer(CertificateFixtures.server(), TrustList.of(TENTACLE));
        try (ConnectProxy proxy = ConnectProxy.builder().credentials("svc", "secret").start()) {
            ProxySettings settings = proxy.proxySettings();

            List<CheckResult> results = check(polling("localhost", port,
                    ProxyConfiguration.of(settings.host(), settings.port()).withCredentials("svc", "secret")));

            assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.PASSED));
            assertThat(only(results, CheckKind.POLLING_PROXY).finding()).contains("accepts connections")
                    .doesNotContain("secret");
            assertThat(only(results, CheckKind.SERVER_PORT).finding()).contains("opened a tunnel to localhost:" + port);
            assertThat(proxy.tunnelsOpened()).isEqualTo(2);
        }
    }

    @Test
    void aProxyThatWantsCredentialsSaysHowToGiveThem() throws Exception {
        int port = startServer(CertificateFixtures.server(), TrustList.of(TENTACLE));
        try (ConnectProxy proxy = ConnectProxy.builder().credentials("svc", "secret").start()) {
            List<CheckResult> results = check(polling("localhost", port,
                    ProxyConfiguration.of(proxy.proxySettings().host(), proxy.port())));

            CheckResult tcp = only(results, CheckKind.SERVER_PORT);
            assertThat(tcp.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(tcp.finding()).contains("407");
            assertThat(tcp.advice()).contains("tentacle polling-proxy --instance Web01 --proxyUsername NAME --proxyPassword PASSWORD");
            assertThat(only(results, CheckKind.SERVER_CERTIFICATE).status()).isEqualTo(CheckStatus.SKIPPED);
        }
    }

    @Test
    void aProxyThatIsNotRunningFailsTheProxyCheck() throws Exception {
        int closed = Ports.freeLoopbackPort();

        List<CheckResult> results = check(polling("localhost", 10943, ProxyConfiguration.of("127.0.0.1", closed)));

        CheckResult proxy = only(results, CheckKind.POLLING_PROXY);
        assertThat(proxy.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(proxy.finding()).contains("127.0.0.1:" + closed, "connection refused");
        assertThat(proxy.advice()).contains("tentacle polling-proxy --instance Web01 --proxyEnable false");
        assertThat(only(results, CheckKind.SERVER_PORT).finding()).contains("Could not reach the polling proxy");
    }

    @Test
    void behindAProxyANameThatDoesNotResolveHereIsOnlyAWarning() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start()) {
            List<CheckResult> results = check(polling("octopus.invalid", 10943,
                    ProxyConfiguration.of(proxy.proxySettings().host(), proxy.port())));

            CheckResult name = only(results, CheckKind.SERVER_NAME);
            assertThat(name.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(name.finding()).contains("which resolves the name itself");
            CheckResult tcp = only(results, CheckKind.SERVER_PORT);
            assertThat(tcp.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(tcp.finding()).contains("403");
        }
    }

    @Test
    void aFirewallAnsweringInPlainTextIsNamedWithWhatItSaid() throws Exception {
        try (HttpInterferingServer firewall = HttpInterferingServer.start(HttpInterferingServer.Trigger.AFTER_TLS_CLIENT_HELLO)) {
            List<CheckResult> results = check(polling("127.0.0.1", firewall.port()));

            assertThat(only(results, CheckKind.SERVER_PORT).status()).isEqualTo(CheckStatus.PASSED);
            CheckResult certificate = only(results, CheckKind.SERVER_CERTIFICATE);
            assertThat(certificate.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(certificate.finding()).contains("does not speak TLS: it answered in plain text ('HTTP/1.0 403",
                    "proxy, firewall");
            assertThat(certificate.advice()).contains("--commsListenPort", "tentacle polling-proxy --instance Web01");
        }
    }

    @Test
    void aPlainWebServerOnThePollingPortIsNamed() throws Exception {
        try (PlainHttpServer web = PlainHttpServer.start()) {
            CheckResult certificate = only(check(polling("127.0.0.1", web.port())), CheckKind.SERVER_CERTIFICATE);

            assertThat(certificate.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(certificate.finding()).contains("answered in plain text ('HTTP/1.1 200 OK')");
        }
    }
}
