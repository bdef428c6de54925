package dev.tentacle.testing.services;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.SystemdServiceManager;
import dev.tentacle.instances.service.SystemdUnitNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The machine a manager's tests run on, all under one temporary directory: a registry ({@code OCTOPUS_INSTANCES_DIR}),
 * a systemd service manager whose units go to a temporary directory and whose {@code systemctl} is
 * {@link FakeSystemctl}, a placeholder launcher named in the product's launcher variable, and the environment the app
 * sees. Never touches the machine's registry or services. The Tentacle Manager's and the Server Manager's fixtures
 * extend it with their product's instances.
 */
public class TestHost {
    private final Path root;
    private final ApplicationKind kind;
    private final FakeSystemctl systemctl;
    private final SystemdServiceManager services;
    private final Path runtimeDirectory;
    private final Path launcher;
    private final Map<String, String> variables = new HashMap<>();

    /**
     * @param kind the product whose instances the registry holds; its command name names the launcher
     * @param launcherVariable the variable the product's launcher script sets, such as {@code TENTACLE_LAUNCHER}
     */
    public TestHost(Path root, ApplicationKind kind, String launcherVariable) {
        this.root = root;
        this.kind = kind;
        try {
            this.systemctl = FakeSystemctl.in(Files.createDirectories(root.resolve("systemctl")));
            this.runtimeDirectory = Files.createDirectories(root.resolve("run/systemd/system"));
            this.launcher = Files.writeString(Files.createDirectories(root.resolve("bin")).resolve(kind.commandName()),
                    "#!/bin/sh\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.services = new SystemdServiceManager(SystemdServiceManager.Settings.defaults()
                .withUnitDirectory(root.resolve("units"))
                .withSystemctl("systemctl")
                .withRuntimeDirectory(runtimeDirectory), systemctl.runner());
        variables.put(InstanceLocations.DIRECTORY_VARIABLE, registryDirectory().toString());
        variables.put(launcherVariable, launcher.toString());
    }

    public Path root() {
        return root;
    }

    public Path registryDirectory() {
        return root.resolve("registry");
    }

    /** The file services are installed to run (a placeholder script: the fake systemctl never runs it). */
    public Path launcher() {
        return launcher;
    }

    public FakeSystemctl systemctl() {
        return systemctl;
    }

    public SystemdServiceManager services() {
        return services;
    }

    /** Sets an environment variable the app sees. */
    public TestHost variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** Removes an environment variable the app sees. */
    public TestHost withoutVariable(String name) {
        variables.remove(name);
        return this;
    }

    /** A Linux machine with the variables, user {@code tester} whose home is {@code user-home}. */
    public HostEnvironment environment() {
        return new HostEnvironment(OperatingSystem.LINUX, variables, "tester", root.resolve("user-home"));
    }

    /** The registry of the product's instances. */
    public InstanceRegistry registry() {
        return new InstanceRegistry(InstanceLocations.resolve(environment()), kind);
    }

    /** The systemd unit name of the instance's service, as the fake systemctl sees it. */
    public String unitName(String instance) {
        return SystemdUnitNames.unitName(new ServiceName(kind, instance));
    }

    /** systemd stops "running": the service manager becomes unavailable. */
    public void stopSystemd() {
        try {
            Files.delete(runtimeDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
