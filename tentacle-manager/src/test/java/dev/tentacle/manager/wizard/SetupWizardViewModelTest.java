package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.InstallStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import dev.tentacle.manager.wizard.install.SetupOutcome;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's ViewModels without JavaFX: a listening Tentacle set up for real in a temporary registry, and undone. */
class SetupWizardViewModelTest {
    static final String SERVER_THUMBPRINT = CertificateFixtures.server().thumbprints().sha1().hex();

    @TempDir
    Path temp;

    WizardFixture fixture;
    SetupWizardViewModel wizard;

    @BeforeEach
    void setUp() {
        fixture = new WizardFixture(temp);
        wizard = new SetupWizardViewModel(fixture.directContext(), fixture.services());
    }

    /** Fills the pages of a listening Tentacle with what a user would type. */
    static void fillListening(SetupWizardViewModel wizard, String name, int port) {
        wizard.name().nameProperty().set(name);
        wizard.style().styleProperty().set(CommunicationStyle.LISTENING);
        wizard.listening().portProperty().set(Integer.toString(port));
        wizard.listening().serverThumbprintProperty().set(SERVER_THUMBPRINT);
        wizard.review().refresh();
    }

    @Test
    void theFlowBranchesOnTheCommunicationStyle() {
        assertThat(wizard.pages()).containsExactly(Page.NAME, Page.STYLE, Page.STORAGE, Page.PROXY, Page.LISTENING,
                Page.REVIEW, Page.INSTALL);
        assertThat(wizard.next(Page.PROXY)).contains(Page.LISTENING);

        wizard.style().styleProperty().set(CommunicationStyle.POLLING);

        assertThat(wizard.pages()).containsExactly(Page.NAME, Page.STYLE, Page.STORAGE, Page.PROXY,
                Page.POLLING_SERVER, Page.REGISTRATION, Page.REVIEW, Page.INSTALL);
        assertThat(wizard.next(Page.PROXY)).contains(Page.POLLING_SERVER);
        assertThat(wizard.next(Page.INSTALL)).isEmpty();
    }

    @Test
    void installsAListeningTentacleAndItsService() throws Exception {
        fillListening(wizard, "Web01", freePort());
        int port = wizard.listening().portNumber();

        wizard.startInstall();

        InstallViewModel install = wizard.install();
        assertThat(install.state()).as(String.join("\n", install.output())).isEqualTo(InstallViewModel.State.SUCCEEDED);
        assertThat(install.steps()).extracting(InstallStep::state).containsOnly(InstallStep.State.DONE);
        assertThat(install.steps()).extracting(InstallStep::title).containsExactly(
                "Create the instance 'Web01'", "Generate its certificate",
                "Listen on port " + port + " and trust the Octopus Server", "Install and start the service");
        assertThat(wizard.installedInstance()).contains("Web01");

        var record = fixture.registry().get("Web01");
        TentacleConfiguration configuration = new TentacleInstance(record.name(), record.configFile()).configuration();
        assertThat(configuration.homeDirectory()).isEqualTo(fixture.registry().defaultHomeDirectory("Web01"));
        assertThat(configuration.listenPort()).isEqualTo(port);
        assertThat(configuration.noListen()).isFalse();
        assertThat(configuration.trustedServers()).containsExactly(TrustedServer.listening(Thumbprint.parse(SERVER_THUMBPRINT)));
        assertThat(configuration.certificate()).isNotNull();
        assertThat(Files.readString(fixture.unitFile("Web01"))).contains(fixture.launcher + " run --instance Web01");
        assertThat(fixture.systemctl.calls()).contains("daemon-reload", "enable tentacle-Web01.service",
                "start tentacle-Web01.service");
        assertThat(install.output()).anyMatch(line -> line.startsWith("The thumbprint of this Tentacle is: "));
    }

    @Test
    void aServiceThatWillNotStartRollsEverythingBack() throws Exception {
        fixture.systemctl.respond("start", 1, "", "Job for tentacle-Web01.service failed.\n");
        fillListening(wizard, "Web01", freePort());
        Path home = wizard.storage().homeDirectory();

        wizard.startInstall();

        InstallViewModel install = wizard.install();
        assertThat(install.state()).isEqualTo(InstallViewModel.State.ROLLED_BACK);
        assertThat(install.headlineProperty().get()).isEqualTo("The setup failed at: Install and start the service.");
        assertThat(install.problemProperty().get()).contains("Job for tentacle-Web01.service failed.");
        assertThat(install.whatToDoProperty().get()).contains("Everything the setup had done was undone");
        assertThat(install.steps()).extracting(InstallStep::state).containsExactly(
                InstallStep.State.UNDONE, InstallStep.State.UNDONE, InstallStep.State.UNDONE,
                InstallStep.State.FAILED);
        assertThat(fixture.registry().list()).isEmpty();
        assertThat(home).doesNotExist();
        assertThat(fixture.registry().indexFile()).exists();
        assertThat(fixture.unitFile("Web01")).doesNotExist();
        assertThat(fixture.systemctl.calls()).contains("stop tentacle-Web01.service", "disable tentacle-Web01.service");
        assertThat(wizard.installedInstance()).isEmpty();
    }

    @Test
    void anExistingHomeDirectoryKeepsWhatItHeldAfterARollback() throws Exception {
        fixture.systemctl.respond("start", 1, "", "failed\n");
        fillListening(wizard, "Web01", freePort());
        Path home = Files.createDirectories(temp.resolve("chosen-home"));
        Files.writeString(home.resolve("notes.txt"), "mine");
        wizard.storage().homeProperty().set(home.toString());

        wizard.startInstall();

        assertThat(wizard.install().state()).isEqualTo(InstallViewModel.State.ROLLED_BACK);
        try (var entries = Files.list(home)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void aRollbackRemovesTheDirectoriesItCreatedButNoMore() throws Exception {
        fixture.systemctl.respond("start", 1, "", "failed\n");
        fillListening(wizard, "Web01", freePort());
        Path parent = temp.resolve("new-parent");
        wizard.storage().homeProperty().set(parent.resolve("deeper/home").toString());

        wizard.startInstall();

        assertThat(wizard.install().state()).isEqualTo(InstallViewModel.State.ROLLED_BACK);
        assertThat(parent).doesNotExist();
        assertThat(temp).exists();
    }

    @Test
    void aFailedRetryCanSucceedOnceTheProblemIsFixed() throws Exception {
        fixture.systemctl.respond("start", 1, "", "failed\n");
        fillListening(wizard, "Web01", freePort());
        wizard.startInstall();
        assertThat(wizard.install().state()).isEqualTo(InstallViewModel.State.ROLLED_BACK);

        fixture.systemctl.respond("start", 0, "", "");
        wizard.startInstall();

        assertThat(wizard.install().state()).isEqualTo(InstallViewModel.State.SUCCEEDED);
        assertThat(fixture.registry().find("Web01")).isPresent();
    }

    @Test
    void withoutAServiceTheInstanceIsSetUpAndTheNoteSaysHowToRunIt() throws Exception {
        fillListening(wizard, "Web01", freePort());
        wizard.review().installServiceProperty().set(false);

        wizard.startInstall();

        assertThat(wizard.install().state()).isEqualTo(InstallViewModel.State.SUCCEEDED);
        assertThat(wizard.install().whatToDoProperty().get()).contains("tentacle run --instance Web01");
        assertThat(fixture.systemctl.calls()).isEmpty();
    }

    @Test
    void aCustomProxyIsSavedForListeningWork() throws Exception {
        fillListening(wizard, "Web01", freePort());
        wizard.proxy().modeProperty().set(ProxyViewModel.Mode.CUSTOM);
        wizard.proxy().hostProperty().set("proxy.example.com");
        wizard.proxy().portProperty().set("3128");
        wizard.proxy().usernameProperty().set("svc");
        wizard.proxy().passwordProperty().set("secret words");

        wizard.startInstall();

        var record = fixture.registry().get("Web01");
        TentacleConfiguration configuration = new TentacleInstance(record.name(), record.configFile()).configuration();
        assertThat(configuration.proxy()).isEqualTo(new ProxyConfiguration(true, "proxy.example.com", 3128, "svc",
                "secret words"));
        assertThat(configuration.pollingProxy().enabled()).isFalse();
    }

    @Test
    void theFirewallRuleIsAddedWhenElevatedAndRemovedOnRollback() throws Exception {
        fixture.elevated = true;
        fixture.commands.install("ufw");
        fixture.systemctl.respond("start", 1, "", "failed\n");
        wizard = new SetupWizardViewModel(fixture.directContext(), fixture.services());
        fillListening(wizard, "Web01", freePort());
        int port = wizard.listening().portNumber();
        assertThat(wizard.listening().firewallAdviceProperty().get().canRun()).isTrue();
        wizard.listening().addFirewallRuleProperty().set(true);

        wizard.startInstall();

        assertThat(fixture.commands.calls()).containsExactly("ufw allow " + port + "/tcp",
                "ufw delete allow " + port + "/tcp");
    }

    @Test
    void withoutElevationTheFirewallRuleIsOnlyShown() throws Exception {
        fixture.commands.install("firewall-cmd");
        wizard = new SetupWizardViewModel(fixture.directContext(), fixture.services());
        fillListening(wizard, "Web01", 10933);

        var advice = wizard.listening().firewallAdviceProperty().get();
        wizard.listening().addFirewallRuleProperty().set(true);

        assertThat(advice.canRun()).isFalse();
        assertThat(advice.rule().orElseThrow().addScript()).isEqualTo(
                "firewall-cmd --permanent --add-port=10933/tcp" + System.lineSeparator() + "firewall-cmd --reload");
        assertThat(advice.explanation()).contains("needs root (sudo)");
        assertThat(wizard.listening().firewallRuleToAdd()).isEmpty();
    }

    @Test
    void cancellingUndoesWhatWasDone() throws Exception {
        fillListening(wizard, "Web01", freePort());
        var installer = new dev.tentacle.manager.wizard.install.SetupInstaller(fixture.environment(), fixture.services,
                fixture.commands, new dev.tentacle.tentacle.registration.TentacleRegistrar());
        var progress = new CancellingProgress("Generate its certificate");

        var outcome = installer.install(wizard.plan(), progress);

        assertThat(outcome).isInstanceOfSatisfying(SetupOutcome.RolledBack.class, rolledBack -> {
            assertThat(rolledBack.cancelled()).isTrue();
            assertThat(rolledBack.failedStep()).isEqualTo("Listen on port " + wizard.listening().portNumber()
                    + " and trust the Octopus Server");
            assertThat(rolledBack.complete()).isTrue();
            assertThat(rolledBack.whatToDo()).contains("cancelled and undone");
        });
        assertThat(fixture.registry().list()).isEmpty();
        assertThat(progress.steps).containsExactly("Create the instance 'Web01'", "Generate its certificate");
    }

    /** Presses Cancel while the named step runs. */
    static final class CancellingProgress implements dev.tentacle.desktop.fx.Progress {
        final List<String> steps = new java.util.ArrayList<>();
        private final String cancelDuring;
        private boolean cancelled;

        CancellingProgress(String cancelDuring) {
            this.cancelDuring = cancelDuring;
        }

        @Override
        public void step(String description) {
            steps.add(description);
            cancelled |= description.equals(cancelDuring);
        }

        @Override
        public void output(String line) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
