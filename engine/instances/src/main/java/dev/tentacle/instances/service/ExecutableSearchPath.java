package dev.tentacle.instances.service;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The directories searched for a program, like {@code PATH}. Java starts a program found through the JVM's own
 * {@code PATH}, so {@link ProcessCommandRunner} resolves programs here first: that is what lets a test put a fake
 * {@code systemctl} in front of the real one.
 *
 * @param directories searched in order
 * @param windowsExtensions tried after a name without an extension, as Windows' {@code PATHEXT} ({@code .EXE ...});
 *     empty on other systems
 */
public record ExecutableSearchPath(List<Path> directories, List<String> windowsExtensions) {

    public ExecutableSearchPath {
        directories = List.copyOf(directories);
        windowsExtensions = List.copyOf(windowsExtensions);
    }

    /** This process's {@code PATH} (and {@code PATHEXT} on Windows). */
    public static ExecutableSearchPath fromEnvironment() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> extensions = windows
                ? List.of(Objects.requireNonNullElse(System.getenv("PATHEXT"), ".COM;.EXE;.BAT;.CMD").split(";"))
                : List.of();
        return new ExecutableSearchPath(parse(Objects.requireNonNullElse(System.getenv("PATH"), "")), extensions);
    }

    public static ExecutableSearchPath of(Path... directories) {
        return new ExecutableSearchPath(List.of(directories), List.of());
    }

    private static List<Path> parse(String pathVariable) {
        List<Path> parsed = new ArrayList<>();
        for (String entry : pathVariable.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                parsed.add(Path.of(entry));
            } catch (InvalidPathException ignored) {
                // A malformed PATH entry cannot hold a program; the shell skips it too.
            }
        }
        return parsed;
    }

    /** This search path with {@code directory} searched first. */
    public ExecutableSearchPath prepend(Path directory) {
        List<Path> extended = new ArrayList<>();
        extended.add(directory);
        extended.addAll(directories);
        return new ExecutableSearchPath(extended, windowsExtensions);
    }

    /**
     * The executable file for {@code program}: the program itself if it is a path (contains a separator), otherwise
     * the first match in the directories.
     */
    public Optional<Path> find(String program) {
        if (program.contains("/") || program.contains(File.separator)) {
            Path path = Path.of(program);
            return isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (Path directory : directories) {
            for (String candidate : candidateNames(program)) {
                Path path = directory.resolve(candidate);
                if (isExecutable(path)) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    private List<String> candidateNames(String program) {
        List<String> names = new ArrayList<>();
        names.add(program);
        if (!program.contains(".")) {
            for (String extension : windowsExtensions) {
                names.add(program + extension.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    /** The directories in {@code PATH} syntax, for a child process's environment. */
    public String toPathVariable() {
        return directories.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    @Override
    public String toString() {
        return toPathVariable();
    }
}
