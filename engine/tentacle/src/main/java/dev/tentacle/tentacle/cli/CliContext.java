package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceManagers;
import dev.tentacle.tentacle.instance.TentacleServiceDefinition;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the commands need from the world outside their options: the environment (which decides where the instance
 * registry is), the OS service manager, and what happens to a running agent. Tests replace each of them.
 *
 * @param environment environment variables, OS and user; decides the registry location
 * @param serviceManager makes the OS service manager, on first use only
 * @param agentLifecycle told when {@code run} has started an agent; arranges for it to be stopped
 */
public record CliContext(HostEnvironment environment, Supplier<ServiceManager> serviceManager, AgentLifecycle agentLifecycle) {
    /** The variable {@code bin/tentacle} sets to its own absolute path; service definitions start that program. */
    public static final String LAUNCHER_VARIABLE = TentacleServiceDefinition.LAUNCHER_VARIABLE;

    public CliContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(serviceManager, "serviceManager");
        Objects.requireNonNull(agentLifecycle, "agentLifecycle");
    }

    /** The real machine's service manager, and an agent that stops when the JVM shuts down. */
    public static CliContext of(HostEnvironment environment) {
        return new CliContext(environment, ServiceManagers::forCurrentOs, AgentLifecycle.stopOnShutdown());
    }

    public CliContext withServiceManager(ServiceManager manager) {
        Objects.requireNonNull(manager, "manager");
        return new CliContext(environment, () -> manager, agentLifecycle);
    }

    public CliContext withAgentLifecycle(AgentLifecycle lifecycle) {
        return new CliContext(environment, serviceManager, lifecycle);
    }

    /**
     * Where instances are registered for this environment.
     *
     * @throws IllegalArgumentException when {@code OCTOPUS_INSTANCES_DIR} is not an absolute path
     */
    public InstanceLocations locations() {
        return InstanceLocations.resolve(environment);
    }

    /** The Tentacle instance registry for this environment. */
    public InstanceRegistry registry() {
        return new InstanceRegistry(locations(), ApplicationKind.TENTACLE);
    }
}
