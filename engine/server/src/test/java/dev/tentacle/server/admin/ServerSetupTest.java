package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.config.WebListenAddress;
import dev.tentacle.server.storage.DatabaseKind;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.testing.services.RecordingServiceManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server setup against real storage (H2 and PostgreSQL), a temporary registry and a recording service manager. */
class ServerSetupTest {
    @TempDir
    static Path shared;
    static PasswordPostgres postgres;

    @TempDir
    Path root;
    final Map<String, String> variables = new HashMap<>();
    final RecordingServiceManager services = RecordingServiceManager.supported();
    final Recorder progress = new Recorder();

    @BeforeAll
    static void startPostgres() {
        postgres = PasswordPostgres.start(shared.resolve("pg"));
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void environment() throws IOException {
        variables.put(InstanceLocations.DIRECTORY_VARIABLE, root.resolve("registry").toString());
        Path launcher = Files.createDirectories(root.resolve("bin")).resolve("octopus-server");
        Files.writeString(launcher, "#!/bin/sh\n");
        variables.put(ServerServiceDefinition.LAUNCHER_VARIABLE, launcher.toString());
    }

    HostEnvironment host() {
        return new HostEnvironment(OperatingSystem.LINUX, variables, "tester", root.resolve("user"));
    }

    InstanceRegistry registry() {
        return new InstanceRegistry(InstanceLocations.resolve(host()), ApplicationKind.SERVER);
    }

    static ServerSetupPlan plan(String name, Path home, StorageChoice storage, boolean service) {
        return new ServerSetupPlan(name, home, storage, new WebListenAddress(null, 18443), 20943,
                ServerApiKeys.ADMINISTRATOR_KEY_NAME, service);
    }

    @Test
    void setsUpAServerWithTheEmbeddedDatabaseItsKeyAndItsService() {
        Path home = root.resolve("homes/main");
        ServerSetupPlan plan = plan("Main", home, StorageChoice.embedded(), true);

        ServerSetupOutcome outcome = new ServerSetup(host(), services).install(plan, progress);

        assertThat(outcome).isInstanceOf(ServerSetupOutcome.Installed.class);
        var installed = (ServerSetupOutcome.Installed) outcome;
        assertThat(progress.steps).containsExactlyElementsOf(ServerSetup.steps(plan));
        assertThat(registry().get("Main").configFile()).isEqualTo(home.resolve("OctopusServer.config.json"));
        ServerConfiguration configuration = installed.instance().configuration();
        assertThat(configuration.webListen().prefix()).isEqualTo("https://+:18443/");
        assertThat(configuration.commsListenPort()).isEqualTo(20943);
        assertThat(configuration.storageConnectionString()).isNull();
        assertThat(configuration.storage().kind()).isEqualTo(DatabaseKind.H2);
        assertThat(installed.thumbprints()).isEqualTo(installed.instance().certificates().load(configuration)
                .thumbprints());
        try (Storage storage = installed.instance().openStorage()) {
            assertThat(storage.apiKeys().verify(installed.apiKey().plainKey())).hasValueSatisfying(key ->
                    assertThat(key.name()).isEqualTo("Administrator"));
        }
        assertThat(services.installed().arguments()).containsExactly("run", "--instance", "Main");
        assertThat(services.installed().launcher()).isEqualTo(variables.get(ServerServiceDefinition.LAUNCHER_VARIABLE));
        assertThat(services.calls()).anyMatch(call -> call.startsWith("install")).anyMatch(c -> c.startsWith("start"));
        assertThat(String.join("\n", progress.lines)).contains("Installed the service", "Created the API key")
                .doesNotContain(installed.apiKey().plainKey());
        assertThat(installed.toString()).doesNotContain(installed.apiKey().plainKey());
    }

    @Test
    void setsUpAServerOnPostgresWithTheLoginInItsConnectionString() {
        String database = postgres.newDatabase("octopus_main", "pa ss&word");
        StorageChoice storage = new StorageChoice.Postgres("localhost", postgres.port(), database, "octopus_main",
                "pa ss&word");

        ServerSetupOutcome outcome = new ServerSetup(host(), services)
                .install(plan("Main", root.resolve("homes/main"), storage, false), progress);

        var installed = (ServerSetupOutcome.Installed) outcome;
        ServerConfiguration configuration = installed.instance().configuration();
        assertThat(configuration.storageConnectionString()).isEqualTo(storage.connectionString());
        assertThat(configuration.storage().kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        try (Storage opened = installed.instance().openStorage()) {
            assertThat(opened.apiKeys().verify(installed.apiKey().plainKey())).isPresent();
        }
        assertThat(services.calls()).isEmpty();
        assertThat(installed.notes()).singleElement().asString().contains("octopus-server run --instance Main");
        assertThat(String.join("\n", progress.lines)).doesNotContain("pa ss&word").doesNotContain("pa%20ss");
    }

    @Test
    void aFailedServiceInstallLeavesNoInstanceNoFilesAndNoService() {
        variables.remove(ServerServiceDefinition.LAUNCHER_VARIABLE);
        Path home = root.resolve("homes/main");

        ServerSetupOutcome outcome = new ServerSetup(host(), services)
                .install(plan("Main", home, StorageChoice.embedded(), true), progress);

        assertThat(outcome).isInstanceOfSatisfying(ServerSetupOutcome.RolledBack.class, rolledBack -> {
            assertThat(rolledBack.failedStep()).isEqualTo("Install and start the service");
            assertThat(rolledBack.problem()).contains("OCTOPUS_SERVER_LAUNCHER is not set");
            assertThat(rolledBack.complete()).isTrue();
            assertThat(rolledBack.whatToDo()).contains("Fix the problem above and try again");
        });
        assertThat(registry().find("Main")).isEmpty();
        assertThat(root.resolve("homes")).doesNotExist();
    }

    @Test
    void aRollbackOnPostgresRevokesTheKeyAndKeepsTheDatabase() {
        variables.remove(ServerServiceDefinition.LAUNCHER_VARIABLE);
        String database = postgres.newDatabase("octopus_rollback", "secret");
        StorageChoice storage = new StorageChoice.Postgres("localhost", postgres.port(), database, "octopus_rollback",
                "secret");

        ServerSetupOutcome outcome = new ServerSetup(host(), services)
                .install(plan("Main", root.resolve("homes/main"), storage, true), progress);

        assertThat(outcome).isInstanceOfSatisfying(ServerSetupOutcome.RolledBack.class, rolledBack ->
                assertThat(rolledBack.rollback()).extracting(ServerSetupOutcome.RollbackAction::description)
                        .contains("Revoke the API key 'Administrator'"));
        assertThat(String.join("\n", progress.lines)).contains("The PostgreSQL database was kept");
        try (Storage kept = Storage.open(storage.configuration(root))) {
            assertThat(kept.apiKeys().list()).singleElement().satisfies(key -> assertThat(key.revoked()).isNotNull());
        }
        assertThat(registry().find("Main")).isEmpty();
    }

    @Test
    void aHomeDirectoryThatExistedKeepsWhatItHeld() throws IOException {
        Path home = Files.createDirectories(root.resolve("existing"));
        Files.writeString(home.resolve("notes.txt"), "keep me");
        variables.remove(ServerServiceDefinition.LAUNCHER_VARIABLE);

        new ServerSetup(host(), services).install(plan("Main", home, StorageChoice.embedded(), true), progress);

        try (var entries = Files.list(home)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void cancellingBeforeAStepUndoesWhatWasDone() {
        progress.cancelAfterSteps = 2;

        ServerSetupOutcome outcome = new ServerSetup(host(), services)
                .install(plan("Main", root.resolve("homes/main"), StorageChoice.embedded(), true), progress);

        assertThat(outcome).isInstanceOfSatisfying(ServerSetupOutcome.RolledBack.class, rolledBack -> {
            assertThat(rolledBack.cancelled()).isTrue();
            assertThat(rolledBack.failedStep()).startsWith("Configure ports");
            assertThat(rolledBack.whatToDo()).contains("cancelled and undone");
        });
        assertThat(registry().find("Main")).isEmpty();
        assertThat(root.resolve("homes")).doesNotExist();
    }

    @Test
    void anInstanceNameInUseFailsAtTheFirstStepAndTouchesNothingOfTheOther() {
        ServerInstance other = new ServerInstanceSetup(registry()).create("Main", root.resolve("homes/other"), null)
                .instance();

        ServerSetupOutcome outcome = new ServerSetup(host(), services)
                .install(plan("main", root.resolve("homes/main"), StorageChoice.embedded(), false), progress);

        assertThat(outcome).isInstanceOfSatisfying(ServerSetupOutcome.RolledBack.class, rolledBack ->
                assertThat(rolledBack.failedStep()).isEqualTo("Create the instance 'main'"));
        assertThat(registry().get("Main").configFile()).isEqualTo(other.configFile());
        assertThat(other.configFile()).exists();
    }

    @Test
    void theScriptRunThroughTheCommandLineGivesTheSameServer() {
        String database = postgres.newDatabase("octopus_script", "s3cret");
        StorageChoice storage = new StorageChoice.Postgres("localhost", postgres.port(), database, "octopus_script",
                "s3cret");
        ServerSetupPlan viaSetup = plan("BySetup", root.resolve("homes/setup"), storage, true);
        ServerSetupPlan viaScript = plan("ByScript", root.resolve("homes/script"), storage, true);
        var installed = (ServerSetupOutcome.Installed) new ServerSetup(host(), services).install(viaSetup, progress);

        var cli = new ScriptRunner(host(), services);
        ServerSetupScript.of(viaScript, OperatingSystem.LINUX).arguments().forEach(cli::run);

        ServerConfiguration bySetup = installed.instance().configuration();
        ServerInstance scripted = new ServerInstance("ByScript", registry().get("ByScript").configFile());
        ServerConfiguration byScript = scripted.configuration();
        assertThat(byScript.webListen()).isEqualTo(bySetup.webListen());
        assertThat(byScript.commsListenPort()).isEqualTo(bySetup.commsListenPort());
        assertThat(byScript.storageConnectionString()).isEqualTo(bySetup.storageConnectionString());
        assertThat(byScript.certificate()).isNotNull();
        assertThat(cli.output()).contains("Created the API key 'Administrator'");
        assertThat(services.installed().arguments()).containsExactly("run", "--instance", "ByScript");
    }

    /** Records what the setup reports; can ask it to stop after some steps. */
    static final class Recorder implements SetupProgress {
        final List<String> steps = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        int cancelAfterSteps = Integer.MAX_VALUE;
        final AtomicInteger begun = new AtomicInteger();

        @Override
        public void step(String title) {
            steps.add(title);
            begun.incrementAndGet();
        }

        @Override
        public void output(String line) {
            lines.add(line);
        }

        @Override
        public boolean isCancelled() {
            return begun.get() >= cancelAfterSteps;
        }
    }
}
