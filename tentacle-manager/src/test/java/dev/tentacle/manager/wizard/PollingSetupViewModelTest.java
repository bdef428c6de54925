package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.InstallStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.registration.RegisteredMachine;
import dev.tentacle.tentacle.registration.ServerTrust;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A polling Tentacle set up through the ViewModels against a real Octopus Server API, and undone. */
class PollingSetupViewModelTest {
    @TempDir
    Path temp;

    WizardFixture fixture;
    TestOctopusServer server;
    SetupWizardViewModel wizard;

    @BeforeEach
    void setUp() {
        fixture = new WizardFixture(temp.resolve("machine"));
        server = new TestOctopusServer(temp.resolve("server"));
        wizard = new SetupWizardViewModel(fixture.directContext(), fixture.services());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    static void fillPolling(SetupWizardViewModel wizard, TestOctopusServer server, String name) {
        wizard.name().nameProperty().set(name);
        wizard.style().styleProperty().set(CommunicationStyle.POLLING);
        wizard.pollingServer().serverUrlProperty().set(server.url());
        wizard.pollingServer().apiKeyProperty().set(server.apiKey);
    }

    @Test
    void verifyingLearnsTheServersThumbprintAndChecksTheKey() {
        fillPolling(wizard, server, "Db01");
        assertThat(wizard.pollingServer().validProperty().get()).isFalse();

        wizard.pollingServer().verify();

        var result = wizard.pollingServer().resultProperty().get();
        assertThat(wizard.pollingServer().checkErrorProperty().get()).isEmpty();
        assertThat(result.server().thumbprints()).isEqualTo(server.thumbprints());
        assertThat(result.server().trust()).isEqualTo(ServerTrust.TRUSTED_ON_FIRST_USE);
        assertThat(wizard.pollingServer().trustExplanation()).contains(server.thumbprints().sha1().hex(),
                "octopus-server show-thumbprint");
        assertThat(wizard.pollingServer().validProperty().get()).isTrue();
        assertThat(wizard.pollingServer().pinnedConnection().serverThumbprint()).isEqualTo(server.thumbprints().sha256());
        assertThat(wizard.registration().machineNameProperty().get()).isEqualTo(WizardFixture.HOST_NAME);
    }

    @Test
    void changingWhatWasVerifiedAsksForAnotherCheck() {
        fillPolling(wizard, server, "Db01");
        wizard.pollingServer().verify();

        wizard.pollingServer().apiKeyProperty().set(server.apiKey + " ");

        assertThat(wizard.pollingServer().resultProperty().get()).isNull();
        assertThat(wizard.pollingServer().validProperty().get()).isFalse();
    }

    @Test
    void aWrongApiKeyIsRefusedWithTheServersReason() {
        fillPolling(wizard, server, "Db01");
        wizard.pollingServer().apiKeyProperty().set("API-WRONGWRONGWRONGWRONGWRONG");

        wizard.pollingServer().verify();

        assertThat(wizard.pollingServer().checkErrorProperty().get()).contains("refused the API key", "[API_KEY_REJECTED]");
        assertThat(wizard.pollingServer().validProperty().get()).isFalse();
    }

    @Test
    void anUnreachableServerSaysNothingAccepted() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        fillPolling(wizard, server, "Db01");
        wizard.pollingServer().serverUrlProperty().set("https://127.0.0.1:" + closed + "/");

        wizard.pollingServer().verify();

        assertThat(wizard.pollingServer().checkErrorProperty().get()).contains("Nothing accepted the connection",
                "[CONNECTION_REFUSED]");
    }

    @Test
    void aPinnedThumbprintThatIsNotTheServersStopsBeforeTheKeyIsSent() {
        fillPolling(wizard, server, "Db01");
        wizard.pollingServer().expectedThumbprintProperty().set("AB".repeat(20));

        wizard.pollingServer().verify();

        assertThat(wizard.pollingServer().checkErrorProperty().get()).contains("[SERVER_THUMBPRINT_MISMATCH]");
    }

    @Test
    void userNameAndPasswordAreExplainedAsNotSupported() {
        fillPolling(wizard, server, "Db01");
        wizard.pollingServer().apiKeyProperty().set("");
        wizard.pollingServer().usernameProperty().set("admin");

        assertThat(wizard.pollingServer().inputErrorProperty().get()).contains("API keys only",
                "octopus-server create-api-key");
        assertThat(wizard.pollingServer().canVerifyProperty().get()).isFalse();
    }

    @Test
    void aPlainHttpAddressIsRefusedBeforeConnecting() {
        fillPolling(wizard, server, "Db01");
        wizard.pollingServer().serverUrlProperty().set("http://octopus.example.com/");

        assertThat(wizard.pollingServer().inputErrorProperty().get()).startsWith("The server address")
                .contains("HTTPS only");
    }

    @Test
    void registersAndPollsTheServer() {
        fillPolling(wizard, server, "Db01");
        wizard.pollingServer().verify();
        wizard.registration().machineNameProperty().set("db01");
        wizard.registration().environmentsProperty().set("Production, Staging");
        wizard.registration().rolesProperty().set("db");
        wizard.review().refresh();

        wizard.startInstall();

        InstallViewModel install = wizard.install();
        assertThat(install.state()).as(String.join("\n", install.output())).isEqualTo(InstallViewModel.State.SUCCEEDED);
        assertThat(install.steps()).extracting(InstallStep::title).containsExactly(
                "Create the instance 'Db01'", "Generate its certificate", "Configure polling (no listening port)",
                "Register with the Octopus Server", "Install and start the service");
        var record = fixture.registry().get("Db01");
        var instance = new TentacleInstance(record.name(), record.configFile());
        TentacleConfiguration configuration = instance.configuration();
        assertThat(configuration.noListen()).isTrue();
        TrustedServer trusted = configuration.trustedServers().getFirst();
        assertThat(trusted.isPolling()).isTrue();
        assertThat(trusted.thumbprint()).isEqualTo(server.thumbprints().sha256());
        assertThat(trusted.address()).hasToString("https://127.0.0.1:" + TestOctopusServer.POLLING_PORT + "/");

        RegisteredMachine machine = server.machines().getFirst();
        assertThat(machine.name()).isEqualTo("db01");
        assertThat(machine.uri()).isEqualTo("poll://" + trusted.subscriptionId() + "/");
        assertThat(machine.thumbprint()).isEqualTo(instance.identity(configuration).thumbprints().sha256().hex());
        assertThat(machine.environments()).containsExactly("Production", "Staging");
        assertThat(machine.roles()).containsExactly("db");
    }

    @Test
    void aFailureAfterRegisteringRemovesTheMachineFromTheServer() {
        fixture.systemctl.respond("enable", 1, "", "Failed to enable unit: Access denied\n");
        fillPolling(wizard, server, "Db01");
        wizard.pollingServer().verify();
        wizard.review().refresh();

        wizard.startInstall();

        InstallViewModel install = wizard.install();
        assertThat(install.state()).isEqualTo(InstallViewModel.State.ROLLED_BACK);
        assertThat(install.problemProperty().get()).contains("Access denied");
        assertThat(install.output()).anyMatch(line -> line.startsWith("Undone: Remove the machine '"
                + WizardFixture.HOST_NAME + "' from the Octopus Server. Removed '" + WizardFixture.HOST_NAME + "'"));
        assertThat(server.machines()).isEmpty();
        assertThat(fixture.registry().list()).isEmpty();
    }

    @Test
    void aNameTheServerHasIsRefusedOnTheRegistrationPage() {
        fillPolling(wizard, server, "Db01");
        wizard.pollingServer().verify();
        wizard.review().refresh();
        wizard.startInstall();
        var second = new SetupWizardViewModel(fixture.directContext(), fixture.services());
        fillPolling(second, server, "Db02");

        second.pollingServer().verify();

        assertThat(second.registration().errorProperty().get()).contains("already has a machine named '"
                + WizardFixture.HOST_NAME + "'", "Choose another name");
        second.registration().machineNameProperty().set("db02");
        assertThat(second.registration().validProperty().get()).isTrue();
    }
}
