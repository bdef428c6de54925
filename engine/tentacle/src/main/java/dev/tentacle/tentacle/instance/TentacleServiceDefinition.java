package dev.tentacle.tentacle.instance;

import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.service.InstanceServiceDefinition;
import dev.tentacle.instances.service.ServiceDefinition;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The OS service definition of a Tentacle instance, as {@code tentacle service --install} installs it: the launcher
 * runs {@code run --instance NAME} in the instance's home directory and, when the registry is not the machine-wide
 * one, gets {@code OCTOPUS_INSTANCES_DIR} so that it finds the same registry whatever account it runs as.
 */
public final class TentacleServiceDefinition {
    /** The variable {@code bin/tentacle} sets to its own absolute path; service definitions start that program. */
    public static final String LAUNCHER_VARIABLE = "TENTACLE_LAUNCHER";

    private TentacleServiceDefinition() {
    }

    /**
     * The {@code tentacle} launcher a service starts: the absolute path in {@value #LAUNCHER_VARIABLE}.
     *
     * @throws IllegalStateException saying what to set, when it is not set or not an existing file
     */
    public static Path launcher(HostEnvironment environment) {
        return InstanceServiceDefinition.launcher(environment, LAUNCHER_VARIABLE, "tentacle");
    }

    /**
     * The definition of the instance's service.
     *
     * @param instance the instance; its configuration is read for the home directory
     * @param locations the registry the instance is in
     * @param launcher the {@code tentacle} launcher, see {@link #launcher}
     * @param byConfigFile true when the instance was selected by its configuration file ({@code --config}) rather
     *     than looked up in the registry: the service then runs {@code run --instance NAME --config FILE}
     * @param userName the account to run as; null for the OS default
     * @param password the Windows account's password; null for none
     */
    public static ServiceDefinition of(TentacleInstance instance, InstanceLocations locations, Path launcher,
            boolean byConfigFile, String userName, String password) {
        Objects.requireNonNull(instance, "instance");
        return InstanceServiceDefinition.of(instance.serviceName(), instance.configuration().homeDirectory(),
                instance.configFile(), locations, launcher, byConfigFile, userName, password);
    }
}
