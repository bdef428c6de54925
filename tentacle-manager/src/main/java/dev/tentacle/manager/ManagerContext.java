package dev.tentacle.manager;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceManagers;
import dev.tentacle.desktop.fx.UiThread;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * What every screen of the Tentacle Manager needs from the world: the environment (which decides where the instance
 * registry is, {@code OCTOPUS_INSTANCES_DIR} included, so the app and the {@code tentacle} command line see the same
 * instances), the OS service manager, where long work runs, and where results are published. Tests replace each.
 */
public record ManagerContext(HostEnvironment environment, Supplier<ServiceManager> serviceManager, Executor background,
        UiThread ui) {

    public ManagerContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(serviceManager, "serviceManager");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
    }

    /** The real machine: its environment and service manager, virtual threads for work, the JavaFX thread for results. */
    public static ManagerContext forThisMachine() {
        return new ManagerContext(HostEnvironment.current(), ServiceManagers::forCurrentOs,
                Executors.newVirtualThreadPerTaskExecutor(), UiThread.fx());
    }

    public ManagerContext withServiceManager(ServiceManager manager) {
        Objects.requireNonNull(manager, "manager");
        return new ManagerContext(environment, () -> manager, background, ui);
    }

    public ManagerContext withUiThread(UiThread newUi) {
        return new ManagerContext(environment, serviceManager, background, newUi);
    }

    /** Where instances are registered for this environment. */
    public InstanceLocations locations() {
        return InstanceLocations.resolve(environment);
    }

    /** The Tentacle instance registry, the same one {@code tentacle list-instances} reads. */
    public InstanceRegistry registry() {
        return new InstanceRegistry(locations(), ApplicationKind.TENTACLE);
    }
}
