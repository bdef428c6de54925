package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's way through: create, certificate, thumbprint, trust, run; listening and polling. */
class OperatorFlowTest {
    @TempDir
    Path temp;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("registry"));
    }

    @Test
    void listeningTentacleFromCreateInstanceToItsWelcomePage() throws Exception {
        String server = CertificateFixtures.server().thumbprints().sha1().hex();
        int port = Ports.freeLoopbackPort();
        cli.ok("create-instance", "--instance", "Web01");
        cli.ok("new-certificate", "--instance", "Web01");
        JsonNode thumbprint = cli.ok("show-thumbprint", "--instance", "Web01", "--format", "json").json();
        cli.ok("configure", "--instance", "Web01", "--trust", server, "--port", Integer.toString(port),
                "--listenIpAddress", "127.0.0.1");

        CliHarness.Result result;
        try (var running = RunningTentacle.start(cli, "--instance", "Web01")) {
            assertThat(running.agent().listeningPort()).isEqualTo(port);
            String page = welcomePage(port);
            assertThat(page).contains("Tentacle listening endpoint", "This endpoint is working.");
            result = running.stop();
        }

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Tentacle Web01 listening on port " + port + " (thumbprint "
                + thumbprint.get("sha1").asText() + " (SHA-256: " + thumbprint.get("sha256").asText() + "))")
                .contains("https://localhost:" + port + "/", "Tentacle Web01 stopped.");
        assertThat(result.err()).doesNotContain("Warning");
    }

    @Test
    void pollingTentacleConnectsToItsServer() throws Exception {
        cli.ok("create-instance", "--instance", "Poller");
        cli.ok("new-certificate", "--instance", "Poller");
        Thumbprint tentacle = Thumbprint.parse(
                cli.ok("show-thumbprint", "--instance", "Poller", "--format", "json").json().get("sha256").asText());
        try (CommsRuntime server = CommsRuntime.builder(CertificateFixtures.server()).trust(TrustList.of(tentacle)).build()) {
            int serverPort = server.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    "Octopus Server polling endpoint");
            cli.ok("configure", "--instance", "Poller", "--noListen", "true");
            String subscription = cli.ok("poll-server", "--instance", "Poller", "--server-comms-address", "127.0.0.1",
                    "--server-comms-port", Integer.toString(serverPort), "--thumbprint",
                    CertificateFixtures.server().thumbprints().sha1().hex(), "--format", "json").json()
                    .get("subscriptionId").asText();
            cli.ok("configure", "--instance", "Poller", "--pollingConnectionCount", "2");

            CliHarness.Result result;
            try (var running = RunningTentacle.start(cli, "--instance", "Poller")) {
                assertThat(running.agent().listeningPort()).isEqualTo(-1);
                await().atMost(Duration.ofSeconds(30)).until(() -> server.connectedSubscribers(subscription) == 2);
                result = running.stop();
            }

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Tentacle Poller does not listen")
                    .contains("Tentacle Poller polling https://127.0.0.1:" + serverPort + "/ as poll://" + subscription + "/");
        }
    }

    @Test
    void runWarnsWhenNoServerIsTrusted() throws Exception {
        cli.ok("create-instance", "--instance", "Lonely");
        cli.ok("new-certificate", "--instance", "Lonely");
        cli.ok("configure", "--instance", "Lonely", "--port", Integer.toString(Ports.freeLoopbackPort()),
                "--listenIpAddress", "127.0.0.1");

        CliHarness.Result result;
        try (var running = RunningTentacle.start(cli, "--instance", "Lonely")) {
            result = running.stop();
        }

        assertThat(result.err()).contains("trusts no Octopus Server yet", "tentacle configure --instance Lonely --trust");
    }

    @Test
    void runWithoutACertificateSaysHowToCreateOne() throws Exception {
        cli.ok("create-instance", "--instance", "Web01");

        var result = RunningTentacle.runToCompletion(cli, "--instance", "Web01");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("has no certificate yet", "tentacle new-certificate --instance Web01");
    }

    @Test
    void runOnAPortInUseIsAUserError() throws Exception {
        cli.ok("create-instance", "--instance", "Web01");
        cli.ok("new-certificate", "--instance", "Web01");
        try (ServerSocket occupied = Ports.occupy()) {
            cli.ok("configure", "--instance", "Web01", "--port", Integer.toString(occupied.getLocalPort()),
                    "--listenIpAddress", "127.0.0.1");

            var result = RunningTentacle.runToCompletion(cli, "--instance", "Web01");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("[ADDRESS_IN_USE]");
            assertThat(result.err().lines().toList()).hasSize(1);
        }
    }

    @Test
    void runForAnUnknownInstanceIsAUserError() throws Exception {
        var result = RunningTentacle.runToCompletion(cli, "--instance", "Nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("No Tentacle instance named 'Nope'");
    }

    /** Fetches the welcome page as a browser would: trusting the self-signed certificate, presenting none. */
    private static String welcomePage(int port) throws IOException, GeneralSecurityException {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
        var connection = (HttpsURLConnection) URI.create("https://127.0.0.1:" + port + "/").toURL().openConnection();
        connection.setSSLSocketFactory(tls.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        try (InputStream body = connection.getInputStream()) {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Only used as a client.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Like a browser after the user accepted the self-signed certificate.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
