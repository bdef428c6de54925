package dev.tentacle.tentacle.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.InstanceRegistryException;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceRemovalTest {
    @TempDir
    Path temp;

    InstanceRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new InstanceRegistry(InstanceLocations.at(temp.resolve("registry")), ApplicationKind.TENTACLE);
        new InstanceSetup(registry).create("Web01", temp.resolve("home"), null);
    }

    @Test
    void removesTheEntryAndKeepsTheFiles() {
        var removed = new InstanceRemoval(registry, services(ServiceStatus.notInstalled())).delete("web01");

        assertThat(removed.record().name()).isEqualTo("Web01");
        assertThat(removed.homeDirectory()).contains(temp.resolve("home"));
        assertThat(removed.notes()).isEmpty();
        assertThat(registry.list()).isEmpty();
        assertThat(Files.exists(removed.record().configFile())).isTrue();
    }

    @Test
    void refusesWhileTheServiceRuns() {
        assertThatThrownBy(() -> new InstanceRemoval(registry, services(ServiceStatus.running())).delete("Web01"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tentacle service --instance Web01 --stop --uninstall");
        assertThat(registry.find("Web01")).isPresent();
    }

    @Test
    void saysWhenAStoppedServiceIsLeftInstalled() {
        var removed = new InstanceRemoval(registry, services(ServiceStatus.stopped())).delete("Web01");

        assertThat(removed.notes()).singleElement().asString()
                .contains("still installed (stopped)", "tentacle service --instance Web01 --uninstall");
    }

    @Test
    void anUnknownInstanceNamesTheKnownOnes() {
        assertThatThrownBy(() -> new InstanceRemoval(registry, services(ServiceStatus.notInstalled())).delete("Nope"))
                .isInstanceOf(InstanceRegistryException.class).hasMessageContaining("Known instances: Web01");
    }

    private static ServiceManager services(ServiceStatus status) {
        return new ServiceManager() {
            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public String describe() {
                return "test";
            }

            @Override
            public void install(ServiceDefinition definition) {
                throw new AssertionError("not expected");
            }

            @Override
            public boolean uninstall(ServiceName service) {
                throw new AssertionError("not expected");
            }

            @Override
            public void start(ServiceName service) {
                throw new AssertionError("not expected");
            }

            @Override
            public void stop(ServiceName service) {
                throw new AssertionError("not expected");
            }

            @Override
            public void restart(ServiceName service) {
                throw new AssertionError("not expected");
            }

            @Override
            public ServiceStatus status(ServiceName service) {
                return status;
            }
        };
    }
}
