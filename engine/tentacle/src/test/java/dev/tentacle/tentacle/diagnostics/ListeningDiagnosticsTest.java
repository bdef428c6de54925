package dev.tentacle.tentacle.diagnostics;

import static dev.tentacle.tentacle.diagnostics.TestInstances.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.tentacle.agent.TentacleAgent;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.PlainHttpServer;
import dev.tentacle.testing.net.Ports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listening Tentacle checked against a real agent, a closed port, and ports held by other programs. */
class ListeningDiagnosticsTest {
    static final Thumbprint SERVER = CertificateFixtures.server().thumbprints().sha256();

    @TempDir
    Path temp;

    TentacleInstance listeningOn(int port) {
        return TestInstances.create(temp, c -> c.withListenPort(port).withTrustedServer(TrustedServer.listening(SERVER)));
    }

    @Test
    void everythingPassesWhileItsOwnAgentRuns() throws Exception {
        TentacleInstance instance = listeningOn(Ports.freeLoopbackPort());
        try (TentacleAgent agent = TestInstances.startAgent(instance)) {
            List<CheckResult> results = TestInstances.diagnostics(instance).run(r -> { });

            assertThat(results).extracting(CheckResult::kind).containsExactly(CheckKind.CONFIGURATION,
                    CheckKind.CERTIFICATE, CheckKind.TRUSTED_SERVERS, CheckKind.LISTENING_PORT, CheckKind.WELCOME_PAGE,
                    CheckKind.DISK_SPACE);
            assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(CheckStatus.PASSED));
            assertThat(only(results, CheckKind.LISTENING_PORT).finding())
                    .contains("held by this Tentacle's agent", CertificateFixtures.tentacle().thumbprints().sha1().hex());
            assertThat(only(results, CheckKind.WELCOME_PAGE).name())
                    .isEqualTo("Welcome page: https://localhost:" + agent.listeningPort() + "/");
            assertThat(only(results, CheckKind.WELCOME_PAGE).finding()).contains("200 OK", "Tentacle listening endpoint");
            assertThat(only(results, CheckKind.CERTIFICATE).finding())
                    .contains(CertificateFixtures.tentacle().thumbprints().sha256().hex());
            assertThat(only(results, CheckKind.TRUSTED_SERVERS).finding()).contains(SERVER.hex());
        }
    }

    @Test
    void aClosedPortSaysTheTentacleIsNotRunningAndHowToStartIt() throws Exception {
        int port = Ports.freeLoopbackPort();

        List<CheckResult> results = TestInstances.diagnostics(listeningOn(port)).run(r -> { });

        CheckResult listening = only(results, CheckKind.LISTENING_PORT);
        assertThat(listening.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(listening.finding()).contains("Port " + port + " is free", "not running");
        assertThat(listening.advice()).contains("tentacle service --instance Web01 --start", "tentacle run --instance Web01");
        CheckResult welcome = only(results, CheckKind.WELCOME_PAGE);
        assertThat(welcome.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(welcome.finding()).contains("Nothing answered at https://localhost:" + port + "/", "connection refused");
        assertThat(welcome.advice()).contains("tentacle service --instance Web01 --start");
    }

    @Test
    void aPortHeldByAProgramThatDoesNotSpeakTlsFailsAndNamesTheProcess() throws Exception {
        try (ServerSocket other = Ports.occupy()) {
            List<CheckResult> results = TestInstances.diagnostics(listeningOn(other.getLocalPort())).run(r -> { });

            CheckResult listening = only(results, CheckKind.LISTENING_PORT);
            assertThat(listening.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(listening.finding()).contains("Port " + other.getLocalPort() + " is held by another program",
                    "did not answer a TLS handshake");
            assertThat(listening.advice()).contains("tentacle configure --instance Web01 --port PORT");
            if (OperatingSystem.current() == OperatingSystem.LINUX) {
                assertThat(listening.finding()).contains("process " + ProcessHandle.current().pid());
                assertThat(listening.advice()).contains("ss -ltnp 'sport = :" + other.getLocalPort() + "'");
            }
            CheckResult welcome = only(results, CheckKind.WELCOME_PAGE);
            assertThat(welcome.status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(welcome.finding()).contains("held by another program");
        }
    }

    @Test
    void aPortHeldByAnotherTlsEndpointIsToldApartByItsCertificate() throws Exception {
        try (CommsRuntime stranger = CommsRuntime.builder(CertificateFixtures.other()).build()) {
            int port = stranger.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "Some other endpoint");

            List<CheckResult> results = TestInstances.diagnostics(listeningOn(port)).run(r -> { });

            CheckResult listening = only(results, CheckKind.LISTENING_PORT);
            assertThat(listening.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(listening.finding()).contains("speaks TLS but presented the certificate",
                    CertificateFixtures.other().thumbprints().sha1().hex(),
                    CertificateFixtures.tentacle().thumbprints().sha1().hex());
        }
    }

    @Test
    void aTentacleThatTrustsNoServerFails() throws Exception {
        TentacleInstance instance = TestInstances.create(temp, c -> c.withListenPort(Ports.freeLoopbackPort()));

        CheckResult trust = only(TestInstances.diagnostics(instance).run(r -> { }), CheckKind.TRUSTED_SERVERS);

        assertThat(trust.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(trust.finding()).contains("trusts no Octopus Server");
        assertThat(trust.advice()).contains("tentacle configure --instance Web01 --trust SERVER-THUMBPRINT");
    }

    @Test
    void aTentacleThatNeitherListensNorPollsFails() throws Exception {
        TentacleInstance instance = TestInstances.create(temp, c -> c.withNoListen(true));

        List<CheckResult> results = TestInstances.diagnostics(instance).run(r -> { });

        assertThat(results).extracting(CheckResult::kind).doesNotContain(CheckKind.LISTENING_PORT, CheckKind.WELCOME_PAGE);
        CheckResult trust = only(results, CheckKind.TRUSTED_SERVERS);
        assertThat(trust.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(trust.advice()).contains("tentacle poll-server --instance Web01", "--noListen false");
    }

    @Test
    void aPrivilegedPortIsExplainedWhenThisUserCannotBindIt() throws Exception {
        assumeTrue(OperatingSystem.current() != OperatingSystem.WINDOWS && !"root".equals(System.getProperty("user.name")),
                "only a non-root user on Linux or macOS is refused ports below 1024");
        CheckResult listening = only(TestInstances.diagnostics(listeningOn(1)).run(r -> { }), CheckKind.LISTENING_PORT);

        assertThat(listening.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(listening.advice()).contains("--port 10933");
    }

    @Test
    void aPortHeldByAPlainWebServerSaysWhatItAnswered() throws Exception {
        try (PlainHttpServer web = PlainHttpServer.start()) {
            CheckResult listening = only(TestInstances.diagnostics(listeningOn(web.port())).run(r -> { }),
                    CheckKind.LISTENING_PORT);

            assertThat(listening.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(listening.finding()).contains("held by another program", "it answers plain text: 'HTTP/1.1 200 OK'");
        }
    }
}
