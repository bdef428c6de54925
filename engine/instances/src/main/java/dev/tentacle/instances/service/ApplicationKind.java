package dev.tentacle.instances.service;

/**
 * Which product an instance belongs to. It decides the names of the instance's OS service, which follow Octopus
 * Deploy's: the default instance is {@code OctopusDeploy Tentacle} (or {@code OctopusDeploy}), any other is
 * {@code OctopusDeploy Tentacle: NAME} (or {@code OctopusDeploy: NAME}), so users find the service where the
 * original product's documentation says it is.
 */
public enum ApplicationKind {
    TENTACLE("Tentacle", "OctopusDeploy Tentacle", "Tentacle", "tentacle"),
    OCTOPUS_SERVER("Octopus Server", "OctopusDeploy", "OctopusServer", "octopus-server");

    private final String productName;
    private final String serviceNamePrefix;
    private final String defaultInstanceName;
    private final String command;

    ApplicationKind(String productName, String serviceNamePrefix, String defaultInstanceName, String command) {
        this.productName = productName;
        this.serviceNamePrefix = serviceNamePrefix;
        this.defaultInstanceName = defaultInstanceName;
        this.command = command;
    }

    /** For people: "Tentacle" or "Octopus Server". */
    public String productName() {
        return productName;
    }

    /** The instance that {@code --instance} selects when it is not given, as in Octopus. */
    public String defaultInstanceName() {
        return defaultInstanceName;
    }

    /** The command-line program, used in advice such as "run {@code tentacle run --instance NAME}". */
    public String command() {
        return command;
    }

    /** The service's name and display name, e.g. {@code OctopusDeploy Tentacle: Web01}. */
    public String serviceDisplayName(String instanceName) {
        return instanceName.equals(defaultInstanceName) ? serviceNamePrefix : serviceNamePrefix + ": " + instanceName;
    }

    /** The prefix of the instance's systemd unit name, e.g. {@code tentacle-} or {@code octopus-server-}. */
    String unitNamePrefix() {
        return command + "-";
    }
}
