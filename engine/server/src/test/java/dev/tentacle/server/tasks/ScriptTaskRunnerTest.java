package dev.tentacle.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageConfiguration;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import dev.tentacle.tentacle.agent.TentacleServices;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Script tasks on a listening and a polling agent at once, end to end through real agents and a real database. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScriptTaskRunnerTest {
    private static final CommsOptions OPTIONS = CommsOptions.builder().pollingReconnect(Duration.ofMillis(50), Duration.ofMillis(200)).build();

    @TempDir
    Path database;
    @TempDir
    Path listeningHome;
    @TempDir
    Path pollingHome;

    private final List<AutoCloseable> open = new ArrayList<>();
    private Storage storage;
    private CommsRuntime server;
    private List<Machine> machines;

    @BeforeEach
    void start() {
        storage = keep(Storage.open(StorageConfiguration.h2In(database, "sa", "")));
        var serverId = CertificateFixtures.server();
        var agentId = CertificateFixtures.tentacle();
        server = keep(CommsRuntime.builder(serverId).options(OPTIONS).trust(TrustList.of(agentId.thumbprints().sha256())).build());
        int pollingPort = server.listen(new InetSocketAddress("127.0.0.1", 0), "Octopus Server polling endpoint");

        TentacleServices listeningServices = keep(TentacleServices.forHome(listeningHome));
        CommsRuntime.Builder listening = CommsRuntime.builder(agentId).options(OPTIONS).trust(TrustList.of(serverId.thumbprints().sha1()));
        listeningServices.registerOn(listening);
        int listeningPort = keep(listening.build()).listen(new InetSocketAddress("127.0.0.1", 0), "Tentacle listening endpoint");

        TentacleServices pollingServices = keep(TentacleServices.forHome(pollingHome));
        CommsRuntime.Builder polling = CommsRuntime.builder(agentId).options(OPTIONS);
        pollingServices.registerOn(polling);
        keep(polling.build()).poll("db01", ServiceEndpoint.listening("127.0.0.1", pollingPort, serverId.thumbprints().sha256()));

        machines = List.of(
                storage.machines().add(NewMachine.listening("web01", URI.create("https://127.0.0.1:" + listeningPort + "/"),
                        agentId.thumbprints().sha256())),
                storage.machines().add(NewMachine.polling("db01", "db01", agentId.thumbprints().sha1())));
        await().atMost(Duration.ofSeconds(30)).until(() -> server.connectedSubscribers("db01") > 0);
    }

    private <T extends AutoCloseable> T keep(T resource) {
        open.add(resource);
        return resource;
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private Task queue(String script) {
        return storage.tasks().create(NewTask.script("test script", "tests", new ScriptPayload(script, ScriptSyntax.BASH).toJson(),
                machines.stream().map(Machine::id).toList()));
    }

    private List<String> log(Task task) {
        return storage.taskLogs().read(task.id(), 0, 1000).lines().stream().map(TaskLogLine::text).toList();
    }

    @Test
    void runsTheScriptOnEveryMachineAndStoresItsOutput() throws Exception {
        Task task = queue("echo hello from the script; echo a warning >&2");

        Task done = new ScriptTaskRunner(server, storage, Clock.systemUTC()).run(task);

        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(storage.tasks().targets(task.id())).hasSize(2).allSatisfy(target -> {
            assertThat(target.state()).isEqualTo(TaskState.SUCCEEDED);
            assertThat(target.exitCode()).isZero();
            assertThat(target.ticket()).isNotBlank();
        });
        assertThat(log(task)).filteredOn("hello from the script"::equals).hasSize(2);
        assertThat(log(task)).filteredOn("a warning"::equals).hasSize(2);
    }

    @Test
    void aNonZeroExitCodeFailsTheTaskAndIsRecordedPerMachine() throws Exception {
        Task task = queue("exit 3");

        Task done = new ScriptTaskRunner(server, storage, Clock.systemUTC()).run(task);

        assertThat(done.state()).isEqualTo(TaskState.FAILED);
        assertThat(storage.tasks().targets(task.id())).extracting(TaskTarget::exitCode).containsOnly(3);
    }

    @Test
    void cancellingTheTaskCancelsTheScriptsOnTheAgents() throws Exception {
        Task task = queue("echo started; sleep 30; echo never");
        ScriptTaskRunner runner = new ScriptTaskRunner(server, storage, Clock.systemUTC());
        CompletableFuture<Task> running = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(task);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> log(task).stream().filter("started"::equals).count() == 2);

        storage.tasks().requestCancel(task.id(), "tests");

        Task done = running.get(60, TimeUnit.SECONDS);
        assertThat(done.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(storage.tasks().targets(task.id())).extracting(TaskTarget::state).containsOnly(TaskState.CANCELLED);
        assertThat(log(task)).doesNotContain("never");
    }
}
