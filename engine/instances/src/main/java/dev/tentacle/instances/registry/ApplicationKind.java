package dev.tentacle.instances.registry;

import java.nio.file.Path;

/**
 * Which product an instance belongs to. Each kind has its own part of the registry, so a Tentacle and an Octopus
 * Server on one machine may both have an instance named "Default".
 */
public enum ApplicationKind {
    TENTACLE("Tentacle", "Tentacle", "tentacle", "Tentacle.config.json"),
    SERVER("Octopus Server", "OctopusServer", "octopus-server", "OctopusServer.config.json");

    private final String displayName;
    private final String defaultInstanceName;
    private final String commandName;
    private final String configFileName;

    ApplicationKind(String displayName, String defaultInstanceName, String commandName, String configFileName) {
        this.displayName = displayName;
        this.defaultInstanceName = defaultInstanceName;
        this.commandName = commandName;
        this.configFileName = configFileName;
    }

    /** The product's name in messages: "Tentacle", "Octopus Server". */
    public String displayName() {
        return displayName;
    }

    /** The instance used when a command names none: "Tentacle", "OctopusServer". */
    public String defaultInstanceName() {
        return defaultInstanceName;
    }

    /** The command-line program that manages this kind: "tentacle", "octopus-server". */
    public String commandName() {
        return commandName;
    }

    /** The file name of an instance's configuration in its home directory: "Tentacle.config.json". */
    public String configFileName() {
        return configFileName;
    }

    /** The sub-directory of the registry directory that holds this kind's index: "Tentacle", "OctopusServer". */
    public String directoryName() {
        return defaultInstanceName;
    }

    /** The default configuration file of an instance whose home is {@code homeDirectory}. */
    public Path configFileIn(Path homeDirectory) {
        return homeDirectory.resolve(configFileName);
    }
}
