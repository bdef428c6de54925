package dev.tentacle.instances.registry;

import dev.tentacle.instances.ApplicationKind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where instances are registered, and where a new instance lives by default.
 *
 * <p>The registry directory is, in order of precedence:
 * <ol>
 *   <li>the directory named by the environment variable {@value #DIRECTORY_VARIABLE} (an absolute path);</li>
 *   <li>on Windows, {@code %ProgramData%\Octopus} (normally {@code C:\ProgramData\Octopus});</li>
 *   <li>on Linux and macOS as root, {@code /etc/octopus};</li>
 *   <li>otherwise, per user, {@code $XDG_CONFIG_HOME/octopus} when {@code XDG_CONFIG_HOME} is an absolute path, else
 *       {@code ~/.config/octopus}.</li>
 * </ol>
 *
 * <p>Inside it, each {@link ApplicationKind} has a sub-directory ({@code Tentacle}, {@code OctopusServer}) holding
 * the index {@code instances.json}, and by default each instance's home {@code instances/NAME/}, whose configuration
 * file is {@code Tentacle.config.json} (or {@code OctopusServer.config.json}):
 * <pre>
 * /etc/octopus/Tentacle/instances.json
 * /etc/octopus/Tentacle/instances/Tentacle/Tentacle.config.json
 * </pre>
 *
 * @param registryDirectory the directory holding every kind's registry
 * @param source why this directory was chosen, for messages
 */
public record InstanceLocations(Path registryDirectory, Source source) {
    /** The environment variable that overrides the registry directory. */
    public static final String DIRECTORY_VARIABLE = "OCTOPUS_INSTANCES_DIR";
    /** The system-wide registry directory on Linux and macOS. */
    public static final Path UNIX_SYSTEM_DIRECTORY = Path.of("/etc/octopus");
    /** The name of each kind's index file. */
    public static final String INDEX_FILE_NAME = "instances.json";
    /** The directory, beside the index, under which default instance homes are created. */
    public static final String HOMES_DIRECTORY_NAME = "instances";

    /** Why the registry directory is where it is. */
    public enum Source {
        /** Named by {@value InstanceLocations#DIRECTORY_VARIABLE}. */
        ENVIRONMENT_VARIABLE,
        /** The machine-wide location: Windows, or root on Linux and macOS. */
        SYSTEM,
        /** The per-user location of a user other than root. */
        USER,
        /** Given directly by the program. */
        EXPLICIT
    }

    public InstanceLocations {
        Objects.requireNonNull(registryDirectory, "registryDirectory");
        Objects.requireNonNull(source, "source");
        registryDirectory = registryDirectory.toAbsolutePath().normalize();
    }

    /** The locations for this process. */
    public static InstanceLocations current() {
        return resolve(HostEnvironment.current());
    }

    /** A registry in this directory, regardless of the environment. */
    public static InstanceLocations at(Path registryDirectory) {
        return new InstanceLocations(registryDirectory, Source.EXPLICIT);
    }

    /**
     * The locations for the given environment.
     *
     * @throws IllegalArgumentException when {@value #DIRECTORY_VARIABLE} is set to a relative or invalid path
     */
    public static InstanceLocations resolve(HostEnvironment environment) {
        var override = environment.variable(DIRECTORY_VARIABLE);
        if (override.isPresent()) {
            return new InstanceLocations(overrideDirectory(override.get()), Source.ENVIRONMENT_VARIABLE);
        }
        if (environment.operatingSystem().isWindows()) {
            String programData = environment.variable("ProgramData").orElse("C:\\ProgramData");
            return new InstanceLocations(Path.of(programData).resolve("Octopus"), Source.SYSTEM);
        }
        if (environment.isRoot()) {
            return new InstanceLocations(UNIX_SYSTEM_DIRECTORY, Source.SYSTEM);
        }
        Path configHome = environment.variable("XDG_CONFIG_HOME")
                .map(InstanceLocations::pathOrNull)
                .filter(path -> path != null && path.isAbsolute())
                .orElse(environment.userHome().resolve(".config"));
        return new InstanceLocations(configHome.resolve("octopus"), Source.USER);
    }

    /** The directory of one kind's registry, such as {@code /etc/octopus/Tentacle}. */
    public Path kindDirectory(ApplicationKind kind) {
        return registryDirectory.resolve(kind.directoryName());
    }

    /** The index file of one kind, such as {@code /etc/octopus/Tentacle/instances.json}. */
    public Path indexFile(ApplicationKind kind) {
        return kindDirectory(kind).resolve(INDEX_FILE_NAME);
    }

    /**
     * The default home directory of an instance: {@code REGISTRY/KIND/instances/NAME}.
     *
     * @throws IllegalArgumentException when the name is not a valid instance name
     */
    public Path defaultHomeDirectory(ApplicationKind kind, String instanceName) {
        InstanceName.problem(instanceName).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return kindDirectory(kind).resolve(HOMES_DIRECTORY_NAME).resolve(instanceName);
    }

    /** The default configuration file of an instance: {@code REGISTRY/KIND/instances/NAME/Tentacle.config.json}. */
    public Path defaultConfigFile(ApplicationKind kind, String instanceName) {
        return kind.configFileIn(defaultHomeDirectory(kind, instanceName));
    }

    /** The registry directory and why it was chosen, for messages. */
    public String describe() {
        return registryDirectory + switch (source) {
            case ENVIRONMENT_VARIABLE -> " (set by " + DIRECTORY_VARIABLE + ")";
            case SYSTEM -> " (the machine-wide registry)";
            case USER -> " (the per-user registry; instances set up as root are registered in " + UNIX_SYSTEM_DIRECTORY
                    + ": run the command with sudo to use those)";
            case EXPLICIT -> "";
        };
    }

    private static Path overrideDirectory(String value) {
        Path path = pathOrNull(value);
        if (path == null || !path.isAbsolute()) {
            throw new IllegalArgumentException(DIRECTORY_VARIABLE + " is set to '" + value + "', which is not an"
                    + " absolute path. Set it to the full path of the directory that should hold the instance registry,"
                    + " such as /srv/octopus, or unset it to use the default location.");
        }
        return path;
    }

    private static Path pathOrNull(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
