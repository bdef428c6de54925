package dev.tentacle.instances.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A configuration file could not be read or written. The message names the file, says what is wrong and what to do;
 * {@link #reason()} lets a command turn the failure into an exit code without reading the message.
 */
public class ConfigurationException extends RuntimeException {
    /** What went wrong, for programs; people read the message. */
    public enum Reason {
        /** The file does not exist. */
        MISSING,
        /** The file exists but holds nothing, or only white space. */
        EMPTY,
        /** The JSON stops before its end: the file was cut short. */
        TRUNCATED,
        /** The text is not well-formed JSON. */
        INVALID_JSON,
        /** A value has the wrong JSON type, such as text where a number belongs. */
        WRONG_TYPE,
        /** A value has the right type but is not acceptable, such as port 70000. */
        INVALID_VALUE,
        /** The file was written by a newer version, in a format this version does not know. */
        NEWER_VERSION,
        /** The file cannot be read: permissions, a directory in its place, an I/O error. */
        UNREADABLE,
        /** The file could not be written; the previous version is unchanged. */
        WRITE_FAILED
    }

    private final transient Path file;
    private final Reason reason;

    public ConfigurationException(Path file, Reason reason, String message) {
        this(file, reason, message, null);
    }

    public ConfigurationException(Path file, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The file the problem is in. */
    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
