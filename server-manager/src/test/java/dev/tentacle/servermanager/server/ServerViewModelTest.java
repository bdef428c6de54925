package dev.tentacle.servermanager.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server window's ViewModel without JavaFX running, against real instances, storage and server nodes. */
class ServerViewModelTest {
    @TempDir
    Path temp;

    ServerManagerFixture fixture;
    final SimpleObjectProperty<ServerInstance> selected = new SimpleObjectProperty<>();
    final List<Path> opened = new ArrayList<>();
    final AtomicInteger instancesChanged = new AtomicInteger();
    ServerViewModel viewModel;

    @BeforeEach
    void setUp() {
        fixture = new ServerManagerFixture(temp);
        viewModel = new ServerViewModel(fixture.directContext(), fixture.storages(), opened::add, selected,
                instancesChanged::incrementAndGet);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void showsTheThumbprintsTheCertificateHasAndWhereEverythingIs() {
        ServerInstance main = fixture.createServer("Main");
        fixture.installService(main);
        CertificateThumbprints expected = main.certificates().load(main.configuration()).thumbprints();

        selected.set(main);

        ServerDetails details = viewModel.detailsProperty().get();
        assertThat(details.thumbprints()).contains(expected);
        assertThat(details.webAddress()).isEqualTo(main.configuration().webListen().prefix());
        assertThat(details.commsPort()).isEqualTo(main.configuration().commsListenPort());
        assertThat(details.homeDirectory()).contains(temp.resolve("homes/Main"));
        assertThat(details.configFile()).isEqualTo(main.configFile());
        assertThat(details.database()).isEqualTo("Embedded H2 database "
                + temp.resolve("homes/Main/Database/octopus.mv.db"));
        assertThat(viewModel.serviceProperty().get().kind()).isEqualTo(ServiceStatusView.Kind.RUNNING);
        assertThat(viewModel.canStartProperty().get()).isFalse();
        assertThat(viewModel.canStopProperty().get()).isTrue();

        viewModel.openHomeDirectory();
        viewModel.openConfigurationDirectory();
        assertThat(opened).containsExactly(temp.resolve("homes/Main"), main.configFile().getParent());
    }

    @Test
    void restartStopAndStartMakeTheSystemctlCalls() {
        ServerInstance main = fixture.createServer("Main");
        fixture.installService(main);
        selected.set(main);
        int before = fixture.systemctl().changes().size();
        String unit = fixture.unitName("Main");

        viewModel.restart();
        viewModel.stop();
        viewModel.start();

        assertThat(fixture.systemctl().changes().subList(before, before + 3))
                .containsExactly("restart " + unit, "stop " + unit, "start " + unit);
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Started the service 'OctopusDeploy: Main'.");
        assertThat(viewModel.lastFailure()).isNull();
    }

    @Test
    void aRefusedRestartSaysWhatToDo() {
        ServerInstance main = fixture.createServer("Main");
        fixture.installService(main);
        fixture.systemctl().respond("restart", 1, "", "Failed to restart: Access denied\n");
        selected.set(main);

        viewModel.restart();

        assertThat(viewModel.lastFailure().title()).isEqualTo("Could not restart the server's service");
        assertThat(viewModel.lastFailure().message()).contains("Access denied", "sudo");
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void installServiceInstallsAUnitThatRunsTheLauncherAndStartsIt() throws Exception {
        ServerInstance main = fixture.createServer("Main");
        selected.set(main);
        assertThat(viewModel.canInstallProperty().get()).isTrue();
        String unit = fixture.unitName("Main");

        viewModel.install();

        assertThat(viewModel.lastFailure()).isNull();
        assertThat(fixture.systemctl().changes()).contains("start " + unit);
        String unitFile = java.nio.file.Files.readString(temp.resolve("units").resolve(unit));
        assertThat(unitFile).contains(fixture.launcher() + " run --instance Main")
                .contains("OCTOPUS_INSTANCES_DIR=" + fixture.registryDirectory());
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Installed and started the service 'OctopusDeploy: Main'.");
        assertThat(viewModel.serviceProperty().get().kind()).isNotEqualTo(ServiceStatusView.Kind.NOT_INSTALLED);
        assertThat(viewModel.canInstallProperty().get()).isFalse();
    }

    @Test
    void installWithoutTheLauncherSaysWhatToSet() {
        fixture.variable("OCTOPUS_SERVER_LAUNCHER", "relative/octopus-server");
        viewModel = new ServerViewModel(fixture.directContext(), fixture.storages(), opened::add, selected,
                instancesChanged::incrementAndGet);
        ServerInstance main = fixture.createServer("Main");
        selected.set(main);

        viewModel.install();

        assertThat(viewModel.lastFailure().title()).isEqualTo("Could not install the server's service");
        assertThat(viewModel.lastFailure().message()).contains("OCTOPUS_SERVER_LAUNCHER", "full path");
        assertThat(fixture.systemctl().changes()).isEmpty();
    }

    @Test
    void aServiceNotInstalledSaysHowToInstallIt() {
        ServerInstance main = fixture.createServer("Main");

        selected.set(main);

        ServiceStatusView status = viewModel.serviceProperty().get();
        assertThat(status.kind()).isEqualTo(ServiceStatusView.Kind.NOT_INSTALLED);
        assertThat(status.detail()).contains("octopus-server service --instance Main --install",
                "octopus-server run --instance Main");
        assertThat(viewModel.canRestartProperty().get()).isFalse();
    }

    @Test
    void withoutSystemdTheStatusSaysWhyAndNothingCanBeControlled() {
        ServerInstance main = fixture.createServer("Main");
        fixture.installService(main);
        fixture.stopSystemd();

        selected.set(main);

        ServiceStatusView status = viewModel.serviceProperty().get();
        assertThat(status.kind()).isEqualTo(ServiceStatusView.Kind.UNAVAILABLE);
        assertThat(status.text()).isEqualTo("Service manager unavailable");
        assertThat(status.detail()).contains("systemd is not running", "foreground");
        assertThat(viewModel.canStartProperty().get()).isFalse();
        assertThat(viewModel.canDeleteProperty().get()).isTrue();
    }

    @Test
    void theCommsPortListensByThisServerWhileANodeRunsAndNotOnceItStops() {
        ServerInstance main = fixture.createServer("Main");
        selected.set(main);
        assertThat(viewModel.commsProperty().get().state()).isEqualTo(CommsPortStatus.State.NOT_LISTENING);
        assertThat(viewModel.commsProperty().get().detail()).contains("not running");

        ServerNode node = fixture.startNode(main);
        viewModel.poll();

        CommsPortStatus listening = viewModel.commsProperty().get();
        assertThat(listening.listening()).isTrue();
        assertThat(listening.byThisServer()).isTrue();
        assertThat(listening.text()).isEqualTo("Listening on port " + main.configuration().commsListenPort()
                + ", by this server");
        assertThat(listening.detail()).contains("'" + node.name() + "'");

        node.close();
        viewModel.poll();

        assertThat(viewModel.commsProperty().get().listening()).isFalse();
        assertThat(viewModel.commsProperty().get().text()).startsWith("Not listening on port");
    }

    @Test
    void aPortHeldByAnotherProgramIsNotTakenForTheServer() throws Exception {
        ServerInstance main = fixture.createServer("Main");
        int port = main.configuration().commsListenPort();
        try (ServerSocket other = new ServerSocket(port)) {
            selected.set(main);

            CommsPortStatus status = viewModel.commsProperty().get();
            assertThat(status.state()).isEqualTo(CommsPortStatus.State.LISTENING_UNCONFIRMED);
            assertThat(status.byThisServer()).isFalse();
            assertThat(status.detail()).contains("another program holds the port", "ss -ltnp 'sport = :" + port + "'");
        }
    }

    @Test
    void aDamagedConfigurationFileIsShownWithWhatToDo() throws Exception {
        ServerInstance main = fixture.createServer("Main");
        Files.writeString(main.configFile(), "{ \"homeDirectory\": ");

        selected.set(main);

        ServerDetails details = viewModel.detailsProperty().get();
        assertThat(details.problem()).hasValueSatisfying(problem -> assertThat(problem).contains(
                main.configFile().toString()));
        assertThat(viewModel.commsProperty().get().state()).isEqualTo(CommsPortStatus.State.UNKNOWN);
        assertThat(viewModel.hasConfigurationProperty().get()).isFalse();
        assertThat(viewModel.canDeleteProperty().get()).isTrue();
    }

    @Test
    void aMissingCertificateSaysHowToCreateOne() {
        ServerInstance main = fixture.createServer("Main");
        main.update(c -> c.withCertificate(null));

        selected.set(main);

        assertThat(viewModel.detailsProperty().get().certificateProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("no certificate yet", "octopus-server new-certificate --instance Main"));
    }

    @Test
    void deleteStopsTheServiceRemovesTheInstanceAndKeepsTheDatabase() {
        ServerInstance main = fixture.createServer("Main");
        fixture.installService(main);
        fixture.storage(main).checkAvailable();
        Path database = temp.resolve("homes/Main/Database/octopus.mv.db");
        selected.set(main);
        List<DeleteServerViewModel> confirmations = new ArrayList<>();

        viewModel.prepareDeletion(confirmations::add);
        DeleteServerViewModel confirmation = confirmations.getFirst();
        assertThat(confirmation.databaseVerdict()).isEqualTo("The database is kept.");
        viewModel.delete(confirmation);

        assertThat(viewModel.lastFailure()).isNull();
        assertThat(fixture.registry().list()).isEmpty();
        assertThat(main.configFile()).doesNotExist();
        assertThat(database).exists();
        assertThat(temp.resolve("units").resolve(fixture.unitName("Main"))).doesNotExist();
        assertThat(fixture.systemctl().changes()).contains("stop " + fixture.unitName("Main"));
        assertThat(instancesChanged).hasValue(1);
        assertThat(viewModel.noticeProperty().get()).startsWith("Deleted the Octopus Server instance 'Main'.")
                .contains("embedded H2 database " + database + " was kept");
    }

    @Test
    void deleteWithTheBoxTickedDeletesTheEmbeddedDatabaseEvenWhileTheAppHadItOpen() {
        ServerInstance main = fixture.createServer("Main");
        fixture.storage(main).checkAvailable();
        selected.set(main);
        List<DeleteServerViewModel> confirmations = new ArrayList<>();

        viewModel.prepareDeletion(confirmations::add);
        DeleteServerViewModel confirmation = confirmations.getFirst();
        confirmation.deleteDatabaseProperty().set(true);
        assertThat(confirmation.databaseVerdict()).isEqualTo("The database is deleted with the instance.");
        viewModel.delete(confirmation);

        assertThat(viewModel.lastFailure()).isNull();
        assertThat(temp.resolve("homes/Main/Database")).doesNotExist();
        assertThat(temp.resolve("homes/Main/Certificates/server.pfx")).exists();
        assertThat(fixture.registry().list()).isEmpty();
    }
}
