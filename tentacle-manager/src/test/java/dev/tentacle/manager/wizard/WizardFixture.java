package dev.tentacle.manager.wizard;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.SystemdServiceManager;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.tentacle.instance.TentacleServiceDefinition;
import dev.tentacle.tentacle.registration.ServerCheck;
import dev.tentacle.tentacle.registration.TentacleRegistrar;
import dev.tentacle.testing.services.FakeSystemctl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Everything a wizard test needs, in a temporary directory: a registry ({@code OCTOPUS_INSTANCES_DIR}), a launcher
 * file for services, systemd with a fake {@code systemctl} and a unit directory of its own, and the wizard's services
 * with a recording command runner (for the firewall). Nothing touches the machine's real registry or services.
 */
final class WizardFixture {
    static final String HOST_NAME = "wizard-test-host";

    final Path root;
    final Path registryDirectory;
    final Path launcher;
    final Path unitDirectory;
    final FakeSystemctl systemctl;
    final SystemdServiceManager services;
    final RecordingCommandRunner commands = new RecordingCommandRunner();
    final Map<String, String> variables = new HashMap<>();
    boolean elevated;

    WizardFixture(Path root) {
        try {
            this.root = root;
            registryDirectory = root.resolve("registry");
            launcher = Files.createDirectories(root.resolve("bin")).resolve("tentacle");
            Files.writeString(launcher, "#!/bin/sh\n");
            unitDirectory = Files.createDirectories(root.resolve("units"));
            Path runtime = Files.createDirectories(root.resolve("run-systemd"));
            systemctl = FakeSystemctl.in(root.resolve("fake"));
            services = new SystemdServiceManager(new SystemdServiceManager.Settings(unitDirectory, "systemctl", runtime),
                    systemctl.runner());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        variables.put(InstanceLocations.DIRECTORY_VARIABLE, registryDirectory.toString());
        variables.put(TentacleServiceDefinition.LAUNCHER_VARIABLE, launcher.toString());
    }

    HostEnvironment environment() {
        return new HostEnvironment(OperatingSystem.LINUX, variables, elevated ? "root" : "tester", root.resolve("user"));
    }

    /** ViewModels run their work at once, on the calling thread: no JavaFX needed. */
    ManagerContext directContext() {
        return context(Runnable::run, UiThread.direct());
    }

    ManagerContext context(Executor background, UiThread ui) {
        return new ManagerContext(environment(), () -> services, background, ui);
    }

    WizardServices services() {
        return new WizardServices(commands, elevated, () -> Optional.of(HOST_NAME), new ServerCheck(),
                new TentacleRegistrar());
    }

    InstanceRegistry registry() {
        return new InstanceRegistry(InstanceLocations.resolve(environment()), ApplicationKind.TENTACLE);
    }

    Path unitFile(String instance) {
        return services.unitFile(ServiceName.tentacle(instance));
    }
}
