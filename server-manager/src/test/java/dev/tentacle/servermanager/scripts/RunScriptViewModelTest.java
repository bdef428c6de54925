package dev.tentacle.servermanager.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.server.storage.tasks.TaskFilter;
import dev.tentacle.server.storage.tasks.TaskLogSource;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import dev.tentacle.servermanager.testing.ServerManagerFixture.TestTentacle;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Running scripts without JavaFX, on real listening Tentacles of a real server instance. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunScriptViewModelTest {
    /** Prints where it runs, writes to standard error, and fails with 3 on web02 only. */
    static final String SCRIPT = """
            echo "hello from $PWD"
            echo "a warning" >&2
            case "$PWD" in *web02*) exit 3;; esac
            """;

    @TempDir
    Path root;

    ServerManagerFixture fixture;
    ServerInstance server;
    Storage storage;
    Machine web01;
    Machine web02;
    ExecutorService ui;

    @BeforeEach
    void setUp() {
        fixture = new ServerManagerFixture(root);
        server = fixture.createServer("Main");
        storage = fixture.storage(server);
        TestTentacle first = fixture.listeningTentacle(server, "web01");
        TestTentacle second = fixture.listeningTentacle(server, "web02");
        web01 = storage.machines().add(NewMachine.listening("web01", first.uri(), first.identity().thumbprints().sha256())
                .withRoles("web").withEnvironments("Production"));
        web02 = storage.machines().add(NewMachine.listening("web02", second.uri(), second.identity().thumbprints().sha256())
                .withRoles("web", "api").withEnvironments("Staging"));
        ui = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void tearDown() {
        ui.shutdownNow();
        fixture.close();
    }

    RunScriptViewModel direct(List<Machine> preselected) {
        RunScriptViewModel model = new RunScriptViewModel(fixture.directContext(), server, fixture.storages(),
                preselected.stream().map(Machine::id).toList());
        model.load();
        return model;
    }

    /** Work on virtual threads, changes published on one "UI" thread, which the test reads through {@link #onUi}. */
    RunScriptViewModel threaded() throws Exception {
        ServerManagerContext direct = fixture.directContext();
        ServerManagerContext context = new ServerManagerContext(direct.environment(), direct.serviceManager(),
                direct.commsOptions(), Executors.newVirtualThreadPerTaskExecutor(), ui::execute);
        RunScriptViewModel model = onUi(() -> new RunScriptViewModel(context, server, fixture.storages(),
                List.of(web01.id(), web02.id())));
        onUi(() -> {
            model.load();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> onUi(() -> model.selectedCountProperty().get() == 2));
        return model;
    }

    <T> T onUi(Callable<T> read) throws Exception {
        return ui.submit(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void runsAScriptOnTwoMachinesAndShowsEachOnesOutputAndExitCode() {
        RunScriptViewModel model = direct(List.of(web01, web02));
        assertThat(model.selectedCountProperty().get()).isEqualTo(2);
        model.scriptProperty().set(SCRIPT);

        model.run();

        assertThat(model.isRunning()).isFalse();
        MachineRun first = model.run("web01");
        MachineRun second = model.run("web02");
        assertThat(model.runs()).extracting(MachineRun::name).containsExactly("web01", "web02");
        assertThat(first.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(first.exitCodeProperty().get()).isZero();
        assertThat(first.status()).isEqualTo("Succeeded, exit code 0");
        assertThat(first.output()).filteredOn(line -> line.source() == TaskLogSource.STDOUT).extracting(OutputLine::text)
                .singleElement().satisfies(text -> assertThat(text).startsWith("hello from ").contains("web01"));
        assertThat(first.output()).contains(new OutputLine(TaskLogSource.STDERR, "a warning"));
        assertThat(second.state()).isEqualTo(TaskState.FAILED);
        assertThat(second.exitCodeProperty().get()).isEqualTo(3);
        assertThat(second.status()).isEqualTo("Failed, exit code 3");
        assertThat(second.output()).filteredOn(line -> line.source() == TaskLogSource.STDOUT).extracting(OutputLine::text)
                .singleElement().satisfies(text -> assertThat(text).contains("web02"));
        assertThat(model.summaryProperty().get()).matches("Failed: ServerTasks-\\d+ succeeded on 1 of 2 machines; not"
                + " on web02 \\(failed, exit code 3\\)\\.");
        assertThat(model.taskLog()).anySatisfy(line -> assertThat(line).startsWith("Queued ServerTasks-"))
                .anySatisfy(line -> assertThat(line).startsWith("No Octopus Server is running for the instance 'Main'"));
        var task = storage.tasks().list(TaskFilter.recent()).getFirst();
        assertThat(task.requestedBy()).isEqualTo("Octopus Server Manager (tester)");
    }

    @Test
    void aRunningServerNodeRunsTheScriptAndASuccessIsSummed() {
        fixture.startNode(server);
        RunScriptViewModel model = direct(List.of(web01));
        model.scriptProperty().set("echo fine");

        model.run();

        assertThat(model.run("web01").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(model.summaryProperty().get()).matches("Succeeded: ServerTasks-\\d+ succeeded on its machine\\.");
        assertThat(model.taskLog()).anySatisfy(line -> assertThat(line).contains("server node test-node-Main runs it"));
    }

    @Test
    void picksMachinesByRoleAndEnvironment() {
        RunScriptViewModel model = direct(List.of());
        assertThat(model.roles()).containsExactly("api", "web");
        assertThat(model.environments()).containsExactly("Production", "Staging");
        assertThat(model.problemProperty().get()).isEqualTo("Pick the machines to run the script on.");

        model.roleProperty().set("API");
        model.selectRole();
        assertThat(model.machines()).filteredOn(MachineChoice::isSelected).extracting(c -> c.machine().name())
                .containsExactly("web02");

        model.environmentProperty().set("Production");
        model.selectEnvironment();
        assertThat(model.selectedCountProperty().get()).isEqualTo(2);

        model.selectNone();
        assertThat(model.selectedCountProperty().get()).isZero();
        model.selectAll();
        assertThat(model.selectedCountProperty().get()).isEqualTo(2);
        assertThat(model.machines()).extracting(MachineChoice::description)
                .containsExactly("web01 (web · Production)", "web02 (api, web · Staging)");
    }

    @Test
    void cannotRunWithoutMachinesOrAScript() {
        RunScriptViewModel model = direct(List.of(web01));
        assertThat(model.problemProperty().get()).isEqualTo("Type the script to run.");
        model.scriptProperty().set("   \n");
        assertThat(model.canRunProperty().get()).isFalse();

        model.run();

        assertThat(model.runs()).isEmpty();
        assertThat(storage.tasks().list(TaskFilter.recent())).isEmpty();
        model.scriptProperty().set("echo hi");
        assertThat(model.canRunProperty().get()).isTrue();
        model.selectNone();
        assertThat(model.canRunProperty().get()).isFalse();
    }

    @Test
    void aServerWithoutMachinesSaysToAddOne() {
        ServerInstance empty = fixture.createServer("Empty");
        RunScriptViewModel model = new RunScriptViewModel(fixture.directContext(), empty, fixture.storages(), List.of());
        model.load();

        assertThat(model.machines()).isEmpty();
        assertThat(model.problemProperty().get()).isEqualTo("This server has no machines yet: add a Tentacle first.");
    }

    @Test
    void cancelStopsALongRunningScript() throws Exception {
        RunScriptViewModel model = threaded();
        onUi(() -> {
            model.scriptProperty().set("echo started\nsleep 60\necho never");
            model.run();
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> model.runs().stream()
                .allMatch(r -> r.output().contains(new OutputLine(TaskLogSource.STDOUT, "started")))));

        onUi(() -> {
            model.cancel();
            return null;
        });
        assertThat(onUi(() -> model.cancellingProperty().get())).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> !model.isRunning()));

        assertThat(onUi(() -> model.runs().stream().map(MachineRun::state).toList()))
                .containsOnly(TaskState.CANCELLED);
        assertThat(onUi(() -> model.summaryProperty().get())).startsWith("Cancelled: ");
        assertThat(onUi(() -> model.run("web01").output().stream().map(OutputLine::text).toList())).doesNotContain("never");
        assertThat(onUi(() -> model.cancellingProperty().get())).isFalse();
    }

    @Test
    void aMachineThatCannotBeReachedFailsWithTheReason() {
        storage.machinePolicies().add(MachinePolicySettings.defaults("No retries").withRpcRetryEnabled(false));
        Machine gone = storage.machines().add(NewMachine.listening("gone", URI.create("https://127.0.0.1:"
                + ServerManagerFixture.freePort() + "/"), web01.thumbprint()).withPolicy("No retries"));
        RunScriptViewModel model = direct(List.of(gone, web01));
        model.scriptProperty().set("echo fine");

        model.run();

        MachineRun failed = model.run("gone");
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.exitCodeProperty().get()).isNull();
        assertThat(failed.status()).startsWith("Failed: [CONNECTION_REFUSED]");
        assertThat(model.run("web01").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(model.summaryProperty().get()).endsWith("succeeded on 1 of 2 machines; not on gone (failed).");
    }

    @Test
    void aPowerShellScriptIsQueuedAsOne() {
        RunScriptViewModel model = direct(List.of(web01));
        model.syntaxProperty().set(ScriptSyntax.POWERSHELL);
        model.scriptProperty().set("Write-Output hi");

        model.run();

        assertThat(storage.tasks().list(TaskFilter.recent()).getFirst().description())
                .isEqualTo("Run a powershell script on web01");
    }
}
