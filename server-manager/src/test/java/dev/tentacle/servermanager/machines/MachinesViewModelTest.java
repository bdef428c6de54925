package dev.tentacle.servermanager.machines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import dev.tentacle.servermanager.testing.ServerManagerFixture.TestTentacle;
import dev.tentacle.testing.net.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machines pane's view model without JavaFX, against a real server instance with H2 storage, a real server node
 * and real Tentacles. Storage calls run on the calling thread, so each read has happened when the call returns.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MachinesViewModelTest {
    static final String NO_RETRIES = "No retries";

    @TempDir
    Path root;

    ServerManagerFixture fixture;
    ServerInstance server;
    Storage storage;
    MachinesViewModel viewModel;

    @BeforeEach
    void setUp() {
        fixture = new ServerManagerFixture(root);
        server = fixture.createServer("Main");
        storage = fixture.storage(server);
        viewModel = new MachinesViewModel(fixture.directContext(), fixture.storages()::storage);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /**
     * web01 and web02 listening (web02's agent stopped), db01 polling; tagged for the filters, under a policy that
     * does not retry, so that checking the stopped one fails at once rather than after the default 2 min 30 s.
     */
    private List<Machine> threeMachines() {
        storage.machinePolicies().add(MachinePolicySettings.defaults(NO_RETRIES).withRpcRetryEnabled(false));
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        TestTentacle web02 = fixture.listeningTentacle(server, "web02");
        Machine first = storage.machines().add(NewMachine.listening("web01", web01.uri(),
                web01.identity().thumbprints().sha256()).withEnvironments("Production").withRoles("web", "api")
                .withPolicy(NO_RETRIES));
        Machine second = storage.machines().add(NewMachine.listening("web02", web02.uri(),
                web02.identity().thumbprints().sha1()).withEnvironments("Staging").withRoles("web")
                .withPolicy(NO_RETRIES));
        web02.stop();
        Machine third = storage.machines().add(NewMachine.polling("db01", "db01-subscription",
                web01.identity().thumbprints().sha256()).withEnvironments("Production").withRoles("db")
                .withPolicy(NO_RETRIES));
        return List.of(first, second, third);
    }

    /** Queues a health check of the machines, has a real server node run it, and waits for its end. */
    private Task checkHealth(List<Machine> machines) {
        fixture.startNode(server);
        Task task = storage.tasks().create(NewTask.healthCheck("Check the health", "tests",
                machines.stream().map(Machine::id).toList()));
        await().atMost(Duration.ofSeconds(60)).until(() -> storage.tasks().get(task.id()).orElseThrow().state()
                .isFinished());
        return storage.tasks().get(task.id()).orElseThrow();
    }

    private MachineRow row(String name) {
        return viewModel.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutAnInstanceItAsksForOne() {
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.summaryProperty().get()).isEqualTo("Select a server instance to see its machines.");
        assertThat(viewModel.canCheckAllProperty().get()).isFalse();
    }

    @Test
    void anInstanceWithoutMachinesSaysHowToAddOne() {
        viewModel.instanceProperty().set(server);

        assertThat(viewModel.loadedProperty().get()).isTrue();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.summaryProperty().get()).startsWith("No machines yet: add a listening Tentacle");
        assertThat(viewModel.problemProperty().get()).isEmpty();
    }

    @Test
    void showsTheMachinesInStorageWithTheirModeAddressTagsAndNewestHealth() {
        List<Machine> machines = threeMachines();
        checkHealth(machines.subList(0, 2));

        viewModel.instanceProperty().set(server);

        assertThat(viewModel.rows()).extracting(MachineRow::name).containsExactly("db01", "web01", "web02");
        MachineRow web01 = row("web01");
        assertThat(web01.mode()).isEqualTo("Listening");
        assertThat(web01.address()).isEqualTo(machines.get(0).uri().toString());
        assertThat(web01.environments()).isEqualTo("Production");
        assertThat(web01.roles()).isEqualTo("api, web");
        assertThat(web01.statusText()).isEqualTo("Healthy");
        assertThat(web01.latency()).endsWith(" ms");
        assertThat(web01.checkedAt()).isNotEmpty();
        assertThat(web01.agentVersion()).isNotEmpty();
        MachineRow web02 = row("web02");
        assertThat(web02.statusText()).isEqualTo("Unavailable");
        assertThat(web02.reason()).startsWith("[CONNECTION_REFUSED]");
        assertThat(web02.latency()).isEmpty();
        MachineRow db01 = row("db01");
        assertThat(db01.mode()).isEqualTo("Polling");
        assertThat(db01.address()).isEqualTo("poll://db01-subscription/");
        assertThat(db01.statusText()).isEqualTo("Not checked");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("3 machines");
        assertThat(viewModel.environments()).containsExactly("Production", "Staging");
        assertThat(viewModel.roles()).containsExactly("api", "db", "web");
    }

    @Test
    void filtersByStatusModeEnvironmentAndRoleAndSearchesNamesAndAddresses() {
        List<Machine> machines = threeMachines();
        checkHealth(machines.subList(0, 2));
        viewModel.instanceProperty().set(server);

        viewModel.statusFilterProperty().set(StatusChoice.UNAVAILABLE);
        assertThat(viewModel.visibleRows()).extracting(MachineRow::name).containsExactly("web02");
        assertThat(viewModel.summaryProperty().get()).isEqualTo("1 of 3 machines shown");

        viewModel.statusFilterProperty().set(StatusChoice.NOT_CHECKED);
        assertThat(viewModel.visibleRows()).extracting(MachineRow::name).containsExactly("db01");

        viewModel.clearFilters();
        viewModel.modeFilterProperty().set(ModeChoice.LISTENING);
        viewModel.environmentFilterProperty().set("production");
        assertThat(viewModel.visibleRows()).extracting(MachineRow::name).containsExactly("web01");

        viewModel.clearFilters();
        viewModel.roleFilterProperty().set("WEB");
        assertThat(viewModel.visibleRows()).extracting(MachineRow::name).containsExactly("web01", "web02");

        viewModel.clearFilters();
        viewModel.searchProperty().set("DB");
        assertThat(viewModel.visibleRows()).extracting(MachineRow::name).containsExactly("db01");
        viewModel.searchProperty().set("subscription");
        assertThat(viewModel.visibleRows()).extracting(MachineRow::name).containsExactly("db01");
        viewModel.searchProperty().set(":" + machines.get(1).uri().getPort());
        assertThat(viewModel.visibleRows()).extracting(MachineRow::name).containsExactly("web02");
        viewModel.searchProperty().set("nothing like it");
        assertThat(viewModel.visibleRows()).isEmpty();
        assertThat(viewModel.summaryProperty().get()).isEqualTo("0 of 3 machines shown");

        viewModel.clearFilters();
        assertThat(viewModel.filterProperty().get().narrows()).isFalse();
        assertThat(viewModel.visibleRows()).hasSize(3);
    }

    @Test
    void theSelectedMachinesDetailsShowItsRegistrationHistoryHintAndTasksWithTheirLogs() {
        List<Machine> machines = threeMachines();
        Task task = checkHealth(machines.subList(0, 2));
        viewModel.instanceProperty().set(server);

        viewModel.selection().setAll(machines.get(1).id());
        MachineDetailsViewModel details = viewModel.details();

        assertThat(details.machineProperty().get().name()).isEqualTo("web02");
        assertThat(details.thumbprintProperty().get()).isEqualTo("SHA-1 " + machines.get(1).thumbprint().hex());
        assertThat(details.policyProperty().get()).isEqualTo("No retries: health check every 1 h, calls not retried");
        assertThat(details.history()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo("Unavailable");
            assertThat(entry.reason()).startsWith("[CONNECTION_REFUSED]");
        });
        assertThat(details.hintProperty().get()).startsWith("Nothing is listening at 127.0.0.1:"
                + machines.get(1).uri().getPort() + ". Is the Tentacle running?");
        assertThat(details.tasks()).singleElement().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo("Health check (" + task.id() + ")");
            assertThat(entry.state()).isEqualTo("Failed");
            assertThat(entry.reason()).contains("web02 is UNAVAILABLE");
        });

        TaskLogViewModel log = details.taskLog(details.tasks().getFirst());
        log.poll();

        assertThat(log.finishedProperty().get()).isTrue();
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("[server] web01: HEALTHY"))
                .anySatisfy(line -> assertThat(line).contains("[server] web02: UNAVAILABLE: [CONNECTION_REFUSED]"));
        assertThat(log.statusProperty().get()).startsWith(task.id() + " failed");
        assertThat(log.title()).isEqualTo("Log of " + task.id() + ": Check the health");

        viewModel.selection().setAll(machines.get(0).id());
        assertThat(details.hintProperty().get()).isEmpty();
        assertThat(details.history()).extracting(HealthEntry::status).containsExactly("Healthy");

        viewModel.selection().clear();
        assertThat(details.machineProperty().get()).isNull();
        assertThat(details.history()).isEmpty();
    }

    @Test
    void aNewHealthResultIsShownOnTheNextPollKeepingTheSelection() {
        List<Machine> machines = threeMachines();
        viewModel.instanceProperty().set(server);
        viewModel.selection().setAll(machines.get(0).id(), machines.get(1).id());
        assertThat(row("web01").statusText()).isEqualTo("Not checked");

        checkHealth(machines.subList(0, 1));
        viewModel.poll();

        assertThat(row("web01").statusText()).isEqualTo("Healthy");
        assertThat(viewModel.selection()).containsExactly(machines.get(0).id(), machines.get(1).id());
        assertThat(viewModel.details().history()).extracting(HealthEntry::status).containsExactly("Healthy");
    }

    @Test
    void removesTheSelectedMachinesAndSaysWhichAndThatTheTentacleIsNotChanged() {
        List<Machine> machines = threeMachines();
        viewModel.instanceProperty().set(server);
        viewModel.selection().setAll(machines.get(1).id(), machines.get(2).id());

        assertThat(viewModel.canActOnSelectionProperty().get()).isTrue();
        assertThat(viewModel.removalQuestion()).startsWith("Remove 2 machines (db01, web02) from this server?")
                .contains("The Tentacle itself is not changed");
        viewModel.removeSelected();

        assertThat(viewModel.rows()).extracting(MachineRow::name).containsExactly("web01");
        assertThat(storage.machines().get(machines.get(1).id())).isEmpty();
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Removed db01, web02.");
        assertThat(viewModel.selection()).isEmpty();
        assertThat(viewModel.canActOnSelectionProperty().get()).isFalse();
    }

    @Test
    void removingOneMachineAsksAboutItByName() {
        List<Machine> machines = threeMachines();
        viewModel.instanceProperty().set(server);
        viewModel.selection().setAll(machines.get(0).id());

        assertThat(viewModel.removalQuestion()).startsWith("Remove the machine 'web01' from this server? The server"
                + " stops connecting to it and deletes its health history");
    }

    @Test
    void switchingInstanceShowsTheOtherInstancesMachines() {
        threeMachines();
        ServerInstance other = fixture.createServer("Other");
        fixture.storage(other).machines().add(NewMachine.listening("app01", URI.create("https://app01:10933/"),
                fixture.identity(other).thumbprints().sha1()));
        viewModel.instanceProperty().set(server);
        viewModel.selection().setAll(row("web01").id());

        viewModel.instanceProperty().set(other);

        assertThat(viewModel.rows()).extracting(MachineRow::name).containsExactly("app01");
        assertThat(viewModel.selection()).isEmpty();
        assertThat(viewModel.details().machineProperty().get()).isNull();
    }

    @Test
    void theDefaultPolicyIsDescribedWithItsRetries() {
        Machine machine = storage.machines().add(NewMachine.listening("web01", URI.create("https://web01:10933/"),
                fixture.identity(server).thumbprints().sha1()));
        viewModel.instanceProperty().set(server);

        viewModel.selection().setAll(machine.id());

        assertThat(viewModel.details().policyProperty().get()).isEqualTo("Default Machine Policy: health check every"
                + " 1 h, calls retried for 2 min 30 s");
        assertThat(viewModel.details().history()).isEmpty();
        assertThat(viewModel.details().tasks()).isEmpty();
        assertThat(viewModel.details().hintProperty().get()).isEmpty();
    }

    @Test
    void aDatabaseThatIsDownShowsTheSpecificErrorAndThePaneRecoversWhenItComesBack() throws IOException {
        int port = Ports.freeLoopbackPort();
        ServerInstance server = fixture.createServer("OnPostgres");
        server.update(c -> c.withStorageConnectionString("jdbc:postgresql://localhost:" + port
                + "/postgres?user=postgres"));

        viewModel.instanceProperty().set(server);

        assertThat(viewModel.problemProperty().get()).startsWith("The machines cannot be read: Cannot reach the"
                + " Octopus Server database jdbc:postgresql://localhost:" + port + "/postgres")
                .contains("Is PostgreSQL running on localhost:" + port);
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.summaryProperty().get()).isEmpty();

        try (EmbeddedPostgres _ = EmbeddedPostgres.builder().setDataDirectory(root.resolve("postgres"))
                .setPort(port).start()) {
            fixture.storage(server).machines().add(NewMachine.listening("web01", URI.create("https://web01:10933/"),
                    fixture.identity(server).thumbprints().sha1()));

            viewModel.poll();

            assertThat(viewModel.problemProperty().get()).isEmpty();
            assertThat(viewModel.rows()).extracting(MachineRow::name).containsExactly("web01");
            fixture.storages().close(server);
        }
    }
}
