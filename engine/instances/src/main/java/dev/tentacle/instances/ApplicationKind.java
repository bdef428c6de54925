package dev.tentacle.instances;

import java.nio.file.Path;

/**
 * Which product an instance belongs to. Each kind has its own part of the registry, so a Tentacle and an Octopus
 * Server on one machine may both have an instance named "Default"; and its OS service is named as Octopus Deploy
 * names it: the default instance {@code OctopusDeploy Tentacle} (or {@code OctopusDeploy}), any other
 * {@code OctopusDeploy Tentacle: NAME} (or {@code OctopusDeploy: NAME}).
 */
public enum ApplicationKind {
    TENTACLE("Tentacle", "Tentacle", "tentacle", "Tentacle.config.json", "OctopusDeploy Tentacle"),
    SERVER("Octopus Server", "OctopusServer", "octopus-server", "OctopusServer.config.json", "OctopusDeploy");

    private final String displayName;
    private final String defaultInstanceName;
    private final String commandName;
    private final String configFileName;
    private final String serviceNamePrefix;

    ApplicationKind(String displayName, String defaultInstanceName, String commandName, String configFileName,
            String serviceNamePrefix) {
        this.displayName = displayName;
        this.defaultInstanceName = defaultInstanceName;
        this.commandName = commandName;
        this.configFileName = configFileName;
        this.serviceNamePrefix = serviceNamePrefix;
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

    /** The OS service's name and display name, e.g. {@code OctopusDeploy Tentacle: Web01}. */
    public String serviceDisplayName(String instanceName) {
        return instanceName.equals(defaultInstanceName) ? serviceNamePrefix : serviceNamePrefix + ": " + instanceName;
    }

    /** The prefix of an instance's systemd unit name: {@code tentacle-} or {@code octopus-server-}. */
    public String unitNamePrefix() {
        return commandName + "-";
    }
}
