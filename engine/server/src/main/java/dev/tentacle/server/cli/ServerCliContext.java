package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerServiceDefinition;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceManagers;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@code octopus-server} commands need from the world outside their options: the environment (which decides
 * where the instance registry is), the OS service manager, what happens to a server started by {@code run}, and the
 * comms options of the server nodes commands start. Tests replace each of them.
 *
 * @param environment environment variables, OS and user; decides the registry location
 * @param serviceManager makes the OS service manager, on first use only
 * @param lifecycle told when {@code run} has started the server; arranges for it to be stopped
 * @param commsOptions the comms options of the server nodes that {@code run}, {@code health-check} and
 *     {@code run-script} start
 */
public record ServerCliContext(HostEnvironment environment, Supplier<ServiceManager> serviceManager,
        ServerLifecycle lifecycle, CommsOptions commsOptions) {
    /** The variable {@code bin/octopus-server} sets to its own absolute path; service definitions start that program. */
    public static final String LAUNCHER_VARIABLE = ServerServiceDefinition.LAUNCHER_VARIABLE;

    public ServerCliContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(serviceManager, "serviceManager");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(commsOptions, "commsOptions");
    }

    /** The real machine's service manager, a server that stops when the JVM shuts down, the default comms options. */
    public static ServerCliContext of(HostEnvironment environment) {
        return new ServerCliContext(environment, ServiceManagers::forCurrentOs, ServerLifecycle.stopOnShutdown(),
                CommsOptions.defaults());
    }

    public ServerCliContext withServiceManager(ServiceManager manager) {
        Objects.requireNonNull(manager, "manager");
        return new ServerCliContext(environment, () -> manager, lifecycle, commsOptions);
    }

    public ServerCliContext withLifecycle(ServerLifecycle newLifecycle) {
        return new ServerCliContext(environment, serviceManager, newLifecycle, commsOptions);
    }

    public ServerCliContext withCommsOptions(CommsOptions newOptions) {
        return new ServerCliContext(environment, serviceManager, lifecycle, newOptions);
    }
}
