package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.service.ServiceStatus;
import dev.tentacle.testing.services.RecordingServiceManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceCommandsTest {
    @TempDir
    Path temp;

    CliHarness cli;
    Path registry;

    @BeforeEach
    void setUp() {
        registry = temp.resolve("registry");
        cli = new CliHarness(registry);
    }

    @Test
    void createInstanceWritesDefaultsInTheRegistrysDefaultHome() {
        var result = cli.ok("create-instance", "--instance", "Web01");

        Path home = registry.resolve("Tentacle/instances/Web01");
        Path file = home.resolve("Tentacle.config.json");
        assertThat(result.out()).contains("Created the Tentacle instance 'Web01'.", file.toString(),
                "tentacle new-certificate --instance Web01");
        TentacleConfiguration configuration = TentacleConfiguration.store().read(file);
        assertThat(configuration.homeDirectory()).isEqualTo(home);
        assertThat(configuration.applicationDirectory()).isEqualTo(home.resolve("Applications"));
        assertThat(configuration.listenPort()).isEqualTo(10933);
        assertThat(configuration.certificate()).as("no certificate until new-certificate").isNull();
        assertThat(home).isDirectory();
    }

    @Test
    void createInstanceWithoutANameCreatesTheDefaultInstance() {
        cli.ok("create-instance");

        assertThat(cli.ok("list-instances", "--format", "json").json().get("instances").get(0).get("name").asText())
                .isEqualTo("Tentacle");
    }

    @Test
    void createInstanceWithHomeKeepsTheConfigurationInIt() {
        Path home = temp.resolve("octopus home");

        var json = cli.ok("create-instance", "--instance", "Web", "--home", home.toString(), "--format", "json").json();

        assertThat(json.get("configFile").asText()).isEqualTo(home.resolve("Tentacle.config.json").toString());
        assertThat(json.get("homeDirectory").asText()).isEqualTo(home.toString());
        assertThat(json.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(TentacleConfiguration.store().read(home.resolve("Tentacle.config.json")).homeDirectory()).isEqualTo(home);
    }

    @Test
    void createInstanceWithConfigUsesItsDirectoryAsHome() {
        Path file = temp.resolve("etc/web.json");

        cli.ok("create-instance", "--instance", "Web", "--config", file.toString());

        assertThat(TentacleConfiguration.store().read(file).homeDirectory()).isEqualTo(file.getParent());
    }

    @Test
    void createInstanceAgainWithTheSameFileChangesNothing() {
        cli.ok("create-instance", "--instance", "Web01");

        var result = cli.run("create-instance", "--instance", "web01");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("The Tentacle instance 'Web01' already exists", "nothing changed");
    }

    @Test
    void createInstanceWithTheNameOfAnotherInstanceIsRefused() {
        cli.ok("create-instance", "--instance", "Web01");

        var result = cli.run("create-instance", "--instance", "Web01", "--config", temp.resolve("other.json").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("A Tentacle instance named 'Web01' already exists",
                "tentacle delete-instance --instance Web01");
        assertThat(temp.resolve("other.json")).doesNotExist();
    }

    @Test
    void createInstanceRegistersAnExistingFileUnchanged() throws IOException {
        Path file = temp.resolve("kept/Tentacle.config.json");
        TentacleConfiguration.store().write(file, TentacleConfiguration.defaults(temp.resolve("kept")).withListenPort(10999));
        byte[] before = Files.readAllBytes(file);

        var result = cli.ok("create-instance", "--instance", "Restored", "--config", file.toString());

        assertThat(result.out()).contains("existing configuration file", "left unchanged");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(cli.ok("show-configuration", "--instance", "Restored", "--format", "json").json().get("listenPort").asInt())
                .isEqualTo(10999);
    }

    @Test
    void createInstanceRefusesAnInvalidName() {
        var result = cli.run("create-instance", "--instance", "bad/name");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: ").contains("bad/name");
        assertThat(registry.resolve("Tentacle/instances.json")).doesNotExist();
    }

    @Test
    void listInstancesSaysWhenThereAreNone() {
        var result = cli.ok("list-instances");

        assertThat(result.out()).contains("No Tentacle instances are registered in " + registry)
                .contains("tentacle create-instance");
    }

    @Test
    void listInstancesShowsNamesAndFiles() {
        cli.ok("create-instance", "--instance", "Web01");
        cli.ok("create-instance", "--instance", "Db01");

        var text = cli.ok("list-instances").out();
        var json = cli.ok("list-instances", "--format", "json").json();

        assertThat(text).contains("Db01", "Web01", registry.resolve("Tentacle/instances/Web01/Tentacle.config.json").toString());
        assertThat(json.get("registry").asText()).isEqualTo(registry.toString());
        assertThat(json.get("instances")).hasSize(2);
        assertThat(json.get("instances").get(0).get("name").asText()).isEqualTo("Db01");
        assertThat(json.get("instances").get(1).get("configFile").asText())
                .isEqualTo(registry.resolve("Tentacle/instances/Web01/Tentacle.config.json").toString());
    }

    @Test
    void deleteInstanceUnregistersAndKeepsTheFiles() {
        cli.ok("create-instance", "--instance", "Web01");
        Path file = registry.resolve("Tentacle/instances/Web01/Tentacle.config.json");

        var result = cli.ok("delete-instance", "--instance", "Web01");

        assertThat(result.out()).contains("Deleted the Tentacle instance 'Web01'", file.toString(), "were kept");
        assertThat(file).exists();
        assertThat(cli.ok("list-instances", "--format", "json").json().get("instances")).isEmpty();
    }

    @Test
    void deleteInstanceRefusesWhileItsServiceRuns() {
        cli.ok("create-instance", "--instance", "Web01");
        cli.serviceManager().withStatus(ServiceStatus.running());

        var result = cli.run("delete-instance", "--instance", "Web01");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("is running", "tentacle service --instance Web01 --stop --uninstall");
        assertThat(cli.ok("list-instances", "--format", "json").json().get("instances")).hasSize(1);
    }

    @Test
    void deleteInstanceWithAStoppedServiceSaysHowToRemoveIt() {
        cli.ok("create-instance", "--instance", "Web01");
        cli.serviceManager().withStatus(ServiceStatus.stopped());

        var result = cli.ok("delete-instance", "--instance", "Web01");

        assertThat(result.out()).contains("still installed (stopped)", "tentacle service --instance Web01 --uninstall");
    }

    @Test
    void deleteInstanceWhereServicesAreUnsupportedJustDeletes() {
        cli.ok("create-instance", "--instance", "Web01");
        cli.serviceManager(new RecordingServiceManager(false).withStatus(ServiceStatus.unknown("no service system")));

        var json = cli.ok("delete-instance", "--instance", "Web01", "--format", "json").json();

        assertThat(json.get("instance").asText()).isEqualTo("Web01");
        assertThat(json.get("serviceState").asText()).isEqualTo("UNKNOWN");
        assertThat(cli.ok("list-instances", "--format", "json").json().get("instances")).isEmpty();
    }

    @Test
    void deleteInstanceByItsConfigurationFile() {
        Path file = temp.resolve("web.json");
        cli.ok("create-instance", "--instance", "Web", "--config", file.toString());

        cli.ok("delete-instance", "--config", file.toString());

        assertThat(cli.ok("list-instances", "--format", "json").json().get("instances")).isEmpty();
    }

    @Test
    void deleteInstanceWithACorruptConfigurationStillDeletes() throws IOException {
        cli.ok("create-instance", "--instance", "Web01");
        Files.writeString(registry.resolve("Tentacle/instances/Web01/Tentacle.config.json"), "{ broken");

        var result = cli.ok("delete-instance", "--instance", "Web01");

        assertThat(result.out()).contains("Deleted the Tentacle instance 'Web01'");
    }

    @Test
    void unknownInstanceNamesTheKnownOnesAndHowToCreateIt() {
        cli.ok("create-instance", "--instance", "Web01");

        var result = cli.run("delete-instance", "--instance", "Nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("No Tentacle instance named 'Nope'", "Known instances: Web01",
                "tentacle create-instance --instance Nope");
        assertThat(result.err().lines().toList()).hasSize(1);
    }
}
