package dev.tentacle.tentacle.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceManagerException;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InstanceRemoval#plan} and {@link InstanceRemoval#remove}, as the Tentacle Manager deletes instances. */
class InstanceRemovalPlanTest {
    @TempDir
    Path temp;

    InstanceRegistry registry;
    Services services;
    InstanceRemoval removal;
    List<String> steps = new ArrayList<>();

    @BeforeEach
    void setUp() {
        registry = new InstanceRegistry(InstanceLocations.at(temp.resolve("registry")), ApplicationKind.TENTACLE);
        services = new Services(true, ServiceStatus.running());
        removal = new InstanceRemoval(registry, services);
    }

    @Test
    void planNamesTheEntryTheServiceAndTheFiles() {
        new InstanceSetup(registry).create("Web01", temp.resolve("home"), null);

        var plan = removal.plan("web01");

        assertThat(plan.record().name()).isEqualTo("Web01");
        assertThat(plan.serviceStatus().state()).isEqualTo(ServiceStatus.State.RUNNING);
        assertThat(plan.removesService()).isTrue();
        assertThat(plan.homeDirectory()).contains(temp.resolve("home"));
        assertThat(plan.canDeleteFiles()).isTrue();
        assertThat(plan.files()).containsExactly(temp.resolve("home"));
    }

    @Test
    void removeUninstallsTheServiceUnregistersAndKeepsTheFiles() {
        new InstanceSetup(registry).create("Web01", temp.resolve("home"), null);

        var removed = removal.remove(removal.plan("Web01"), false, steps::add);

        assertThat(services.calls).containsExactly("uninstall OctopusDeploy Tentacle: Web01");
        assertThat(removed.serviceRemoved()).isTrue();
        assertThat(registry.list()).isEmpty();
        assertThat(temp.resolve("home/Tentacle.config.json")).exists();
        assertThat(removed.deletedFiles()).isEmpty();
        assertThat(removed.notes()).containsExactly("Its home directory " + temp.resolve("home") + " was kept.");
        assertThat(steps).hasSize(2);
    }

    @Test
    void removeWithFilesDeletesTheHomeAndAnOutsideConfigurationFile() throws IOException {
        Path config = temp.resolve("configs/web.json");
        new InstanceSetup(registry).create("Web01", temp.resolve("home"), config);
        Files.createDirectories(temp.resolve("home/Logs"));
        Files.writeString(temp.resolve("home/Logs/OctopusTentacle.txt"), "log\n");

        var removed = removal.remove(removal.plan("Web01"), true, steps::add);

        assertThat(temp.resolve("home")).doesNotExist();
        assertThat(config).doesNotExist();
        assertThat(temp.resolve("configs")).exists();
        assertThat(removed.deletedFiles()).contains(temp.resolve("home"), config);
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void aServiceThatCannotBeRemovedStopsEverything() {
        new InstanceSetup(registry).create("Web01", temp.resolve("home"), null);
        services.failUninstall = true;

        assertThatThrownBy(() -> removal.remove(removal.plan("Web01"), true, steps::add))
                .isInstanceOf(ServiceManagerException.class).hasMessageContaining("needs root");
        assertThat(registry.list()).hasSize(1);
        assertThat(temp.resolve("home")).exists();
    }

    @Test
    void anUninstalledServiceIsLeftAlone() {
        new InstanceSetup(registry).create("Web01", temp.resolve("home"), null);
        services.status = ServiceStatus.notInstalled();

        var removed = removal.remove(removal.plan("Web01"), false, steps::add);

        assertThat(services.calls).isEmpty();
        assertThat(removed.serviceRemoved()).isFalse();
    }

    @Test
    void whereServicesAreUnsupportedOnlyTheEntryGoes() {
        new InstanceSetup(registry).create("Web01", temp.resolve("home"), null);
        services = new Services(false, ServiceStatus.unknown("no service system here"));
        removal = new InstanceRemoval(registry, services);

        var removed = removal.remove(removal.plan("Web01"), false, steps::add);

        assertThat(services.calls).isEmpty();
        assertThat(removed.notes()).anyMatch(note -> note.contains("was not looked at: no service system here"));
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void filesSharedWithAnotherInstanceMustStay() {
        new InstanceSetup(registry).create("Outer", temp.resolve("shared"), null);
        new InstanceSetup(registry).create("Inner", temp.resolve("shared/inner"), null);

        var plan = removal.plan("Outer");

        assertThat(plan.canDeleteFiles()).isFalse();
        assertThat(plan.filesKeptBecause().orElseThrow()).contains("the instance 'Inner'");
        assertThat(plan.files()).isEmpty();
        assertThatThrownBy(() -> removal.remove(plan, true, steps::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Delete them by hand");
        assertThat(registry.list()).hasSize(2);
    }

    @Test
    void aHomeThatHoldsTheRegistryMustStay() {
        Path file = temp.resolve("elsewhere/Tentacle.config.json");
        TentacleConfiguration.store().write(file, TentacleConfiguration.defaults(temp));
        registry.create("Wide", file);

        var plan = removal.plan("Wide");

        assertThat(plan.filesKeptBecause().orElseThrow()).contains("holds the instance registry");
    }

    @Test
    void anUnreadableConfigurationKeepsTheFilesButStillRemoves() throws IOException {
        new InstanceSetup(registry).create("Web01", temp.resolve("home"), null);
        Files.writeString(temp.resolve("home/Tentacle.config.json"), "{ broken");

        var plan = removal.plan("Web01");
        removal.remove(plan, false, steps::add);

        assertThat(plan.configurationProblem()).isPresent();
        assertThat(plan.canDeleteFiles()).isFalse();
        assertThat(registry.list()).isEmpty();
    }

    /** Answers status with a fixed value and records uninstalls. */
    static final class Services implements ServiceManager {
        final boolean supported;
        ServiceStatus status;
        boolean failUninstall;
        final List<String> calls = new ArrayList<>();

        Services(boolean supported, ServiceStatus status) {
            this.supported = supported;
            this.status = status;
        }

        @Override
        public boolean isSupported() {
            return supported;
        }

        @Override
        public String describe() {
            return supported ? "services for a test" : "no service system here";
        }

        @Override
        public void install(ServiceDefinition definition) {
            calls.add("install " + definition.displayName());
        }

        @Override
        public boolean uninstall(ServiceName service) {
            if (failUninstall) {
                throw new ServiceManagerException("Removing services needs root: run again with sudo.");
            }
            calls.add("uninstall " + service.displayName());
            return true;
        }

        @Override
        public void start(ServiceName service) {
            calls.add("start " + service.displayName());
        }

        @Override
        public void stop(ServiceName service) {
            calls.add("stop " + service.displayName());
        }

        @Override
        public void restart(ServiceName service) {
            calls.add("restart " + service.displayName());
        }

        @Override
        public ServiceStatus status(ServiceName service) {
            return status;
        }
    }
}
