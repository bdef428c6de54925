package dev.tentacle.tentacle.instance;

import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.service.ServiceDefinition;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The OS service definition of a Tentacle instance: the {@code tentacle} launcher running {@code run --instance NAME}
 * in the instance's home directory. The {@code tentacle service} command and the Tentacle Manager both install it.
 */
public final class TentacleServiceDefinitions {
    /**
     * The variable {@code bin/tentacle}, {@code bin/tentacle-manager} and the installed launchers set to the absolute
     * path of the {@code tentacle} launcher; service definitions start that program.
     */
    public static final String LAUNCHER_VARIABLE = "TENTACLE_LAUNCHER";

    private TentacleServiceDefinitions() {
    }

    /**
     * The service of a registered instance, found by name. When the registry is not the system-wide one, the service
     * gets {@code OCTOPUS_INSTANCES_DIR} pointing at it, because the service may run as another user whose default
     * registry differs.
     *
     * @return a builder, so that the caller can add the account to run as
     */
    public static ServiceDefinition.Builder forRegisteredInstance(TentacleInstance instance, InstanceLocations locations,
            Path launcher) {
        ServiceDefinition.Builder builder = start(instance, launcher);
        if (locations.source() != InstanceLocations.Source.SYSTEM) {
            builder.environmentVariable(InstanceLocations.DIRECTORY_VARIABLE, locations.registryDirectory().toString());
        }
        return builder.arguments(ServiceDefinition.runArguments(instance.name()));
    }

    /** The service of an instance given by its configuration file, which the service is told with {@code --config}. */
    public static ServiceDefinition.Builder forConfigFile(TentacleInstance instance, Path launcher) {
        List<String> arguments = new ArrayList<>(ServiceDefinition.runArguments(instance.name()));
        arguments.addAll(List.of("--config", instance.configFile().toString()));
        return start(instance, launcher).arguments(arguments);
    }

    private static ServiceDefinition.Builder start(TentacleInstance instance, Path launcher) {
        return ServiceDefinition.builder(instance.serviceName(), launcher.toString())
                .workingDirectory(instance.configuration().homeDirectory());
    }

    /**
     * The {@code tentacle} launcher the service runs, from {@value #LAUNCHER_VARIABLE}.
     *
     * @throws IllegalStateException saying what to do, when the variable is not set or does not name an existing file
     */
    public static Path launcher(HostEnvironment environment) {
        String value = environment.variable(LAUNCHER_VARIABLE).orElseThrow(() ->
                new IllegalStateException("Cannot install the service: it needs the full path of the tentacle launcher,"
                        + " and " + LAUNCHER_VARIABLE + " is not set. Run this through bin/tentacle,"
                        + " bin/tentacle-manager or the installed programs, or set " + LAUNCHER_VARIABLE
                        + " to the full path of the tentacle launcher."));
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalStateException(LAUNCHER_VARIABLE + " is '" + value + "', which is not a path: "
                    + e.getReason() + ". Set it to the full path of the tentacle launcher.", e);
        }
        if (!path.isAbsolute() || !Files.isRegularFile(path)) {
            throw new IllegalStateException(LAUNCHER_VARIABLE + " is '" + value + "', which is not the full"
                    + " path of an existing file. Set it to the full path of the tentacle launcher.");
        }
        return path;
    }
}
