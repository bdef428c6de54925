package dev.tentacle.server.admin;

import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceName;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        String value = environment.variable(LAUNCHER_VARIABLE).orElseThrow(() ->
                new IllegalStateException("Cannot install the service: it needs the full path of the octopus-server"
                        + " launcher, and " + LAUNCHER_VARIABLE + " is not set. Run this command through"
                        + " bin/octopus-server or the installed octopus-server program, or set " + LAUNCHER_VARIABLE
                        + " to its full path."));
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalStateException(LAUNCHER_VARIABLE + " is '" + value + "', which is not a path: "
                    + e.getReason() + ". Set it to the full path of the octopus-server launcher.", e);
        }
        if (!path.isAbsolute() || !Files.isRegularFile(path)) {
            throw new IllegalStateException(LAUNCHER_VARIABLE + " is '" + value + "', which is not the full path of an"
                    + " existing file. Set it to the full path of the octopus-server launcher.");
        }
        return path;
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
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(launcher, "launcher");
        Path home = instance.configuration().homeDirectory();
        List<String> arguments = new ArrayList<>(ServiceDefinition.runArguments(instance.name()));
        ServiceDefinition.Builder builder = ServiceDefinition.builder(ServiceName.octopusServer(instance.name()),
                        launcher.toString())
                .userName(userName)
                .password(password)
                .workingDirectory(home);
        if (byConfigFile) {
            arguments.addAll(List.of("--config", instance.configFile().toString()));
        } else if (locations.source() != InstanceLocations.Source.SYSTEM) {
            // The service may run as another user, whose default registry differs: point it at this one.
            builder.environmentVariable(InstanceLocations.DIRECTORY_VARIABLE, locations.registryDirectory().toString());
        }
        return builder.arguments(arguments).build();
    }
}
