package dev.tentacle.server.cli;

import dev.tentacle.server.admin.NodeNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.api.ApiTestClient;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.nodes.ServerNodeRecord;
import dev.tentacle.testing.net.Ports;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code octopus-server run}: the server in the foreground, with its API and polling port, until it is stopped. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunCommandTest {
    @TempDir
    Path temp;

    private ServerCliHarness cli;
    private Path home;
    private int webPort;
    private int commsPort;

    @BeforeEach
    void setUp() {
        cli = new ServerCliHarness(temp.resolve("registry"));
        home = temp.resolve("server-home");
        webPort = Ports.freeLoopbackPort();
        commsPort = Ports.freeLoopbackPort();
        cli.ok("create-instance", "--instance", "Main", "--home", home.toString());
        cli.ok("configure", "--instance", "Main", "--webListenPrefixes", "https://localhost:" + webPort + "/",
                "--commsListenPort", Integer.toString(commsPort));
    }

    @Test
    void runsTheServerUntilStoppedAndSaysWhereToReachIt() throws Exception {
        cli.ok("new-certificate", "--instance", "Main");
        CertificateIdentity identity = ServerCliHarness.serverIdentity(home);
        CertificateThumbprints thumbprints = identity.thumbprints();

        try (ServerRun run = ServerRun.start(cli, "--instance", "main", "--node-name", "node-1")) {
            assertThat(run.out().lines()).hasSize(1).first().asString()
                    .startsWith("Octopus Server Main is running as node node-1: ")
                    .contains("API at https://localhost:" + webPort + "/api")
                    .contains("polling Tentacles connect on port " + commsPort)
                    .contains("thumbprint " + thumbprints.sha1() + " (SHA-256: " + thumbprints.sha256() + ")")
                    .endsWith("Press Ctrl+C to stop.");
            assertThat(run.err()).contains("there is no API key yet").contains("create-api-key --instance Main");
            assertThat(run.server().node().commsPort()).isEqualTo(commsPort);

            var api = new ApiTestClient(identity.certificate(), webPort, null).get("/api");
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.json().get("pollingPort").asInt()).isEqualTo(commsPort);
            assertThat(api.json().get("thumbprints").get("sha1").asText()).isEqualTo(thumbprints.sha1().hex());
            try (Storage storage = Storage.open(ServerCliHarness.configuration(home).storage())) {
                assertThat(storage.nodes().list()).extracting(ServerNodeRecord::name).containsExactly("node-1");
            }

            var stopped = run.stop();

            assertThat(stopped.exitCode()).as(stopped.err()).isZero();
            assertThat(stopped.out()).endsWith("Octopus Server Main stopped." + System.lineSeparator());
        }
        try (Storage storage = Storage.open(ServerCliHarness.configuration(home).storage())) {
            assertThat(storage.nodes().list()).as("a node that stopped cleanly is forgotten").isEmpty();
        }
    }

    @Test
    void namesTheNodeAfterTheHostByDefault() throws Exception {
        cli.ok("new-certificate", "--instance", "Main");

        try (ServerRun run = ServerRun.start(cli, "--instance", "Main")) {
            assertThat(run.server().node().name()).isEqualTo(NodeNames.forThisHost())
                    .matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
            assertThat(run.stop().exitCode()).isZero();
        }
    }

    @Test
    void refusesANodeNameThatIsNotOne() throws Exception {
        cli.ok("new-certificate", "--instance", "Main");

        var run = ServerRun.runToCompletion(cli, "--instance", "Main", "--node-name", "node 1!");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: Invalid value for --node-name: ").contains("letters, digits");
    }

    @Test
    void withoutACertificateSaysHowToCreateOne() throws Exception {
        var run = ServerRun.runToCompletion(cli, "--instance", "Main");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").contains("has no certificate yet")
                .contains("octopus-server new-certificate --instance Main");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aPollingPortInUseNamesThePortAndTheSettingToChange() throws Exception {
        cli.ok("new-certificate", "--instance", "Main");
        try (ServerSocket taken = Ports.occupy()) {
            cli.ok("configure", "--instance", "Main", "--commsListenPort", Integer.toString(taken.getLocalPort()));

            var run = ServerRun.runToCompletion(cli, "--instance", "Main");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("Error: Cannot listen for polling Tentacles on port " + taken.getLocalPort())
                    .contains("octopus-server configure --instance Main --commsListenPort PORT")
                    .contains("[ADDRESS_IN_USE]");
            assertThat(run.err().lines()).hasSize(1);
        }
        try (Storage storage = Storage.open(ServerCliHarness.configuration(home).storage())) {
            assertThat(storage.nodes().list()).as("a node that never started is not recorded").isEmpty();
        }
    }

    @Test
    void aWebPortInUseNamesTheAddressAndTheSettingToChange() throws Exception {
        cli.ok("new-certificate", "--instance", "Main");
        try (ServerSocket taken = Ports.occupy()) {
            cli.ok("configure", "--instance", "Main", "--webListenPrefixes",
                    "https://127.0.0.1:" + taken.getLocalPort() + "/");

            var run = ServerRun.runToCompletion(cli, "--instance", "Main");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("Error: Cannot listen for the web interface and API on 127.0.0.1:"
                            + taken.getLocalPort())
                    .contains("--webListenPrefixes https://HOST:PORT/ (or --webPort PORT)");
            assertThat(run.err().lines()).hasSize(1);
            // The polling port it had bound first is free again.
            try (ServerSocket comms = new ServerSocket(commsPort)) {
                assertThat(comms.getLocalPort()).isEqualTo(commsPort);
            }
        }
    }

    @Test
    void waitsForADatabaseThatIsDownThenGivesUpClearly() throws Exception {
        cli.ok("new-certificate", "--instance", "Main");
        int closedPort = Ports.freeLoopbackPort();
        cli.ok("configure", "--instance", "Main", "--storageConnectionString",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/octopus");

        // Each attempt waits up to the pool's 5 s connection timeout, so 6 s gives a second attempt after a wait.
        var run = ServerRun.runToCompletion(cli, "--instance", "Main", "--wait-for-storage", "6");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Waiting for the database (attempt 1 failed; trying again in")
                .contains("Cannot reach the Octopus Server database jdbc:postgresql://127.0.0.1:" + closedPort);
        assertThat(run.err().lines().filter(line -> line.startsWith("Error: ")).toList()).singleElement().asString()
                .contains("gave up after").contains("--storageConnectionString");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesANegativeStorageWait() throws Exception {
        var run = ServerRun.runToCompletion(cli, "--instance", "Main", "--wait-for-storage", "-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--wait-for-storage must be between 0 and");
    }
}
