package dev.tentacle.manager.wizard.install;

import dev.tentacle.desktop.wizard.WritableDirectory;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.OperatingSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a directory the user chose can hold a new Tentacle's files: a full path that is a writable directory, or
 * that can be created because its nearest existing parent is a writable directory ({@link WritableDirectory}). A home
 * directory must not hold another Tentacle's configuration file, which {@code create-instance} would adopt as it is.
 */
public final class DirectoryCheck {
    private DirectoryCheck() {
    }

    /** The path, when the text is a valid absolute one. */
    public static Optional<Path> parse(String text) {
        return WritableDirectory.parse(text);
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
        return new WritableDirectory(os, example, "Tentacle Manager").problem(text, what);
    }
}
