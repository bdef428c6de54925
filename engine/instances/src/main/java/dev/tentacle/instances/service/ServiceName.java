package dev.tentacle.instances.service;

import dev.tentacle.instances.ApplicationKind;
import java.util.Objects;

/**
 * Identifies one instance's OS service: the product and the instance name. Two products may both have an instance
 * called {@code Default}; their services differ.
 *
 * @param instanceName the instance's name as the user chose it: spaces and non-ASCII letters are fine; control
 *     characters and leading or trailing spaces are not, because the name ends up in unit files and command lines
 */
public record ServiceName(ApplicationKind kind, String instanceName) {
    /** Longest instance name accepted; each OS adds its own, stricter limits after escaping. */
    public static final int LONGEST_INSTANCE_NAME = 200;

    public ServiceName {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(instanceName, "instanceName");
        if (instanceName.isBlank()) {
            throw new IllegalArgumentException("The instance name is empty: give the name of the " + kind.displayName()
                    + " instance, e.g. --instance " + kind.defaultInstanceName() + ".");
        }
        if (!instanceName.strip().equals(instanceName)) {
            throw new IllegalArgumentException("The instance name \"" + instanceName
                    + "\" starts or ends with a space: remove the surrounding spaces.");
        }
        if (instanceName.length() > LONGEST_INSTANCE_NAME) {
            throw new IllegalArgumentException("The instance name is " + instanceName.length()
                    + " characters long; at most " + LONGEST_INSTANCE_NAME + " are allowed: choose a shorter name.");
        }
        TextRules.requireSingleLine("instance name", instanceName);
    }

    public static ServiceName tentacle(String instanceName) {
        return new ServiceName(ApplicationKind.TENTACLE, instanceName);
    }

    public static ServiceName octopusServer(String instanceName) {
        return new ServiceName(ApplicationKind.SERVER, instanceName);
    }

    /** The Windows service name and display name, e.g. {@code OctopusDeploy Tentacle: Web01}. */
    public String displayName() {
        return kind.serviceDisplayName(instanceName);
    }

    /** How to run this instance without an OS service, for advice in error messages. */
    String foregroundCommand() {
        return kind.commandName() + " run --instance " + CommandLineSyntax.POSIX.quote(instanceName);
    }

    /** How to install this instance's service, for advice in error messages. */
    String installCommand() {
        return kind.commandName() + " service --instance " + CommandLineSyntax.POSIX.quote(instanceName) + " --install";
    }

    /** "Tentacle instance "Web01"", for messages. */
    String describe() {
        return kind.displayName() + " instance \"" + instanceName + "\"";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
