package dev.tentacle.tentacle.instance;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Removes a Tentacle instance from the registry, as {@code tentacle delete-instance} does: refused while its OS service
 * runs; its configuration file, home directory and certificate are kept. The Tentacle Manager's setup wizard rolls a
 * failed setup back with it.
 */
public final class InstanceRemoval {
    private final InstanceRegistry registry;
    private final ServiceManager services;

    public InstanceRemoval(InstanceRegistry registry, ServiceManager services) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.services = Objects.requireNonNull(services, "services");
        if (registry.kind() != ApplicationKind.TENTACLE) {
            throw new IllegalArgumentException("InstanceRemoval deletes Tentacle instances; got the " + registry.kind()
                    + " registry.");
        }
    }

    /**
     * What {@link #delete} did.
     *
     * @param record the registry entry that was removed
     * @param homeDirectory the instance's home directory, kept; empty when its configuration file could not be read
     * @param serviceStatus the state of its service when it was deleted (never RUNNING)
     * @param notes sentences for people about what is left: a service still installed, or one whose state is unknown
     */
    public record Removed(InstanceRecord record, Optional<Path> homeDirectory, ServiceStatus serviceStatus,
            List<String> notes) {
        public Removed {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(homeDirectory, "homeDirectory");
            Objects.requireNonNull(serviceStatus, "serviceStatus");
            notes = List.copyOf(notes);
        }
    }

    /**
     * Removes the registered instance.
     *
     * @throws dev.tentacle.instances.registry.InstanceRegistryException when no instance has the name
     * @throws IllegalStateException when its service is running: nothing is changed, and the message says how to stop
     *     and remove the service first
     */
    public Removed delete(String name) {
        return delete(registry.get(name));
    }

    /** Removes this registered instance; see {@link #delete(String)}. */
    public Removed delete(InstanceRecord record) {
        ServiceName service = ServiceName.tentacle(record.name());
        ServiceStatus status = services.status(service);
        if (status.state() == ServiceStatus.State.RUNNING) {
            throw new IllegalStateException("The service '" + service.displayName() + "' of the Tentacle instance '"
                    + record.name() + "' is running, so the instance was not deleted. Stop and remove the service"
                    + " first with: tentacle service --instance " + quoted(record.name()) + " --stop --uninstall");
        }
        Optional<Path> home = homeDirectory(new TentacleInstance(record.name(), record.configFile()));
        registry.delete(record.name());

        List<String> notes = new ArrayList<>();
        if (status.state() == ServiceStatus.State.STOPPED) {
            notes.add("Its service '" + service.displayName() + "' is still installed (stopped); remove it with:"
                    + " tentacle service --instance " + quoted(record.name()) + " --uninstall");
        } else if (status.state() == ServiceStatus.State.UNKNOWN && services.isSupported()) {
            notes.add("Could not tell whether its service '" + service.displayName() + "' is installed: "
                    + status.detail());
        }
        return new Removed(record, home, status, notes);
    }

    /** The home directory, for telling the user what was kept; empty when the file cannot be read. */
    private static Optional<Path> homeDirectory(TentacleInstance instance) {
        try {
            return Optional.of(instance.configuration().homeDirectory());
        } catch (ConfigurationException e) {
            return Optional.empty();
        }
    }

    private static String quoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }
}
