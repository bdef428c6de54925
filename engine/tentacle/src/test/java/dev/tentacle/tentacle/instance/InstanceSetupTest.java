package dev.tentacle.tentacle.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.InstanceRegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceSetupTest {
    @TempDir
    Path temp;

    InstanceRegistry registry;
    InstanceSetup setup;

    @BeforeEach
    void setUp() {
        registry = new InstanceRegistry(InstanceLocations.at(temp.resolve("registry")), ApplicationKind.TENTACLE);
        setup = new InstanceSetup(registry);
    }

    @Test
    void createsWithDefaults() {
        var created = setup.create("Web01", null, null);

        assertThat(created.outcome()).isEqualTo(InstanceSetup.Outcome.CREATED);
        assertThat(created.instance().configFile()).isEqualTo(registry.defaultConfigFile("Web01"));
        assertThat(created.homeDirectory()).contains(registry.defaultHomeDirectory("Web01"));
        assertThat(created.instance().configuration()).isEqualTo(
                TentacleConfiguration.defaults(registry.defaultHomeDirectory("Web01")));
    }

    @Test
    void anExistingFileWithAnotherHomeIsRefusedBeforeRegistering() {
        Path file = temp.resolve("existing.json");
        TentacleConfiguration.store().write(file, TentacleConfiguration.defaults(temp.resolve("elsewhere")));

        assertThatThrownBy(() -> setup.create("Web01", temp.resolve("home"), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists with the home directory " + temp.resolve("elsewhere"));
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void aDamagedExistingFileIsNotRegisteredOrOverwritten() throws IOException {
        Path file = temp.resolve("damaged.json");
        Files.writeString(file, "{");

        assertThatThrownBy(() -> setup.create("Web01", null, file)).isInstanceOf(ConfigurationException.class);
        assertThat(registry.list()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("{");
    }

    @Test
    void aFailedWriteLeavesTheNameUnregistered() throws IOException {
        Path blocker = Files.writeString(temp.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> setup.create("Web01", blocker.resolve("home"), null))
                .hasMessageContaining(blocker.toString());
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void theSameNameWithAnotherFileIsRefused() {
        setup.create("Web01", null, null);

        assertThatThrownBy(() -> setup.create("WEB01", null, temp.resolve("other.json")))
                .isInstanceOf(InstanceRegistryException.class)
                .hasMessageContaining("'Web01' already exists")
                .hasMessageContaining(registry.defaultConfigFile("Web01").toString());
    }

    @Test
    void theSameNameAndHomeAgainIsAlreadyRegistered() {
        Path home = temp.resolve("home");
        setup.create("Web01", home, null);

        var again = setup.create("Web01", home, null);

        assertThat(again.outcome()).isEqualTo(InstanceSetup.Outcome.ALREADY_REGISTERED);
        assertThat(again.homeDirectory()).contains(home);
    }

    @Test
    void onlyCreatesTentacleInstances() {
        var serverRegistry = new InstanceRegistry(InstanceLocations.at(temp), ApplicationKind.SERVER);

        assertThatThrownBy(() -> new InstanceSetup(serverRegistry)).isInstanceOf(IllegalArgumentException.class);
    }
}
