package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.server.config.WebListenAddress;
import dev.tentacle.server.node.Agents;
import dev.tentacle.server.node.NodeSettings;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskLogLine;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import dev.tentacle.server.tasks.ScriptPayload;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Tasks queued and followed for a program that is not the server: on a live node, or on a node of its own. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TaskExecutionTest {
    @TempDir
    Path root;

    private ServerInstance instance;
    private Storage storage;
    private Agents agents;
    private Machine machine;
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<TaskTarget> finished = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        InstanceRegistry registry = new InstanceRegistry(InstanceLocations.at(root.resolve("registry")),
                ApplicationKind.SERVER);
        instance = new ServerInstanceSetup(registry).create("Main", root.resolve("home"), null).instance();
        ServerInstanceSetup.newCertificate(instance, false);
        int web = freePort();
        int comms = freePort();
        instance.update(c -> c.withWebListen(new WebListenAddress("127.0.0.1", web)).withCommsListenPort(comms));
        storage = instance.openStorage();
        agents = new Agents(CertificateFixtures.tentacle(), instance.certificates().load(instance.configuration()));
        int port = agents.listening(root.resolve("tentacle"));
        machine = storage.machines().add(NewMachine.listening("web01", URI.create("https://127.0.0.1:" + port + "/"),
                CertificateFixtures.tentacle().thumbprints().sha256()));
    }

    @AfterEach
    void tearDown() throws Exception {
        agents.close();
        storage.close();
    }

    private TaskExecution execution() {
        return new TaskExecution(instance, storage, Agents.OPTIONS, "test-manager-1", "tests", notices::add);
    }

    private NewTask script(String body) {
        return NewTask.script("Run a script", "tests", new ScriptPayload(body, ScriptSyntax.BASH).toJson(),
                List.of(machine.id()));
    }

    private final TaskExecution.Progress progress = new TaskExecution.Progress() {
        @Override
        public void line(TaskLogLine line) {
            lines.add(line.text());
        }

        @Override
        public void targetFinished(TaskTarget target) {
            finished.add(target);
        }
    };

    @Test
    void withNoServerRunningItRunsTheTaskOnANodeOfItsOwnAndStopsItWhenClosed() {
        TaskExecution.Outcome outcome;
        try (TaskExecution execution = execution()) {
            outcome = execution.run(script("echo hello"), false, null, progress);
            assertThat(execution.runsOwnNode()).isTrue();
        }

        assertThat(outcome.task().state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(outcome.timedOut()).isFalse();
        assertThat(lines).contains("hello");
        assertThat(finished).singleElement().satisfies(target -> assertThat(target.exitCode()).isZero());
        assertThat(notices).anySatisfy(notice -> assertThat(notice)
                .contains("No Octopus Server is running for the instance 'Main'")
                .contains("on a server node of its own: test-manager-1"));
        assertThat(storage.nodes().list()).isEmpty();
        assertThat(outcome.task().requestedBy()).isEqualTo("tests");
    }

    @Test
    void aLiveServerNodeRunsTheTaskAndNoNodeOfItsOwnStarts() {
        NodeSettings settings = NodeSettings.defaults("running-server",
                        new InetSocketAddress("127.0.0.1", instance.configuration().commsListenPort()))
                .withScanInterval(Duration.ofMillis(100));
        try (ServerNode server = ServerNode.start(storage, instance.certificates().load(instance.configuration()),
                settings, Agents.OPTIONS, Optional.empty(), Clock.systemUTC());
             TaskExecution execution = execution()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !storage.nodes().list().isEmpty());

            TaskExecution.Outcome outcome = execution.run(script("echo from the server"), false, null, progress);

            assertThat(execution.runsOwnNode()).isFalse();
            assertThat(outcome.task().state()).isEqualTo(TaskState.SUCCEEDED);
            assertThat(notices).anySatisfy(notice -> assertThat(notice).endsWith("; server node running-server runs it."));
            assertThat(storage.tasks().targets(outcome.task().id())).singleElement()
                    .satisfies(target -> assertThat(target.claimedBy()).isEqualTo("running-server"));
        }
    }

    @Test
    void cancelStopsARunningScript() {
        try (TaskExecution execution = execution()) {
            Task task = execution.queue(script("echo started; sleep 60; echo should-not-print"), false);
            Thread canceller = Thread.ofVirtual().start(() -> {
                await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("started"));
                execution.cancel(task.id());
            });

            TaskExecution.Outcome outcome = execution.follow(task, false, null, progress);

            assertThat(canceller.isAlive()).isFalse();
            assertThat(outcome.task().state()).isEqualTo(TaskState.CANCELLED);
            assertThat(lines).doesNotContain("should-not-print");
        }
    }

    @Test
    void aTimeoutCancelsTheTaskAndSaysSo() {
        try (TaskExecution execution = execution()) {
            TaskExecution.Outcome outcome = execution.run(script("sleep 60"), false, Duration.ofSeconds(1), progress);

            assertThat(outcome.timedOut()).isTrue();
            assertThat(outcome.task().state()).isEqualTo(TaskState.CANCELLED);
            assertThat(notices).anySatisfy(notice -> assertThat(notice).startsWith("Timed out after 1 s: cancelling"));
        }
    }

    @Test
    void needsThePollingPortOnlyWhenAMachinePolls() {
        Machine polling = storage.machines().add(NewMachine.polling("db01", "db01",
                CertificateFixtures.other().thumbprints().sha256()));

        assertThat(TaskExecution.needsPollingPort(List.of(machine))).isFalse();
        assertThat(TaskExecution.needsPollingPort(List.of(machine, polling))).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
