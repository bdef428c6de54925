package dev.tentacle.server.cli;

import dev.tentacle.server.admin.NodeNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.node.Agents;
import dev.tentacle.server.node.NodeSettings;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.nodes.ServerNodeRecord;
import dev.tentacle.server.storage.tasks.TaskFilter;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskTarget;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code health-check} and {@code run-script} against real agents, a listening one (web01) and a polling one (db01):
 * run by the command itself when no server node is running, and by a running node when there is one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TaskCommandsTest {
    private static final CertificateIdentity AGENT = CertificateFixtures.tentacle();

    @TempDir
    Path temp;

    ServerCliHarness cli;
    Path home;
    int commsPort;
    Agents agents;
    CertificateIdentity server;

    @BeforeEach
    void setUp() {
        cli = new ServerCliHarness(temp.resolve("registry"));
        home = temp.resolve("server-home");
        commsPort = Ports.freeLoopbackPort();
        cli.ok("create-instance", "--home", home.toString());
        cli.ok("new-certificate");
        cli.ok("configure", "--commsListenPort", Integer.toString(commsPort),
                "--webPort", Integer.toString(Ports.freeLoopbackPort()));
        server = ServerCliHarness.serverIdentity(home);
        agents = new Agents(AGENT, server);
        int listeningPort = agents.listening(temp.resolve("web01"));
        cli.ok("machine", "add-listening", "--name", "web01", "--url", "https://127.0.0.1:" + listeningPort,
                "--thumbprint", AGENT.thumbprints().sha256().hex(), "--role", "web", "--environment", "Test");
        agents.polling(temp.resolve("db01"), "db01-subscription", commsPort);
        cli.ok("machine", "add-polling", "--name", "db01", "--subscription-id", "db01-subscription",
                "--thumbprint", AGENT.thumbprints().sha1().hex(), "--role", "db", "--environment", "Test");
    }

    @AfterEach
    void stopAgents() throws Exception {
        agents.close();
    }

    Storage openStorage() {
        return Storage.open(ServerCliHarness.configuration(home).storage());
    }

    /** Without a running server: the command runs the task as a node of its own, and forgets that node after. */
    @Nested
    class WithoutARunningServer {

        @Test
        void healthCheckShowsEachMachinesResult() {
            var run = cli.run("health-check", "--all");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("web01: HEALTHY in \\d+ ms, agent \\S+")
                    .containsPattern("db01: HEALTHY in \\d+ ms, agent \\S+")
                    .contains("Health check ServerTasks-1 SUCCEEDED: 2 of 2 machine(s) healthy.");
            assertThat(run.err()).contains("Queued ServerTasks-1: Check the health of db01, web01.")
                    .contains("No Octopus Server is running for the instance 'OctopusServer', so the task runs"
                            + " here, on a server node of its own: " + NodeNames.forCommand(ProcessHandle.current().pid()))
                    .contains("(polling Tentacles connect on port " + commsPort + ")");
            try (Storage storage = openStorage()) {
                assertThat(storage.nodes().list()).as("the command's node is forgotten").isEmpty();
                assertThat(storage.healthChecks().latestOfEachMachine()).hasSize(2);
            }
        }

        @Test
        void healthCheckAsJson() {
            var run = cli.run("health-check", "--machine", "WEB01", "--format", "json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = run.json();
            assertThat(json.get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(json.get("healthy").asInt()).isEqualTo(1);
            assertThat(json.get("total").asInt()).isEqualTo(1);
            JsonNode web01 = json.get("machines").get(0);
            assertThat(web01.get("machine").asText()).isEqualTo("web01");
            assertThat(web01.get("status").asText()).isEqualTo("HEALTHY");
            assertThat(web01.get("latencyMillis").isNumber()).isTrue();
            assertThat(web01.get("agentVersion").asText()).isNotBlank();
            assertThat(web01.has("freeDiskBytes")).isTrue();
            assertThat(web01.get("reason").isNull()).isTrue();
            assertThat(web01.get("hint").isNull()).isTrue();
        }

        @Test
        void anUnavailableMachineFailsTheHealthCheckWithItsReason() {
            try (Storage storage = openStorage()) {
                storage.machinePolicies().add(MachinePolicySettings.defaults("No retries").withRpcRetryEnabled(false));
            }
            cli.ok("machine", "add-listening", "--name", "gone", "--url", "https://127.0.0.1:" + Ports.freeLoopbackPort(),
                    "--thumbprint", AGENT.thumbprints().sha256().hex(), "--policy", "No retries");

            var run = cli.run("health-check", "--machine", "gone", "--machine", "web01");

            assertThat(run.exitCode()).isEqualTo(TaskExitCodes.FAILED);
            assertThat(run.out()).contains("gone: UNAVAILABLE: ").contains("CONNECTION_REFUSED")
                    .containsPattern("web01: HEALTHY")
                    .contains("FAILED: 1 of 2 machine(s) healthy; not healthy: gone.")
                    .containsPattern("\\R  What to check: Nothing is listening at 127\\.0\\.0\\.1:\\d+\\. Is the Tentacle"
                            + " running\\?");
        }

        @Test
        void theJsonResultCarriesTheHintOfAnUnavailableMachine() {
            try (Storage storage = openStorage()) {
                storage.machinePolicies().add(MachinePolicySettings.defaults("No retries").withRpcRetryEnabled(false));
            }
            cli.ok("machine", "add-listening", "--name", "gone", "--url", "https://127.0.0.1:" + Ports.freeLoopbackPort(),
                    "--thumbprint", AGENT.thumbprints().sha256().hex(), "--policy", "No retries");

            var run = cli.run("health-check", "--machine", "gone", "--format", "json");

            assertThat(run.exitCode()).isEqualTo(TaskExitCodes.FAILED);
            JsonNode gone = run.json().get("machines").get(0);
            assertThat(gone.get("status").asText()).isEqualTo("UNAVAILABLE");
            assertThat(gone.get("hint").asText()).startsWith("Nothing is listening at 127.0.0.1:");
        }

        @Test
        void runScriptStreamsEachMachinesOutputPrefixedByItsName() {
            var run = cli.run("run-script", "--environment", "test", "--script-body",
                    "echo hello from $(hostname >/dev/null; echo the script); echo a warning >&2");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("[web01] hello from the script", "[db01] hello from the script",
                    "web01: SUCCEEDED, exit code 0", "db01: SUCCEEDED, exit code 0",
                    "Script task ServerTasks-1 SUCCEEDED: succeeded on 2 of 2 machine(s).");
            assertThat(run.err()).contains("[web01] a warning", "[db01] a warning",
                    "[server] Running on web01 from server node");
        }

        @Test
        void aFailingScriptGivesExitCodeFourAndNamesTheMachines() {
            var run = cli.run("run-script", "--role", "web", "--machine", "web01", "--script-body",
                    "exit 3");

            assertThat(run.exitCode()).as("--machine with --role is refused").isEqualTo(1);
            assertThat(run.err()).contains("Give either --machine, or --role and/or --environment, not both.");

            var failed = cli.run("run-script", "--machine", "web01", "--machine", "db01", "--script-body", "exit 3");

            assertThat(failed.exitCode()).isEqualTo(TaskExitCodes.FAILED);
            assertThat(failed.out()).contains("web01: FAILED, exit code 3", "db01: FAILED, exit code 3")
                    .contains("FAILED: succeeded on 0 of 2 machine(s); not on ");
        }

        @Test
        void runScriptFromAFileAsJson() throws Exception {
            Path script = Files.writeString(temp.resolve("check.sh"), "echo from a file\nexit 0\n");

            var run = cli.run("run-script", "--machine", "db01", "--file", script.toString(), "--format", "json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = run.json();
            assertThat(json.get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(json.get("machines").get(0).get("exitCode").asInt()).isZero();
            assertThat(json.get("machines").get(0).get("node").asText()).contains("-cli-");
            assertThat(json.get("log").findValuesAsText("text")).contains("from a file");
            assertThat(json.get("log").findValues("source").stream().map(JsonNode::asText)).contains("STDOUT", "SERVER");
        }

        @Test
        void aTimeoutCancelsTheTask() {
            var run = cli.run("run-script", "--machine", "web01", "--script-body", "echo started; sleep 60",
                    "--timeout", "3");

            assertThat(run.exitCode()).isEqualTo(TaskExitCodes.CANCELLED_OR_TIMED_OUT);
            assertThat(run.out()).contains("[web01] started").contains("web01: CANCELLED");
            assertThat(run.err()).contains("Timed out after 3 s: cancelling ServerTasks-1.");
        }

        @Test
        void withoutACertificateTheCommandCannotRunTheTask() {
            Path otherHome = temp.resolve("no-certificate");
            cli.ok("create-instance", "--instance", "Bare", "--home", otherHome.toString());
            cli.ok("machine", "add-listening", "--instance", "Bare", "--name", "web01", "--url", "https://127.0.0.1:1",
                    "--thumbprint", AGENT.thumbprints().sha256().hex());

            var run = cli.run("health-check", "--instance", "Bare", "--all");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("has no certificate yet")
                    .contains("octopus-server new-certificate --instance Bare");
            try (Storage storage = Storage.open(ServerCliHarness.configuration(otherHome).storage())) {
                assertThat(storage.tasks().list(TaskFilter.recent())).as("nothing was queued").isEmpty();
            }
        }

        @Test
        void aServerThatStoppedWithoutAWordIsReplacedByTheCommandsOwnNode() {
            // A node whose last heartbeat is 27 s old: alive for 3 s more, as far as the command can tell.
            try (Storage past = Storage.open(ServerCliHarness.configuration(home).storage(),
                    Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-27)))) {
                past.nodes().started("killed-node", commsPort, null);
            }

            var run = cli.run("health-check", "--machine", "web01");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("Queued ServerTasks-1: Check the health of web01; server node killed-node"
                            + " runs it.")
                    .contains("The server node that was to run ServerTasks-1 stopped.")
                    .contains("so the task runs here, on a server node of its own");
            assertThat(run.out()).contains("web01: HEALTHY");
        }

        @Test
        void aPollingPortInUseIsAnErrorWhenAMachinePolls() throws Exception {
            try (ServerSocket taken = Ports.occupy()) {
                cli.ok("configure", "--commsListenPort", Integer.toString(taken.getLocalPort()));

                var polling = cli.run("health-check", "--machine", "db01");

                assertThat(polling.exitCode()).isEqualTo(1);
                assertThat(polling.err()).contains("Cannot listen for polling Tentacles on port " + taken.getLocalPort())
                        .contains("--commsListenPort PORT").contains("[ADDRESS_IN_USE]");

                var listening = cli.run("health-check", "--machine", "web01");

                assertThat(listening.exitCode()).as("a listening Tentacle needs no polling port").isZero();
                assertThat(listening.out()).contains("web01: HEALTHY");
            }
        }
    }

    /** Errors found before anything is queued. */
    @Nested
    class ChoosingMachines {

        @Test
        void anUnknownMachineIsAnErrorListingTheKnownOnes() {
            var run = cli.run("health-check", "--machine", "web01", "--machine", "web99");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("Error: No machine is named 'web99'. Registered machines: db01, web01");
            assertThat(run.err().lines()).hasSize(1);

            var script = cli.run("run-script", "--machine", "x", "--machine", "y", "--script-body", "true");

            assertThat(script.err()).startsWith("Error: No machines are named 'x', 'y'.");
        }

        @Test
        void noMachineWithTheRoleIsAnErrorListingTheRolesInUse() {
            var run = cli.run("run-script", "--role", "cache", "--script-body", "true");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("No machine has the role 'cache'. Roles in use: db, web; environments: Test.");

            var both = cli.run("run-script", "--role", "web", "--environment", "Production", "--script-body", "true");

            assertThat(both.err()).contains("No machine has the role 'web' in the environment 'Production'.");
        }

        @Test
        void aMissingScriptFileIsAnError() {
            var run = cli.run("run-script", "--machine", "web01", "--file", temp.resolve("nope.sh").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("Error: The script file " + temp.resolve("nope.sh") + " does not exist."
                    + " Check the path given with --file." + System.lineSeparator());
        }

        @Test
        void theScriptAndTheMachinesMustBeGiven() {
            assertThat(cli.run("run-script", "--machine", "web01").err()).contains("Give the script: --script-body");
            assertThat(cli.run("run-script", "--script-body", "true").err()).contains("Choose the machines: --machine");
            assertThat(cli.run("health-check").err()).contains("Choose the machines to check: --machine NAME");
            assertThat(cli.run("health-check", "--all", "--machine", "web01").err())
                    .contains("Give either --all or --machine, not both.");
            assertThat(cli.run("run-script", "--machine", "web01", "--script-body", "x", "--syntax", "python").err())
                    .contains("Invalid value for --syntax: 'python'; give bash, powershell or cmd.");
            assertThat(cli.run("run-script", "--machine", "web01", "--script-body", "x", "--timeout", "0").err())
                    .contains("--timeout must be between 1 and");
        }

        @Test
        void aDatabaseThatIsDownIsOneLine() {
            cli.ok("configure", "--storageConnectionString",
                    "jdbc:postgresql://127.0.0.1:" + Ports.freeLoopbackPort() + "/octopus");

            var run = cli.run("health-check", "--all");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("Error: Cannot reach the Octopus Server database")
                    .contains("--storageConnectionString");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
    }

    /** With a server node running on the same database: the command only queues the task and follows it. */
    @Nested
    class WithARunningServer {
        Storage storage;
        ServerNode node;

        @BeforeEach
        void startNode() {
            storage = openStorage();
            node = ServerNode.start(storage, server, NodeSettings.defaults("running-node",
                            new InetSocketAddress("127.0.0.1", commsPort)).withScanInterval(Duration.ofMillis(100)),
                    Agents.OPTIONS, Optional.empty(), Clock.systemUTC());
            await().atMost(Duration.ofSeconds(30)).until(() -> node.connectedSubscribers("db01-subscription") > 0);
        }

        @AfterEach
        void stopNode() {
            node.close();
            storage.close();
        }

        @Test
        void healthCheckIsRunByTheRunningNode() {
            var run = cli.run("health-check", "--all");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("web01: HEALTHY in \\d+ ms").containsPattern("db01: HEALTHY in \\d+ ms");
            assertThat(run.err()).contains("server node running-node runs it.").doesNotContain("a server node of its own");
            assertThat(claimedBy(1)).containsOnly("running-node");
            assertThat(storage.nodes().list()).extracting(ServerNodeRecord::name).containsExactly("running-node");
        }

        @Test
        void runScriptIsRunByTheRunningNode() {
            var run = cli.run("run-script", "--machine", "db01", "--machine", "web01", "--script-body", "echo hi");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("[db01] hi", "[web01] hi", "succeeded on 2 of 2 machine(s)");
            assertThat(claimedBy(1)).containsOnly("running-node");
        }

        private List<String> claimedBy(long task) {
            return storage.tasks().targets(new TaskId(task)).stream()
                    .map(TaskTarget::claimedBy).toList();
        }
    }
}
