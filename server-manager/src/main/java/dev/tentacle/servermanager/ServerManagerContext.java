package dev.tentacle.servermanager;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceManagers;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * What every screen of the Octopus Server Manager needs from the world: the environment (which decides where the
 * instance registry is, {@code OCTOPUS_INSTANCES_DIR} included, so the app and the {@code octopus-server} command line
 * see the same instances), the OS service manager, the comms options of connections the app makes (to Tentacles it
 * checks or adds, and of a server node it runs itself when the service is not running), where long work runs and
 * where results are published. Tests replace each.
 */
public record ServerManagerContext(HostEnvironment environment, Supplier<ServiceManager> serviceManager,
        CommsOptions commsOptions, Executor background, UiThread ui) {

    public ServerManagerContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(serviceManager, "serviceManager");
        Objects.requireNonNull(commsOptions, "commsOptions");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ui, "ui");
    }

    /** The real machine: its environment and service manager, virtual threads for work, the JavaFX thread for results. */
    public static ServerManagerContext forThisMachine() {
        return new ServerManagerContext(HostEnvironment.current(), ServiceManagers::forCurrentOs,
                CommsOptions.defaults(), Executors.newVirtualThreadPerTaskExecutor(), UiThread.fx());
    }

    public ServerManagerContext withServiceManager(ServiceManager manager) {
        Objects.requireNonNull(manager, "manager");
        return new ServerManagerContext(environment, () -> manager, commsOptions, background, ui);
    }

    public ServerManagerContext withUiThread(UiThread newUi) {
        return new ServerManagerContext(environment, serviceManager, commsOptions, background, newUi);
    }

    public ServerManagerContext withCommsOptions(CommsOptions options) {
        return new ServerManagerContext(environment, serviceManager, options, background, ui);
    }

    /** Where instances are registered for this environment. */
    public InstanceLocations locations() {
        return InstanceLocations.resolve(environment);
    }

    /** The Octopus Server instance registry, the same one {@code octopus-server list-instances} reads. */
    public InstanceRegistry registry() {
        return new InstanceRegistry(locations(), ApplicationKind.SERVER);
    }
}
