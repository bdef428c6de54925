package dev.tentacle.server.admin;

import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.service.InstanceServiceDefinition;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceName;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The OS service definition of an Octopus Server instance, as {@code octopus-server service --install} installs it:
 * the launcher runs {@code run --instance NAME} in the instance's home directory and, when the registry is not the
 * machine-wide one, gets {@code OCTOPUS_INSTANCES_DIR} so that it finds the same registry whatever account it runs as.
 */
public final class ServerServiceDefinition {
    /** The variable {@code bin/octopus-server} sets to its own absolute path; service definitions start that program. */
    public static final String LAUNCHER_VARIABLE = "OCTOPUS_SERVER_LAUNCHER";

    private ServerServiceDefinition() {
    }

    /**
     * The {@code octopus-server} launcher a service starts: the absolute path in {@value #LAUNCHER_VARIABLE}.
     *
     * @throws IllegalStateException saying what to set, when it is not set or not an existing file
     */
    public static Path launcher(HostEnvironment environment) {
        return InstanceServiceDefinition.launcher(environment, LAUNCHER_VARIABLE, "octopus-server");
    }

    /**
     * The definition of the instance's service.
     *
     * @param instance the instance; its configuration is read for the home directory
     * @param locations the registry the instance is in
     * @param launcher the {@code octopus-server} launcher, see {@link #launcher}
     * @param byConfigFile true when the instance was selected by its configuration file ({@code --config}) rather
     *     than looked up in the registry: the service then runs {@code run --instance NAME --config FILE}
     * @param userName the account to run as; null for the OS default
     * @param password the Windows account's password; null for none
     */
    public static ServiceDefinition of(ServerInstance instance, InstanceLocations locations, Path launcher,
            boolean byConfigFile, String userName, String password) {
        Objects.requireNonNull(instance, "instance");
        return InstanceServiceDefinition.of(ServiceName.octopusServer(instance.name()), instance.configuration().homeDirectory(),
                instance.configFile(), locations, launcher, byConfigFile, userName, password);
    }
}
