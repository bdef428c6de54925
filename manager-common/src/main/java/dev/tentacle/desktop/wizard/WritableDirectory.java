package dev.tentacle.desktop.wizard;

import dev.tentacle.instances.registry.OperatingSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a directory the user typed can hold what a wizard installs: a full path that is a writable directory, or
 * that can be created because its nearest existing parent is a writable directory.
 *
 * @param os decides the example path and who may write anywhere (root, or an administrator)
 * @param example a full path to show as an example, such as {@code /opt/octopus/tentacle}
 * @param appName the app, for "start APP as root"
 */
public record WritableDirectory(OperatingSystem os, String example, String appName) {
    public WritableDirectory {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(appName, "appName");
    }

    /** The path, when the text is a valid absolute one. */
    public static Optional<Path> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(text.strip());
            return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * What is wrong with the directory, or empty when it can be used.
     *
     * @param what the directory's role, for the message: "home directory"
     */
    public Optional<String> problem(String text, String what) {
        if (text == null || text.isBlank()) {
            return Optional.of("Give the " + what + ": a full path, such as " + example + ".");
        }
        Path path;
        try {
            path = Path.of(text.strip());
        } catch (InvalidPathException e) {
            return Optional.of("'" + text.strip() + "' is not a valid path (" + e.getReason() + "). Give a full path,"
                    + " such as " + example + ".");
        }
        if (!path.isAbsolute()) {
            return Optional.of("The " + what + " must be a full path, such as " + example + ", not '" + text.strip()
                    + "'.");
        }
        path = path.normalize();
        if (Files.exists(path)) {
            if (!Files.isDirectory(path)) {
                return Optional.of(path + " is a file, not a directory. Choose a directory.");
            }
            if (!Files.isWritable(path)) {
                return Optional.of("This app cannot write to " + path + " (it runs as " + System.getProperty("user.name")
                        + "). Choose another directory, or fix its permissions.");
            }
            return Optional.empty();
        }
        Path parent = path.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null) {
            return Optional.of(path + " cannot be created: none of its parent directories exists.");
        }
        if (!Files.isDirectory(parent)) {
            return Optional.of(path + " cannot be created: " + parent + " is a file, not a directory.");
        }
        if (!Files.isWritable(parent)) {
            return Optional.of(path + " cannot be created: this app cannot write to " + parent + " (it runs as "
                    + System.getProperty("user.name") + "). Choose a directory you can write to, or start the "
                    + appName + " as " + (os.isWindows() ? "an administrator" : "root") + ".");
        }
        return Optional.empty();
    }
}
