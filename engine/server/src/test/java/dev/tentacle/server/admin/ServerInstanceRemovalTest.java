package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.InstanceRegistryException;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.ServiceManagerException;
import dev.tentacle.instances.service.ServiceStatus;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.SystemdServiceManager;
import dev.tentacle.testing.services.FakeSystemctl;
import dev.tentacle.testing.services.RecordingServiceManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerInstanceRemovalTest {
    @TempDir
    Path temp;

    InstanceRegistry registry;
    RecordingServiceManager services;
    ServerInstanceRemoval removal;

    @BeforeEach
    void setUp() {
        HostEnvironment environment = new HostEnvironment(OperatingSystem.LINUX,
                Map.of(InstanceLocations.DIRECTORY_VARIABLE, temp.resolve("registry").toString()), "tester",
                temp.resolve("user-home"));
        registry = new InstanceRegistry(InstanceLocations.resolve(environment), ApplicationKind.SERVER);
        services = RecordingServiceManager.supported().withStatus(ServiceStatus.running());
        removal = new ServerInstanceRemoval(registry, () -> services);
    }

    ServerInstance create(String name, ServerConfiguration configuration) {
        var record = registry.create(name, ApplicationKind.SERVER.configFileIn(configuration.homeDirectory()));
        ServerConfiguration.store().write(record.configFile(), configuration);
        return new ServerInstance(record.name(), record.configFile());
    }

    /** A real instance with its embedded database created (opened once, which migrates it). */
    ServerInstance createWithDatabase(String name) {
        ServerInstance instance = create(name, ServerConfiguration.defaults(temp.resolve("homes").resolve(name)));
        try (Storage storage = instance.openStorage()) {
            storage.checkAvailable();
        }
        return instance;
    }

    @Test
    void deleteRemovesTheRegistryEntryOnlyAndNeverAsksTheServiceManager() {
        ServerInstance main = createWithDatabase("Main");

        var removed = removal.delete("main");

        assertThat(removed.record().name()).isEqualTo("Main");
        assertThat(registry.list()).isEmpty();
        assertThat(main.configFile()).exists();
        assertThat(services.calls()).isEmpty();
    }

    @Test
    void theEmbeddedDatabaseIsKeptUnlessAskedFor() {
        ServerInstance main = createWithDatabase("Main");
        Path data = temp.resolve("homes/Main/Database/octopus.mv.db");
        assertThat(data).exists();

        var plan = removal.plan("Main");
        assertThat(plan.removesService()).isTrue();
        assertThat(plan.canDeleteDatabase()).isTrue();
        List<String> steps = new ArrayList<>();
        var completed = removal.remove(plan, false, steps::add);

        assertThat(services.calls()).containsExactly("status OctopusDeploy: Main", "uninstall OctopusDeploy: Main");
        assertThat(completed.serviceRemoved()).isTrue();
        assertThat(registry.list()).isEmpty();
        assertThat(main.configFile()).doesNotExist();
        assertThat(data).exists();
        assertThat(completed.notes()).anySatisfy(note -> assertThat(note).contains("embedded H2 database", "was kept"));
        assertThat(steps).first().asString().startsWith("Stopping and removing the service");
    }

    @Test
    void theEmbeddedDatabaseIsDeletedWhenAskedAndTheHomeWithTheCertificateStays() throws Exception {
        createWithDatabase("Main");
        Path certificate = Files.writeString(Files.createDirectories(temp.resolve("homes/Main/Certificates"))
                .resolve("server.pfx"), "certificate");

        List<String> order = new ArrayList<>();
        var completed = removal.remove(removal.plan("Main"), true, order::add, () -> order.add("release"));

        assertThat(order.indexOf("release")).isEqualTo(1);
        assertThat(order.getFirst()).startsWith("Stopping and removing the service");
        assertThat(temp.resolve("homes/Main/Database")).doesNotExist();
        assertThat(completed.deletedFiles()).contains(temp.resolve("homes/Main/Database/octopus.mv.db"));
        assertThat(certificate).exists();
        assertThat(completed.notes()).anySatisfy(note -> assertThat(note).contains("home directory", "kept"));
    }

    @Test
    void aPostgresqlDatabaseIsNeverDropped() {
        create("Main", ServerConfiguration.defaults(temp.resolve("homes/Main"))
                .withStorageConnectionString("jdbc:postgresql://db:5432/octopus"));

        var plan = removal.plan("Main");

        assertThat(plan.canDeleteDatabase()).isFalse();
        assertThat(plan.databaseKeptBecause()).contains("it is a PostgreSQL database, which is never dropped here");
        assertThatThrownBy(() -> removal.remove(plan, true, step -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never dropped");
        assertThat(registry.list()).hasSize(1);
        var completed = removal.remove(plan, false, step -> { });
        assertThat(completed.notes()).anySatisfy(note -> assertThat(note)
                .isEqualTo("Its PostgreSQL database 'octopus' on db:5432 was kept."));
    }

    @Test
    void aDatabaseOutsideTheHomeOrSharedWithAnotherInstanceStays() {
        Path shared = temp.resolve("shared-db");
        create("Main", ServerConfiguration.defaults(temp.resolve("homes/Main"))
                .withStorageConnectionString("h2:" + shared));
        create("Inside", ServerConfiguration.defaults(temp.resolve("homes/Inside")));
        create("Twin", ServerConfiguration.defaults(temp.resolve("homes/Twin"))
                .withStorageConnectionString("h2:" + temp.resolve("homes/Inside/Database")));

        assertThat(removal.plan("Main").databaseKeptBecause().orElseThrow())
                .isEqualTo("it lies outside the home directory " + temp.resolve("homes/Main"));
        assertThat(removal.plan("Inside").databaseKeptBecause().orElseThrow())
                .isEqualTo("the instance 'Twin' uses the same database");
    }

    @Test
    void aDamagedConfigurationFileIsDeletedButTheDatabaseCannotBeFound() throws Exception {
        var record = registry.create("Broken", temp.resolve("homes/Broken/OctopusServer.config.json"));
        Files.createDirectories(record.configFile().getParent());
        Files.writeString(record.configFile(), "{ not json");

        var plan = removal.plan("Broken");

        assertThat(plan.configurationProblem()).isPresent();
        assertThat(plan.canDeleteDatabase()).isFalse();
        assertThat(plan.databaseKeptBecause().orElseThrow()).contains("cannot be read");
        removal.remove(plan, false, step -> { });
        assertThat(record.configFile()).doesNotExist();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void whenTheServiceCannotBeRemovedNothingElseChanges() throws Exception {
        ServerInstance main = createWithDatabase("Main");
        FakeSystemctl systemctl = FakeSystemctl.in(temp.resolve("systemctl"));
        Path runtime = temp.resolve("run/systemd/system");
        Files.createDirectories(runtime);
        var systemd = new SystemdServiceManager(SystemdServiceManager.Settings.defaults()
                .withUnitDirectory(temp.resolve("units")).withSystemctl("systemctl").withRuntimeDirectory(runtime),
                systemctl.runner());
        systemd.install(ServiceDefinition.builder(ServiceName.octopusServer("Main"), "/usr/bin/octopus-server")
                .arguments(ServiceDefinition.runArguments("Main")).build());
        systemctl.respond("stop", 1, "", "Failed to stop the unit: Access denied\n");
        var strict = new ServerInstanceRemoval(registry, () -> systemd);

        assertThatThrownBy(() -> strict.remove(strict.plan("Main"), true, step -> { }))
                .isInstanceOf(ServiceManagerException.class).hasMessageContaining("Access denied");

        assertThat(registry.list()).hasSize(1);
        assertThat(main.configFile()).exists();
        assertThat(temp.resolve("homes/Main/Database/octopus.mv.db")).exists();
    }

    @Test
    void withoutAServiceManagerTheServiceIsLeftAndSaidSo() {
        createWithDatabase("Main");
        var unsupported = new RecordingServiceManager(false);
        var removal = new ServerInstanceRemoval(registry, () -> unsupported);

        var plan = removal.plan("Main");
        var completed = removal.remove(plan, false, step -> { });

        assertThat(plan.removesService()).isFalse();
        assertThat(unsupported.calls()).isEmpty();
        assertThat(completed.notes()).contains("Its OS service was not looked at: recorded for a test");
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void anUnknownInstanceIsNamedWithTheKnownOnes() {
        createWithDatabase("Main");

        assertThatThrownBy(() -> removal.plan("Other")).isInstanceOf(InstanceRegistryException.class)
                .hasMessageContaining("Main");
    }

    @Test
    void onlyServerRegistriesAreAccepted() {
        var tentacles = new InstanceRegistry(registry.locations(), ApplicationKind.TENTACLE);

        assertThatThrownBy(() -> new ServerInstanceRemoval(tentacles, () -> services))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Octopus Server");
    }
}
