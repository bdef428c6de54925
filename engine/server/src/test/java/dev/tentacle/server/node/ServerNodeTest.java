package dev.tentacle.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageConfiguration;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import dev.tentacle.server.tasks.ScriptPayload;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One server node on embedded H2 running tasks on a listening and a polling agent, end to end. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerNodeTest {
    private static final CertificateIdentity SERVER = CertificateFixtures.server();
    private static final CertificateIdentity AGENT = CertificateFixtures.tentacle();

    @TempDir
    Path database;
    @TempDir
    Path listeningHome;
    @TempDir
    Path pollingHome;

    private Storage storage;
    private ServerNode node;
    private Agents agents;
    private List<Machine> machines;

    @BeforeEach
    void start() {
        storage = Storage.open(StorageConfiguration.h2In(database, "sa", ""));
        agents = new Agents(AGENT, SERVER);
        int listeningPort = agents.listening(listeningHome);
        machines = List.of(
                storage.machines().add(NewMachine.listening("web01", URI.create("https://127.0.0.1:" + listeningPort + "/"),
                        AGENT.thumbprints().sha256())),
                storage.machines().add(NewMachine.polling("db01", "db01", AGENT.thumbprints().sha1())));
        node = startNode(settings());
        agents.polling(pollingHome, "db01", node.commsPort());
        await().atMost(Duration.ofSeconds(30)).until(() -> node.connectedSubscribers("db01") > 0);
    }

    private NodeSettings settings() {
        return NodeSettings.defaults("node-a", new InetSocketAddress("127.0.0.1", 0))
                .withScanInterval(Duration.ofMillis(100))
                .withScheduleInterval(Duration.ofHours(1));
    }

    private ServerNode startNode(NodeSettings settings) {
        return ServerNode.start(storage, SERVER, settings, Agents.OPTIONS, Optional.empty(), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        agents.close();
        storage.close();
    }

    private Task queueScript(String script) {
        return storage.tasks().create(NewTask.script("test script", "tests", new ScriptPayload(script, ScriptSyntax.BASH).toJson(),
                machines.stream().map(Machine::id).toList()));
    }

    private Task awaitFinished(Task task) {
        await().atMost(Duration.ofSeconds(60)).until(() -> storage.tasks().get(task.id()).orElseThrow().state().isFinished());
        return storage.tasks().get(task.id()).orElseThrow();
    }

    private List<String> log(Task task) {
        return storage.taskLogs().read(task.id(), 0, 1000).lines().stream().map(TaskLogLine::text).toList();
    }

    @Test
    void runsAQueuedScriptOnEveryMachineAndStoresItsOutput() {
        Task task = queueScript("echo hello from the script; echo a warning >&2");

        Task done = awaitFinished(task);

        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(storage.tasks().targets(task.id())).hasSize(2).allSatisfy(target -> {
            assertThat(target.state()).isEqualTo(TaskState.SUCCEEDED);
            assertThat(target.exitCode()).isZero();
            assertThat(target.ticket()).isNotBlank();
            assertThat(target.claimedBy()).isEqualTo("node-a");
        });
        assertThat(log(task)).filteredOn("hello from the script"::equals).hasSize(2);
        assertThat(log(task)).filteredOn("a warning"::equals).hasSize(2);
        assertThat(log(task)).contains("Running on web01 from server node node-a", "Running on db01 from server node node-a");
    }

    @Test
    void aNonZeroExitCodeFailsTheTaskAndNamesTheMachines() {
        Task done = awaitFinished(queueScript("exit 3"));

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.failureReason()).startsWith("Failed on 2 of 2 machine(s): db01, web01.");
        assertThat(storage.tasks().targets(done.id())).allSatisfy(target -> {
            assertThat(target.exitCode()).isEqualTo(3);
            assertThat(target.failureReason()).contains("exited with code 3");
        });
    }

    @Test
    void cancellingARunningTaskStopsTheScriptOnEveryMachine() {
        Task task = queueScript("echo started; sleep 60; echo should-not-print");
        await().atMost(Duration.ofSeconds(30)).until(() -> log(task).stream().filter("started"::equals).count() == 2);

        storage.tasks().requestCancel(task.id(), "tests");

        Task done = awaitFinished(task);
        assertThat(done.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(storage.tasks().targets(task.id())).extracting(TaskTarget::state).containsOnly(TaskState.CANCELLED);
        assertThat(log(task)).doesNotContain("should-not-print");
        await().atMost(Duration.ofSeconds(10)).until(() -> node.runningTargets() == 0);
    }

    @Test
    void aHealthCheckTaskRecordsEachMachinesHealth() {
        Task task = storage.tasks().create(NewTask.healthCheck("check", "tests",
                machines.stream().map(Machine::id).toList()));

        Task done = awaitFinished(task);

        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        for (Machine machine : machines) {
            assertThat(storage.healthChecks().latest(machine.id())).hasValueSatisfying(result -> {
                assertThat(result.status()).isEqualTo(HealthStatus.HEALTHY);
                assertThat(result.freeDiskBytes()).isPositive();
                assertThat(result.capabilities()).contains("ScriptServiceV2");
            });
        }
        assertThat(log(task)).anySatisfy(line -> assertThat(line).startsWith("web01: HEALTHY in ").contains(" free"));
        assertThat(log(task)).anySatisfy(line -> assertThat(line).startsWith("db01: HEALTHY in "));
    }

    @Test
    void anUnreachableMachineFailsItsPartWithTheReason() {
        Machine gone = storage.machines().add(NewMachine.listening("gone01", URI.create("https://127.0.0.1:1/"),
                AGENT.thumbprints().sha256()).withPolicy(noRetryPolicy()));
        Task task = storage.tasks().create(NewTask.healthCheck("check", "tests", List.of(gone.id(), machines.getFirst().id())));

        Task done = awaitFinished(task);

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(done.failureReason()).startsWith("Failed on 1 of 2 machine(s): gone01.");
        assertThat(storage.tasks().targets(task.id())).filteredOn(t -> t.machineName().equals("gone01")).singleElement()
                .satisfies(target -> assertThat(target.failureReason()).contains("gone01 is UNAVAILABLE"));
    }

    private String noRetryPolicy() {
        storage.machinePolicies().add(dev.tentacle.server.storage.machines.MachinePolicySettings.defaults("No retries")
                .withRpcRetryEnabled(false));
        return "No retries";
    }

    @Test
    void aMachineRemovedBeforeItsTurnFailsItsPart() throws Exception {
        node.close();
        node = null;
        Task task = storage.tasks().create(NewTask.healthCheck("check", "tests", List.of(machines.getFirst().id())));
        storage.machines().remove(machines.getFirst().id());

        node = startNode(settings());
        Task done = awaitFinished(task);

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(storage.tasks().targets(task.id()).getFirst().failureReason()).contains("was removed before the task ran");
    }

    @Test
    void healthChecksRunOnScheduleWithoutBeingAsked() throws Exception {
        int commsPort = node.commsPort();
        node.close();
        node = startNode(settings().withCommsListen(new InetSocketAddress("127.0.0.1", commsPort))
                .withScheduleInterval(Duration.ofMillis(200)));

        await().atMost(Duration.ofSeconds(60)).until(() -> machines.stream()
                .allMatch(machine -> storage.healthChecks().latest(machine.id()).isPresent()));
        assertThat(storage.tasks().list(dev.tentacle.server.storage.tasks.TaskFilter.recent()))
                .anySatisfy(task -> assertThat(task.requestedBy()).isEqualTo("server node node-a (schedule)"));
    }

    @Test
    void aPollingTentacleRegisteredWhileTheNodeRunsIsTrusted(@TempDir Path laterHome) {
        CertificateIdentity later = CertificateFixtures.other();
        storage.machines().add(NewMachine.polling("later01", "later01", later.thumbprints().sha256()));
        node.refreshTrust();
        try (Agents laterAgents = new Agents(later, SERVER)) {
            laterAgents.polling(laterHome, "later01", node.commsPort());

            await().atMost(Duration.ofSeconds(30)).until(() -> node.connectedSubscribers("later01") > 0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRestartedNodeFailsThePartsItWasRunningWhenItStopped() throws Exception {
        Task task = queueScript("echo started; sleep 60");
        await().atMost(Duration.ofSeconds(30)).until(() -> log(task).stream().filter("started"::equals).count() == 2);

        node.close();
        node = startNode(settings());

        Task done = awaitFinished(task);
        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(storage.tasks().targets(task.id())).allSatisfy(target ->
                assertThat(target.failureReason()).contains("node-a stopped while this ran"));
    }
}
