package dev.tentacle.manager.instances;

import dev.tentacle.desktop.service.ServiceStatusView;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.manager.testing.ManagerFixture;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.instance.TentacleServiceDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's ViewModel, without JavaFX: engine calls run on the test thread against real instances. */
class MainWindowViewModelTest {
    @TempDir
    Path temp;

    ManagerFixture fixture;
    List<Path> opened = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new ManagerFixture(temp);
    }

    MainWindowViewModel viewModel() {
        var viewModel = new MainWindowViewModel(fixture.directContext(), opened::add);
        viewModel.setFailureHandler(failures::add);
        viewModel.refreshInstances();
        return viewModel;
    }

    @Test
    void withNoInstanceNothingIsSelected() {
        var viewModel = viewModel();

        assertThat(viewModel.loadedProperty().get()).isTrue();
        assertThat(viewModel.instances()).isEmpty();
        assertThat(viewModel.selectedProperty().get()).isNull();
        assertThat(viewModel.detailsProperty().get()).isNull();
        assertThat(viewModel.canDeleteProperty().get()).isFalse();
    }

    @Test
    void selectsTheFirstInstanceAndShowsWhatTheEngineComputes() {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.listening("Web02", 10934);
        CertificateThumbprints expected = web.identity(web.configuration()).thumbprints();

        var viewModel = viewModel();

        assertThat(viewModel.instances()).containsExactly("Web01", "Web02");
        assertThat(viewModel.selectedProperty().get()).isEqualTo("Web01");
        InstanceDetails details = viewModel.detailsProperty().get();
        assertThat(details.sha1()).isEqualTo(expected.sha1().hex());
        assertThat(details.sha256()).isEqualTo(expected.sha256().hex());
        assertThat(details.communicationMode()).isEqualTo("Listening");
        assertThat(details.endpoints()).containsExactly("Listen port 10933 (all addresses)");
        assertThat(details.trust()).isEqualTo("Listens on port 10933 and accepts the server with thumbprint "
                + ManagerFixture.SERVER.hex() + ".");
        assertThat(details.proxy()).isEqualTo("No proxy");
        assertThat(details.homeDirectory()).contains(temp.resolve("homes/Web01"));
        assertThat(details.logsDirectory()).contains(temp.resolve("homes/Web01/Logs"));
        assertThat(details.logFile()).contains(temp.resolve("homes/Web01/Logs/OctopusTentacle.txt"));
    }

    @Test
    void aPollingInstanceSaysWhomItPolls() {
        fixture.polling("Poller", URI.create("https://octopus.example.com:10943/"), "abcdefghij0123456789");

        InstanceDetails details = viewModel().detailsProperty().get();

        assertThat(details.communicationMode()).isEqualTo("Polling");
        assertThat(details.endpoints()).containsExactly("Polls https://octopus.example.com:10943/ as"
                + " poll://abcdefghij0123456789/ (5 connections)");
        assertThat(details.trust()).isEqualTo("Polls server " + ManagerFixture.SERVER.hex()
                + " at https://octopus.example.com:10943/.");
    }

    @Test
    void anInstanceTrustingNobodySaysItRefusesEveryConnection() {
        fixture.create("Fresh");

        InstanceDetails details = viewModel().detailsProperty().get();

        assertThat(details.trust()).contains("trusts no Octopus Server yet, so it refuses every connection");
        assertThat(details.thumbprints()).isEmpty();
        assertThat(details.certificateProblem().orElseThrow()).contains("tentacle new-certificate --instance Fresh");
    }

    @Test
    void aDamagedConfigurationIsShownNotThrown() throws IOException {
        TentacleInstance web = fixture.listening("Web01", 10933);
        Files.writeString(web.configFile(), "{ broken");

        var viewModel = viewModel();

        InstanceDetails details = viewModel.detailsProperty().get();
        assertThat(details.problem().orElseThrow()).contains(web.configFile().toString());
        assertThat(viewModel.hasConfigurationProperty().get()).isFalse();
        assertThat(viewModel.canDeleteProperty().get()).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void showsTheServiceStatus() {
        TentacleInstance web = fixture.listening("Web01", 10933);
        var viewModel = viewModel();
        assertThat(viewModel.serviceProperty().get().kind()).isEqualTo(ServiceStatusView.Kind.NOT_INSTALLED);
        assertThat(viewModel.installServiceLabelProperty().get()).isEqualTo("I_nstall service");
        assertThat(viewModel.canStartProperty().get()).isFalse();

        fixture.installService(web);
        viewModel.refreshStatus();
        assertThat(viewModel.serviceProperty().get().kind()).isEqualTo(ServiceStatusView.Kind.RUNNING);
        assertThat(viewModel.canStartProperty().get()).isFalse();
        assertThat(viewModel.canStopProperty().get()).isTrue();
        assertThat(viewModel.installServiceLabelProperty().get()).isEqualTo("Rei_nstall service");

        fixture.systemctl().respond("is-active", 3, "inactive\n", "");
        viewModel.pollStatus();
        assertThat(viewModel.serviceProperty().get().kind()).isEqualTo(ServiceStatusView.Kind.STOPPED);
        assertThat(viewModel.canStartProperty().get()).isTrue();
        assertThat(viewModel.canStopProperty().get()).isFalse();
    }

    @Test
    void anUnavailableServiceManagerIsShownWithTheReason() {
        fixture.listening("Web01", 10933);
        fixture.stopSystemd();

        var viewModel = viewModel();

        ServiceStatusView status = viewModel.serviceProperty().get();
        assertThat(status.kind()).isEqualTo(ServiceStatusView.Kind.UNAVAILABLE);
        assertThat(status.text()).isEqualTo("Service manager unavailable");
        assertThat(status.detail()).contains("systemd is not running");
        assertThat(viewModel.canStartProperty().get()).isFalse();
        assertThat(viewModel.canInstallServiceProperty().get()).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void aServiceManagerThatCannotBeMadeIsUnavailableToo() {
        fixture.listening("Web01", 10933);
        var context = fixture.directContext();
        var broken = new dev.tentacle.manager.ManagerContext(context.environment(), () -> {
            throw new IllegalStateException("no service manager for this test");
        }, context.background(), context.ui());

        var viewModel = new MainWindowViewModel(broken, opened::add);
        viewModel.refreshInstances();

        assertThat(viewModel.serviceProperty().get().kind()).isEqualTo(ServiceStatusView.Kind.UNAVAILABLE);
        assertThat(viewModel.serviceProperty().get().detail()).isEqualTo("no service manager for this test");
    }

    @Test
    void startStopAndRestartCallSystemctl() {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.installService(web);
        var viewModel = viewModel();
        int before = fixture.systemctl().changes().size();
        String unit = fixture.unitName("Web01");

        viewModel.stop();
        viewModel.start();
        viewModel.restart();

        assertThat(fixture.systemctl().changes().subList(before, fixture.systemctl().changes().size()))
                .containsExactly("stop " + unit, "start " + unit, "restart " + unit);
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Restarted the service 'OctopusDeploy Tentacle: Web01'.");
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void aFailedStartSaysWhatToDo() {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.installService(web);
        fixture.systemctl().respond("start", 1, "", "Failed to start: Access denied\n");
        var viewModel = viewModel();

        viewModel.start();

        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.title()).isEqualTo("Could not start the service");
            assertThat(failure.message()).contains("Access denied", "needs root", "sudo");
            assertThat(failure.isUnexpected()).isFalse();
        });
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void reinstallInstallsTheServiceWithTheLauncher() throws IOException {
        fixture.listening("Web01", 10933);
        var viewModel = viewModel();

        viewModel.reinstallService();

        Path unit = temp.resolve("units").resolve(fixture.unitName("Web01"));
        assertThat(Files.readString(unit)).contains(fixture.launcher().toString(), "run --instance Web01",
                "OCTOPUS_INSTANCES_DIR=" + fixture.registryDirectory());
        assertThat(fixture.systemctl().changes()).contains("enable " + fixture.unitName("Web01"));
        assertThat(viewModel.serviceProperty().get().kind()).isEqualTo(ServiceStatusView.Kind.RUNNING);
        assertThat(viewModel.noticeProperty().get()).startsWith("Installed the service 'OctopusDeploy Tentacle: Web01'");
    }

    @Test
    void reinstallWithoutTheLauncherSaysWhatToSet() {
        fixture.withoutVariable(TentacleServiceDefinition.LAUNCHER_VARIABLE);
        fixture.listening("Web01", 10933);
        var viewModel = viewModel();

        viewModel.reinstallService();

        assertThat(failures).singleElement().satisfies(failure ->
                assertThat(failure.message()).contains("TENTACLE_LAUNCHER is not set", "bin/tentacle"));
        assertThat(fixture.systemctl().changes()).isEmpty();
    }

    @Test
    void deleteRemovesTheServiceAndTheEntryAndKeepsTheFiles() {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.listening("Web02", 10934);
        fixture.installService(web);
        var viewModel = viewModel();
        List<DeleteInstanceViewModel> confirmations = new ArrayList<>();

        viewModel.prepareDeletion(confirmations::add);
        viewModel.delete(confirmations.getFirst());

        assertThat(fixture.registry().find("Web01")).isEmpty();
        assertThat(viewModel.instances()).containsExactly("Web02");
        assertThat(viewModel.selectedProperty().get()).isEqualTo("Web02");
        assertThat(web.configFile()).exists();
        assertThat(fixture.systemctl().changes()).contains("stop " + fixture.unitName("Web01"),
                "disable " + fixture.unitName("Web01"));
        assertThat(temp.resolve("units").resolve(fixture.unitName("Web01"))).doesNotExist();
        assertThat(viewModel.noticeProperty().get()).contains("Deleted the Tentacle instance 'Web01'", "was kept");
    }

    @Test
    void deleteWithTheBoxTickedDeletesTheFiles() {
        TentacleInstance web = fixture.listening("Web01", 10933);
        var viewModel = viewModel();
        List<DeleteInstanceViewModel> confirmations = new ArrayList<>();

        viewModel.prepareDeletion(confirmations::add);
        confirmations.getFirst().deleteFilesProperty().set(true);
        viewModel.delete(confirmations.getFirst());

        assertThat(fixture.registry().list()).isEmpty();
        assertThat(web.configFile().getParent()).doesNotExist();
        assertThat(viewModel.instances()).isEmpty();
        assertThat(viewModel.selectedProperty().get()).isNull();
    }

    @Test
    void savesTheProxyAsProxyAndPollingProxy() {
        TentacleInstance web = fixture.listening("Web01", 10933);
        var viewModel = viewModel();

        ProxyViewModel editor = viewModel.proxyEditor().orElseThrow();
        editor.modeProperty().set(ProxyViewModel.Mode.CUSTOM);
        editor.hostProperty().set("proxy.example");
        editor.portProperty().set("3128");
        editor.usernameProperty().set("ops");
        editor.passwordProperty().set("secret");
        viewModel.saveProxy(editor);

        var expected = new ProxyConfiguration(true, "proxy.example", 3128, "ops", "secret");
        assertThat(web.configuration().proxy()).isEqualTo(expected);
        assertThat(web.configuration().pollingProxy()).isEqualTo(expected);
        assertThat(viewModel.detailsProperty().get().proxy())
                .isEqualTo("Through http://ops:***@proxy.example:3128 (polling and listening work)");
        assertThat(viewModel.noticeProperty().get()).contains("Restart the service");
    }

    @Test
    void theSystemProxyComesFromTheEnvironment() {
        fixture.variable("https_proxy", "http://10.1.2.3:8080");
        TentacleInstance web = fixture.listening("Web01", 10933);
        var viewModel = viewModel();

        ProxyViewModel editor = viewModel.proxyEditor().orElseThrow();
        assertThat(editor.systemProxyAvailable()).isTrue();
        assertThat(editor.systemProxyText()).contains("http://10.1.2.3:8080", "https_proxy");
        editor.modeProperty().set(ProxyViewModel.Mode.SYSTEM);
        viewModel.saveProxy(editor);

        assertThat(web.configuration().proxy()).isEqualTo(ProxyConfiguration.of("10.1.2.3", 8080));
    }

    @Test
    void opensTheHomeAndLogsDirectoriesAndReportsFailures() {
        fixture.listening("Web01", 10933);
        var viewModel = viewModel();

        viewModel.openHomeDirectory();
        viewModel.openLogsDirectory();
        assertThat(opened).containsExactly(temp.resolve("homes/Web01"), temp.resolve("homes/Web01/Logs"));

        var failing = new MainWindowViewModel(fixture.directContext(), directory -> {
            throw new IllegalStateException("The directory " + directory + " does not exist yet.");
        });
        failing.setFailureHandler(failures::add);
        failing.refreshInstances();
        failing.openLogsDirectory();
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.title()).isEqualTo("Could not open the logs directory");
            assertThat(failure.message()).contains("does not exist yet");
        });
    }

    @Test
    void instancesCreatedElsewhereAppearAndTheNewOneCanBeSelected() {
        fixture.listening("Web01", 10933);
        var viewModel = viewModel();

        fixture.listening("Added", 10935);
        viewModel.pollInstances();
        assertThat(viewModel.instances()).containsExactly("Added", "Web01");
        assertThat(viewModel.selectedProperty().get()).isEqualTo("Web01");

        viewModel.refreshInstancesAndSelect("added");
        assertThat(viewModel.selectedProperty().get()).isEqualTo("Added");
    }

    @Test
    void buttonsSayTheEquivalentCommand() {
        fixture.listening("Web 01", 10933);
        var viewModel = viewModel();

        assertThat(viewModel.equivalentCommand(EquivalentCommands.Action.RESTART)).isEqualTo("tentacle service --instance 'Web 01' --restart");
        assertThat(viewModel.equivalentCommand(EquivalentCommands.Action.INSTALL)).isEqualTo("tentacle service --instance 'Web 01' --install");
        assertThat(viewModel.equivalentCommand(EquivalentCommands.Action.SHOW_THUMBPRINT)).isEqualTo("tentacle show-thumbprint --instance 'Web 01'");
    }
}
