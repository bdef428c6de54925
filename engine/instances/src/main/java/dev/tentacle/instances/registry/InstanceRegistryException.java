package dev.tentacle.instances.registry;

/**
 * An instance could not be found, created or deleted. The message says why and which command fixes it;
 * {@link #reason()} is for programs.
 */
public class InstanceRegistryException extends RuntimeException {
    /** What went wrong. */
    public enum Reason {
        /** No instance has the name. */
        NOT_FOUND,
        /** An instance with the name, ignoring case, already exists. */
        ALREADY_EXISTS,
        /** Another instance already uses the configuration file. */
        CONFIG_FILE_IN_USE,
        /** The name breaks the naming rules. */
        INVALID_NAME
    }

    private final Reason reason;
    private final String instanceName;

    public InstanceRegistryException(Reason reason, String instanceName, String message) {
        super(message);
        this.reason = reason;
        this.instanceName = instanceName;
    }

    public Reason reason() {
        return reason;
    }

    /** The name the failed operation was given. */
    public String instanceName() {
        return instanceName;
    }
}
