package dev.tentacle.manager.wizard.install;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.OperatingSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a directory the user chose can hold a new Tentacle's files: a full path that is a writable directory, or
 * that can be created because its nearest existing parent is a writable directory. A home directory must not hold
 * another Tentacle's configuration file, which {@code create-instance} would adopt as it is.
 */
public final class DirectoryCheck {
    private DirectoryCheck() {
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

    /** What is wrong with the home directory, or empty. */
    public static Optional<String> homeProblem(String text, OperatingSystem os) {
        Optional<String> problem = problem(text, "home directory", os);
        if (problem.isPresent()) {
            return problem;
        }
        Path configFile = ApplicationKind.TENTACLE.configFileIn(parse(text).orElseThrow());
        if (Files.exists(configFile)) {
            return Optional.of(configFile.getParent() + " already holds a Tentacle's configuration ("
                    + configFile.getFileName() + "), which belongs to a Tentacle set up before. Choose a new or empty"
                    + " directory; to use that Tentacle again, register it with: tentacle create-instance --instance"
                    + " NAME --config " + configFile);
        }
        return Optional.empty();
    }

    /** What is wrong with the application directory, or empty. */
    public static Optional<String> applicationsProblem(String text, OperatingSystem os) {
        return problem(text, "application directory", os);
    }

    private static Optional<String> problem(String text, String what, OperatingSystem os) {
        String example = os.isWindows() ? "C:\\Octopus\\Tentacle" : "/opt/octopus/tentacle";
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
                    + System.getProperty("user.name") + "). Choose a directory you can write to, or start the Tentacle"
                    + " Manager as " + (os.isWindows() ? "an administrator" : "root") + ".");
        }
        return Optional.empty();
    }
}
