package dev.tentacle.servermanager.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.server.admin.HealthHint;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.machines.HealthProblem;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.server.storage.tasks.TaskFilter;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import dev.tentacle.servermanager.testing.ServerManagerFixture.TestTentacle;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.HttpInterferingServer;
import dev.tentacle.testing.net.Ports;
import dev.tentacle.testing.net.SilentServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health check's view model without JavaFX, against a real server instance, the engine's task execution (which
 * runs a server node of its own, since none runs) and real Tentacles. Work runs on the calling thread, so
 * {@link HealthCheckViewModel#run()} returns when the task has ended.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HealthCheckViewModelTest {
    static final String NO_RETRIES = "No retries";

    @TempDir
    Path root;

    ServerManagerFixture fixture;
    ServerInstance server;
    Storage storage;

    @BeforeEach
    void setUp() {
        fixture = new ServerManagerFixture(root);
        server = fixture.createServer("Main");
        storage = fixture.storage(server);
        // Checks of unreachable machines fail at once rather than after the default policy's 2 min 30 s of retries.
        storage.machinePolicies().add(MachinePolicySettings.defaults(NO_RETRIES).withRpcRetryEnabled(false));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private HealthCheckViewModel viewModel(ServerManagerContext context, List<Machine> machines) {
        return HealthChecks.viewModel(context, fixture.storages(), server, machines.stream().map(Machine::id).toList());
    }

    private Machine listening(TestTentacle tentacle) {
        return storage.machines().add(NewMachine.listening(tentacle.name(), tentacle.uri(),
                tentacle.identity().thumbprints().sha256()).withPolicy(NO_RETRIES));
    }

    private Machine listeningAt(String name, int port) {
        return storage.machines().add(NewMachine.listening(name, URI.create("https://127.0.0.1:" + port + "/"),
                CertificateFixtures.tentacle().thumbprints().sha256()).withPolicy(NO_RETRIES));
    }

    private static MachineResult result(HealthCheckViewModel viewModel, String name) {
        return viewModel.results().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void checksSeveralMachinesAndShowsEachResultWithTheHintForTheOneThatIsDown() {
        Machine web01 = listening(fixture.listeningTentacle(server, "web01"));
        int closed = Ports.freeLoopbackPort();
        Machine web02 = listeningAt("web02", closed);
        HealthCheckViewModel viewModel = viewModel(fixture.directContext(), List.of(web02, web01));

        viewModel.run();

        assertThat(viewModel.isRunning()).isFalse();
        assertThat(viewModel.title()).isEqualTo("Health check: 2 machines of Main");
        assertThat(viewModel.results()).extracting(MachineResult::name).containsExactly("web01", "web02");
        MachineResult healthy = result(viewModel, "web01");
        assertThat(healthy.state()).isEqualTo(MachineResult.State.HEALTHY);
        assertThat(healthy.latency()).endsWith(" ms");
        assertThat(healthy.summary()).startsWith("Healthy in ").contains(", agent ");
        assertThat(healthy.hints()).isEmpty();
        MachineResult down = result(viewModel, "web02");
        assertThat(down.state()).isEqualTo(MachineResult.State.UNAVAILABLE);
        assertThat(down.message()).startsWith("[CONNECTION_REFUSED]").contains("127.0.0.1:" + closed);
        assertThat(down.hints()).extracting(HealthHint::title).containsExactly("Nothing is listening at 127.0.0.1:"
                + closed);
        assertThat(down.hintText()).contains("Is the Tentacle running?", "ss -ltnp 'sport = :" + closed + "'");
        assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
        assertThat(viewModel.outcomeProperty().get()).isEqualTo(HealthCheckViewModel.Outcome.PROBLEMS);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("1 of 2 machines healthy; 1 needs attention: what to"
                + " check is under each.");
        assertThat(viewModel.taskProperty().get()).startsWith("ServerTasks-");
        assertThat(viewModel.log()).anySatisfy(line -> assertThat(line).startsWith("Queued " + viewModel.taskProperty()
                .get() + ": Check the health of web01, web02"))
                .anySatisfy(line -> assertThat(line).contains("task runs here, on a server node of its own"))
                .anySatisfy(line -> assertThat(line).startsWith("web01: HEALTHY"));
        assertThat(viewModel.report()).contains("web02: Unavailable", "What to check: Nothing is listening at");
        assertThat(storage.healthChecks().latest(web02.id()).orElseThrow().status()).isEqualTo(HealthStatus.UNAVAILABLE);
    }

    @Test
    void aTentacleThatWasStoppedTurnsUnavailableWithTheHintToStartIt() {
        TestTentacle tentacle = fixture.listeningTentacle(server, "web01");
        Machine web01 = listening(tentacle);
        HealthCheckViewModel viewModel = viewModel(fixture.directContext(), List.of(web01));
        viewModel.run();
        assertThat(result(viewModel, "web01").state()).isEqualTo(MachineResult.State.HEALTHY);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("The machine is healthy.");
        assertThat(viewModel.outcomeProperty().get()).isEqualTo(HealthCheckViewModel.Outcome.ALL_HEALTHY);

        tentacle.stop();
        viewModel.run();

        MachineResult stopped = result(viewModel, "web01");
        assertThat(stopped.state()).isEqualTo(MachineResult.State.UNAVAILABLE);
        assertThat(stopped.hints()).extracting(HealthHint::problem).containsExactly(HealthProblem.CONNECTION_REFUSED);
        assertThat(viewModel.results()).hasSize(1);
    }

    @Test
    void aTentacleThatDoesNotTrustThisServerShowsTheHintToTrustItsThumbprint() {
        ServerInstance other = fixture.createServer("Other");
        Machine web03 = listening(fixture.listeningTentacle(other, "web03"));
        HealthCheckViewModel viewModel = viewModel(fixture.directContext(), List.of(web03));

        viewModel.run();

        MachineResult refused = result(viewModel, "web03");
        CertificateThumbprints thumbprints = fixture.identity(server).thumbprints();
        assertThat(refused.state()).isEqualTo(MachineResult.State.UNAVAILABLE);
        assertThat(refused.message()).startsWith("[SERVER_NOT_TRUSTED] The Tentacle does not trust this server's"
                + " certificate.");
        assertThat(refused.hints()).singleElement().satisfies(hint -> {
            assertThat(hint.title()).isEqualTo("The Tentacle does not trust this server's certificate");
            assertThat(hint.advice()).contains("tentacle configure --instance NAME --trust " + thumbprints.sha1().hex(),
                    thumbprints.sha256().hex());
        });
    }

    @Test
    void aTentacleWhoseCertificateIsNotTheRegisteredOneShowsTheHintToCompareThumbprints() {
        TestTentacle tentacle = fixture.listeningTentacle(server, "web04");
        Machine web04 = storage.machines().add(NewMachine.listening("web04", tentacle.uri(),
                CertificateFixtures.other().thumbprints().sha1()).withPolicy(NO_RETRIES));
        HealthCheckViewModel viewModel = viewModel(fixture.directContext(), List.of(web04));

        viewModel.run();

        MachineResult refused = result(viewModel, "web04");
        assertThat(refused.message()).startsWith("[TENTACLE_NOT_TRUSTED]")
                .contains(tentacle.identity().thumbprints().sha1().hex());
        assertThat(refused.hints()).singleElement().satisfies(hint -> assertThat(hint.advice())
                .contains(CertificateFixtures.other().thumbprints().sha1().hex(), "tentacle show-thumbprint"));
    }

    @Test
    void aProxyInjectingHttpShowsTheProxyHint() throws Exception {
        try (HttpInterferingServer proxy = HttpInterferingServer.start(
                HttpInterferingServer.Trigger.AFTER_TLS_CLIENT_HELLO)) {
            Machine web05 = listeningAt("web05", proxy.port());
            HealthCheckViewModel viewModel = viewModel(fixture.directContext(), List.of(web05));

            viewModel.run();

            assertThat(result(viewModel, "web05").hints()).extracting(HealthHint::problem)
                    .containsExactly(HealthProblem.PROXY_OR_FIREWALL_IN_PATH);
        }
    }

    @Test
    void aPollingTentacleIsCheckedThroughTheServerNodeTheCheckRunsOnThePollingPort() {
        fixture.pollingTentacle(server, "db01");
        Machine db01 = storage.machines().findByName("db01").orElseThrow();
        HealthCheckViewModel viewModel = viewModel(fixture.directContext(), List.of(db01));

        viewModel.run();

        assertThat(result(viewModel, "db01").state()).isEqualTo(MachineResult.State.HEALTHY);
        assertThat(viewModel.log()).anySatisfy(line -> assertThat(line).contains("polling Tentacles connect on port "
                + server.configuration().commsListenPort()));
    }

    @Test
    void withNoMachinesChosenItChecksThemAll() {
        listening(fixture.listeningTentacle(server, "web01"));
        listening(fixture.listeningTentacle(server, "web02"));
        HealthCheckViewModel viewModel = viewModel(fixture.directContext(), List.of());

        viewModel.run();

        assertThat(viewModel.title()).isEqualTo("Health check: all machines of Main");
        assertThat(viewModel.results()).extracting(MachineResult::state)
                .containsExactly(MachineResult.State.HEALTHY, MachineResult.State.HEALTHY);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("All 2 machines are healthy.");
    }

    @Test
    void withNoMachinesRegisteredItSaysToAddOne() {
        HealthCheckViewModel viewModel = viewModel(fixture.directContext(), List.of());

        viewModel.run();

        assertThat(viewModel.outcomeProperty().get()).isEqualTo(HealthCheckViewModel.Outcome.ERROR);
        assertThat(viewModel.summaryProperty().get()).isEqualTo("The health check could not run: There are no"
                + " machines to check: add a Tentacle first.");
        assertThat(storage.tasks().list(TaskFilter.recent())).isEmpty();
    }

    @Test
    void machinesRemovedSinceTheyWereChosenAreLeftOutAndSaidSo() {
        Machine web01 = listening(fixture.listeningTentacle(server, "web01"));
        Machine gone = listeningAt("gone", Ports.freeLoopbackPort());
        storage.machines().remove(gone.id());
        HealthCheckViewModel viewModel = viewModel(fixture.directContext(), List.of(web01, gone));

        viewModel.run();

        assertThat(viewModel.results()).extracting(MachineResult::name).containsExactly("web01");
        assertThat(viewModel.log()).contains("Not checked, no longer registered: " + gone.id() + ".");

        storage.machines().remove(web01.id());
        viewModel.run();

        assertThat(viewModel.summaryProperty().get()).contains("are no longer registered: they were removed");
    }

    @Test
    void aDatabaseThatIsDownIsReportedWithWhatToCheck() {
        int port = Ports.freeLoopbackPort();
        ServerInstance down = fixture.createServer("Down");
        down.update(c -> c.withStorageConnectionString("jdbc:postgresql://localhost:" + port + "/postgres"));
        HealthCheckViewModel viewModel = HealthChecks.viewModel(fixture.directContext(), fixture.storages(), down,
                List.of());

        viewModel.run();

        assertThat(viewModel.outcomeProperty().get()).isEqualTo(HealthCheckViewModel.Outcome.ERROR);
        assertThat(viewModel.summaryProperty().get()).startsWith("The health check could not run: Cannot reach the"
                + " Octopus Server database").contains("Is PostgreSQL running on localhost:" + port);
    }

    @Test
    void cancellingStopsTheCheckAndTheMachinesNotCheckedAreCancelled() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        try (SilentServer silent = SilentServer.start()) {
            // The default policy retries for 2 min 30 s: the check of a machine that never answers runs until cancelled.
            Machine hung = storage.machines().add(NewMachine.listening("hung", URI.create("https://127.0.0.1:"
                    + silent.port() + "/"), CertificateFixtures.tentacle().thumbprints().sha256()));
            ServerManagerContext context = new ServerManagerContext(fixture.environment(), fixture::services,
                    ServerManagerFixture.COMMS, background, ui::execute);
            HealthCheckViewModel viewModel = viewModel(context, List.of(hung));
            onUi(ui, () -> {
                viewModel.run();
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> onUi(ui, () -> !viewModel.taskProperty().get().isEmpty()));

            onUi(ui, () -> {
                viewModel.cancel();
                return null;
            });

            await().atMost(Duration.ofSeconds(60)).until(() -> onUi(ui, () -> !viewModel.isRunning()));
            assertThat(onUi(ui, () -> viewModel.outcomeProperty().get())).isEqualTo(HealthCheckViewModel.Outcome.CANCELLED);
            assertThat(onUi(ui, () -> viewModel.summaryProperty().get())).isEqualTo("Cancelled: 0 of 1 machines were"
                    + " checked.");
            assertThat(onUi(ui, () -> result(viewModel, "hung").state())).isEqualTo(MachineResult.State.CANCELLED);
            assertThat(storage.tasks().list(TaskFilter.recent())).singleElement()
                    .satisfies(task -> assertThat(task.state()).isEqualTo(TaskState.CANCELLED));
        } finally {
            background.shutdownNow();
            ui.shutdownNow();
        }
    }

    private static <T> T onUi(ExecutorService ui, Supplier<T> read) throws Exception {
        return ui.submit(read::get).get(10, TimeUnit.SECONDS);
    }
}
