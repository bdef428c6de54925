package dev.tentacle.instances.service;

import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The OS service definition of a Tentacle or Octopus Server instance, as {@code tentacle service --install} and
 * {@code octopus-server service --install} install it: the launcher runs {@code run --instance NAME} in the instance's
 * home directory and, when the registry is not the machine-wide one, gets {@code OCTOPUS_INSTANCES_DIR} so that it
 * finds the same registry whatever account it runs as. Each product names its launcher variable and program.
 */
public final class InstanceServiceDefinition {
    private InstanceServiceDefinition() {
    }

    /**
     * The launcher a service starts: the absolute path in {@code variable}, which the product's launcher script sets to
     * its own path.
     *
     * @param variable the variable, such as {@code TENTACLE_LAUNCHER}
     * @param program the launcher's name in messages, such as {@code tentacle} or {@code octopus-server}
     * @throws IllegalStateException saying what to set, when it is not set or not an existing file
     */
    public static Path launcher(HostEnvironment environment, String variable, String program) {
        String value = environment.variable(variable).orElseThrow(() ->
                new IllegalStateException("Cannot install the service: it needs the full path of the " + program
                        + " launcher, and " + variable + " is not set. Run this command through bin/" + program
                        + " or the installed " + program + " program, or set " + variable + " to its full path."));
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalStateException(variable + " is '" + value + "', which is not a path: " + e.getReason()
                    + ". Set it to the full path of the " + program + " launcher.", e);
        }
        if (!path.isAbsolute() || !Files.isRegularFile(path)) {
            throw new IllegalStateException(variable + " is '" + value + "', which is not the full path of an"
                    + " existing file. Set it to the full path of the " + program + " launcher.");
        }
        return path;
    }

    /**
     * The definition of an instance's service.
     *
     * @param service the product and instance
     * @param homeDirectory the instance's home directory, where the service starts
     * @param configFile the instance's configuration file
     * @param locations the registry the instance is in
     * @param launcher the launcher, see {@link #launcher}
     * @param byConfigFile true when the instance was selected by its configuration file ({@code --config}) rather
     *     than looked up in the registry: the service then runs {@code run --instance NAME --config FILE}
     * @param userName the account to run as; null for the OS default
     * @param password the Windows account's password; null for none
     */
    public static ServiceDefinition of(ServiceName service, Path homeDirectory, Path configFile,
            InstanceLocations locations, Path launcher, boolean byConfigFile, String userName, String password) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(homeDirectory, "homeDirectory");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(launcher, "launcher");
        List<String> arguments = new ArrayList<>(ServiceDefinition.runArguments(service.instanceName()));
        ServiceDefinition.Builder builder = ServiceDefinition.builder(service, launcher.toString())
                .userName(userName)
                .password(password)
                .workingDirectory(homeDirectory);
        if (byConfigFile) {
            arguments.addAll(List.of("--config", configFile.toString()));
        } else if (locations.source() != InstanceLocations.Source.SYSTEM) {
            // The service may run as another user, whose default registry differs: point it at this one.
            builder.environmentVariable(InstanceLocations.DIRECTORY_VARIABLE, locations.registryDirectory().toString());
        }
        return builder.arguments(arguments).build();
    }
}
