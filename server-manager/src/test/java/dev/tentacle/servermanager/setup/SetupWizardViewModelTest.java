package dev.tentacle.servermanager.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.wizard.InstallStep;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.ServerServiceDefinition;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.ConnectionCheck;
import dev.tentacle.server.storage.DatabaseKind;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.servermanager.setup.DatabaseViewModel.Kind;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's ViewModels without JavaFX running: real engine, real H2 and PostgreSQL, fake systemctl. */
class SetupWizardViewModelTest {
    @TempDir
    static Path shared;
    static SetupPostgres postgres;

    @TempDir
    Path root;
    ServerManagerFixture fixture;
    SetupWizardViewModel wizard;

    @BeforeAll
    static void startPostgres() {
        postgres = SetupPostgres.start(shared.resolve("pg"));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void open() {
        fixture = new ServerManagerFixture(root);
        wizard = new SetupWizardViewModel(fixture.directContext());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Free ports, so that the defaults (8443, 10943) held by anything else on the machine do not matter. */
    void freePorts() {
        wizard.ports().webPortProperty().set(Integer.toString(ServerManagerFixture.freePort()));
        wizard.ports().commsPortProperty().set(Integer.toString(ServerManagerFixture.freePort()));
    }

    @Test
    void theFirstInstanceIsOctopusServerInTheRegistrysHomeAndTheNextGetsANumber() {
        assertThat(wizard.instance().name()).isEqualTo("OctopusServer");
        assertThat(wizard.instance().homeProperty().get())
                .isEqualTo(fixture.registry().defaultHomeDirectory("OctopusServer").toString());
        fixture.createServer("OctopusServer");

        SetupWizardViewModel second = new SetupWizardViewModel(fixture.directContext());

        assertThat(second.instance().name()).isEqualTo("OctopusServer2");
        second.instance().nameProperty().set("octopusserver");
        assertThat(second.instance().nameErrorProperty().get()).contains("'OctopusServer' exists already",
                "names ignore case");
        assertThat(second.valid(SetupWizardViewModel.Page.INSTANCE).get()).isFalse();
    }

    @Test
    void theHomeFollowsTheNameUntilTheUserChangesIt() {
        wizard.instance().nameProperty().set("Main");
        assertThat(wizard.instance().homeProperty().get()).isEqualTo(fixture.registry().defaultHomeDirectory("Main")
                .toString());

        wizard.instance().homeProperty().set(root.resolve("mine").toString());
        wizard.instance().nameProperty().set("Other");

        assertThat(wizard.instance().homeProperty().get()).isEqualTo(root.resolve("mine").toString());
    }

    @Test
    void anUnusableHomeDirectoryIsRejectedWithWhatToDo() throws IOException {
        Path file = Files.writeString(root.resolve("a-file"), "x");
        var instance = wizard.instance();

        instance.homeProperty().set("relative/home");
        assertThat(instance.homeErrorProperty().get()).contains("must be a full path");
        instance.homeProperty().set(file.resolve("home").toString());
        assertThat(instance.homeErrorProperty().get()).contains("cannot be created", "is a file");
        instance.homeProperty().set(file.toString());
        assertThat(instance.homeErrorProperty().get()).contains("is a file, not a directory");
        Path used = Files.createDirectories(root.resolve("used"));
        Files.writeString(ApplicationKind.SERVER.configFileIn(used), "{}");
        instance.homeProperty().set(used.toString());
        assertThat(instance.homeErrorProperty().get()).contains("already holds an Octopus Server's configuration",
                "octopus-server create-instance");
        Path withDatabase = Files.createDirectories(root.resolve("db/Database"));
        Files.writeString(withDatabase.resolve("octopus.mv.db"), "");
        instance.homeProperty().set(withDatabase.getParent().toString());
        assertThat(instance.homeErrorProperty().get()).contains("already holds an embedded Octopus Server database");
        assertThat(wizard.valid(SetupWizardViewModel.Page.INSTANCE).get()).isFalse();
    }

    @Test
    void postgresNeedsASuccessfulTestOfTheSettingsAsTheyAreNow() {
        String name = postgres.newUserAndDatabase("right");
        DatabaseViewModel database = wizard.database();
        database.kindProperty().set(Kind.POSTGRESQL);
        database.portProperty().set(Integer.toString(postgres.port()));
        database.databaseProperty().set(name);
        database.userProperty().set(name);
        database.passwordProperty().set("wrong");
        assertThat(database.validProperty().get()).isFalse();
        assertThat(database.hintProperty().get()).isEqualTo("Test the connection to go on.");

        database.testConnection();
        assertThat(database.testResultProperty().get()).isInstanceOfSatisfying(ConnectionCheck.Failed.class,
                failed -> assertThat(failed.problem()).isEqualTo(ConnectionCheck.Problem.LOGIN_REJECTED));
        assertThat(database.testMessageProperty().get()).contains("rejected the login of user '" + name + "'")
                .doesNotContain("wrong");
        assertThat(database.validProperty().get()).isFalse();

        database.passwordProperty().set("right");
        database.testConnection();
        assertThat(database.testMessageProperty().get()).contains("Connected to PostgreSQL at localhost:"
                + postgres.port());
        assertThat(database.validProperty().get()).isTrue();

        database.databaseProperty().set("other");
        assertThat(database.validProperty().get()).isFalse();
        assertThat(database.testMessageProperty().get()).isEmpty();
    }

    @Test
    void postgresFieldsMustBeCompleteBeforeATest() {
        DatabaseViewModel database = wizard.database();
        database.kindProperty().set(Kind.POSTGRESQL);
        database.hostProperty().set("https://db/");
        database.portProperty().set("99999");
        database.userProperty().set(" ");

        assertThat(database.hostErrorProperty().get()).contains("is not a host name");
        assertThat(database.portErrorProperty().get()).contains("from 1 to 65535");
        assertThat(database.userErrorProperty().get()).contains("Give the user");
        database.testConnection();
        assertThat(database.testResultProperty().get()).isNull();
        database.kindProperty().set(Kind.EMBEDDED);
        assertThat(database.validProperty().get()).isTrue();
    }

    @Test
    void anUnreachableDatabaseHostIsNamed() {
        DatabaseViewModel database = wizard.database();
        database.kindProperty().set(Kind.POSTGRESQL);
        database.hostProperty().set("no-such-database-host.invalid");

        database.testConnection();

        assertThat(database.testResultProperty().get()).isInstanceOfSatisfying(ConnectionCheck.Failed.class,
                failed -> assertThat(failed.problem()).isEqualTo(ConnectionCheck.Problem.UNKNOWN_HOST));
        assertThat(database.testMessageProperty().get()).contains("no-such-database-host.invalid", "does not resolve");
    }

    @Test
    void aPortInUseIsNamedWithWhatHoldsItAndThePortsMustDiffer() throws IOException {
        freePorts();
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));
            wizard.ports().webPortProperty().set(Integer.toString(held.getLocalPort()));

            assertThat(wizard.ports().webPortErrorProperty().get()).contains("Port " + held.getLocalPort()
                    + " is in use on this machine by this app itself (process " + ProcessHandle.current().pid());
            assertThat(wizard.valid(SetupWizardViewModel.Page.PORTS).get()).isFalse();
        }
        wizard.ports().revalidate();
        assertThat(wizard.ports().webPortErrorProperty().get()).isEmpty();

        wizard.ports().commsPortProperty().set(wizard.ports().webPortProperty().get());
        assertThat(wizard.ports().commsPortErrorProperty().get()).contains("must differ from the web port");
        wizard.ports().commsPortProperty().set("ten");
        assertThat(wizard.ports().commsPortErrorProperty().get()).contains("'ten' is not a port");
    }

    @Test
    void thePortsOfAnotherServerInstanceAreTaken() {
        ServerInstance other = fixture.createServer("Other");
        int otherComms = other.configuration().commsListenPort();
        freePorts();

        wizard.ports().commsPortProperty().set(Integer.toString(otherComms));

        assertThat(wizard.ports().commsPortErrorProperty().get()).contains("'Other' uses port " + otherComms
                + " as its comms port");
    }

    @Test
    void theKeyNeedsAName() {
        wizard.administrator().keyNameProperty().set("  ");
        assertThat(wizard.administrator().keyNameErrorProperty().get()).contains("Give the key a name");
        wizard.administrator().keyNameProperty().set("Ops\tteam");
        assertThat(wizard.administrator().keyNameErrorProperty().get()).contains("control characters");
    }

    @Test
    void withoutTheLauncherTheServiceIsNotOfferedAndThePageSaysWhy() {
        fixture.variable(ServerServiceDefinition.LAUNCHER_VARIABLE, "");

        SetupWizardViewModel withoutLauncher = new SetupWizardViewModel(fixture.directContext());

        assertThat(withoutLauncher.service().available()).isFalse();
        assertThat(withoutLauncher.service().installServiceProperty().get()).isFalse();
        assertThat(withoutLauncher.service().note()).contains("OCTOPUS_SERVER_LAUNCHER", "bin/server-manager");
    }

    @Test
    void theReviewSummarisesAndItsScriptHidesThePasswordUntilAsked() {
        String name = postgres.newUserAndDatabase("pw-" + "visible");
        freePorts();
        wizard.instance().nameProperty().set("Main");
        DatabaseViewModel database = wizard.database();
        database.kindProperty().set(Kind.POSTGRESQL);
        database.portProperty().set(Integer.toString(postgres.port()));
        database.databaseProperty().set(name);
        database.userProperty().set(name);
        database.passwordProperty().set("pw-visible");
        ReviewViewModel review = wizard.review();

        review.refresh();

        assertThat(review.summary()).extracting(ReviewViewModel.Row::label).contains("Instance", "Database",
                "Web interface and API", "Comms port", "API key", "OS service");
        assertThat(review.scriptHasSecrets()).isTrue();
        assertThat(review.scriptProperty().get()).contains("octopus-server create-instance --instance Main",
                "password=********", "octopus-server create-api-key --instance Main --name Administrator",
                "octopus-server service --instance Main --install --start").doesNotContain("pw-visible");
        review.showSecretsProperty().set(true);
        assertThat(review.scriptProperty().get()).contains("password=pw-visible");
    }

    @Test
    void installingWithTheEmbeddedDatabaseShowsTheKeyOnceAndItAuthenticates() {
        freePorts();
        wizard.instance().nameProperty().set("Main");
        InstallViewModel install = wizard.install();

        wizard.startInstall();

        assertThat(install.state()).isEqualTo(InstallViewModel.State.SUCCEEDED);
        assertThat(install.steps()).extracting(InstallStep::state).containsOnly(InstallStep.State.DONE);
        String key = install.apiKeyProperty().get();
        assertThat(key).startsWith("API-");
        assertThat(String.join("\n", install.output())).contains("Created the API key 'Administrator'")
                .doesNotContain(key);
        ServerInstance created = new ServerInstance("Main", fixture.registry().get("Main").configFile());
        ServerConfiguration configuration = created.configuration();
        assertThat(configuration.storage().kind()).isEqualTo(DatabaseKind.H2);
        assertThat(configuration.webListen().port()).isEqualTo(wizard.ports().webPortNumber());
        try (Storage storage = created.openStorage()) {
            assertThat(storage.apiKeys().verify(key)).isPresent();
        }
        assertThat(fixture.systemctl().changes()).anyMatch(call -> call.contains(fixture.unitName("Main")));
        assertThat(wizard.installedInstance()).contains("Main");

        install.forgetApiKey();
        assertThat(install.apiKeyProperty().get()).isEmpty();
    }

    @Test
    void aFailureDuringTheInstallRollsBackAndTryingAgainWorks() {
        freePorts();
        wizard.instance().nameProperty().set("Main");
        fixture.systemctl().respond("enable", 1, "", "Failed to enable unit: Access denied");
        InstallViewModel install = wizard.install();

        wizard.startInstall();

        assertThat(install.state()).isEqualTo(InstallViewModel.State.ROLLED_BACK);
        assertThat(install.headlineProperty().get()).isEqualTo("The setup failed at: Install and start the service.");
        assertThat(install.problemProperty().get()).contains("Access denied");
        assertThat(install.whatToDoProperty().get()).contains("Fix the problem above and try again");
        assertThat(install.steps()).extracting(InstallStep::state).containsExactly(InstallStep.State.UNDONE,
                InstallStep.State.UNDONE, InstallStep.State.UNDONE, InstallStep.State.UNDONE, InstallStep.State.UNDONE,
                InstallStep.State.FAILED);
        assertThat(install.apiKeyProperty().get()).isEmpty();
        assertThat(fixture.registry().find("Main")).isEmpty();
        assertThat(Path.of(wizard.instance().homeProperty().get())).doesNotExist();

        fixture.systemctl().respond("enable", 0, "", "");
        wizard.startInstall();
        assertThat(install.state()).isEqualTo(InstallViewModel.State.SUCCEEDED);
    }
}
