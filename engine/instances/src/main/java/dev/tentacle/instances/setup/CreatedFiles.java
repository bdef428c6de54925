package dev.tentacle.instances.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files a setup creates for an instance's home directory, noted before it creates any, so that a rollback removes
 * exactly those: the topmost directory the setup creates, or, when the home directory existed already, only what was
 * added to it (what it held before is kept).
 */
public final class CreatedFiles {
    private final Path home;
    private final Path createdDirectory;
    private final Set<Path> homeEntriesBefore;

    private CreatedFiles(Path home, Path createdDirectory, Set<Path> homeEntriesBefore) {
        this.home = home;
        this.createdDirectory = createdDirectory;
        this.homeEntriesBefore = homeEntriesBefore;
    }

    /**
     * Notes which directory the setup will create, or what an existing home directory holds already.
     *
     * @param registryIndexFile the instance registry's index: never removed, since other instances may be registered
     *     in it by the time of a rollback
     */
    public static CreatedFiles before(Path home, Path registryIndexFile) {
        if (Files.isDirectory(home)) {
            try (Stream<Path> entries = Files.list(home)) {
                return new CreatedFiles(home, null, entries.collect(Collectors.toSet()));
            } catch (IOException e) {
                return new CreatedFiles(home, null, null); // nothing of it will be removed
            }
        }
        Path topmostMissing = home;
        while (topmostMissing.getParent() != null && !Files.exists(topmostMissing.getParent())) {
            topmostMissing = topmostMissing.getParent();
        }
        return new CreatedFiles(home, registryIndexFile.startsWith(topmostMissing) ? home : topmostMissing, null);
    }

    /** Whether a rollback has anything to remove. */
    public boolean removable() {
        return createdDirectory != null || homeEntriesBefore != null;
    }

    /** The directory the setup creates, when the home directory did not exist. */
    public Optional<Path> createdDirectory() {
        return Optional.ofNullable(createdDirectory);
    }

    /** What removes the files by hand: "delete DIRECTORY" or "delete the new files in HOME". */
    public String manualCommand() {
        return "delete " + (createdDirectory != null ? createdDirectory : "the new files in " + home);
    }

    /**
     * Removes what the setup created.
     *
     * @param whatItHeld appended to "Deleted DIRECTORY" when the setup created the directory, such as
     *     " (configuration, certificate)"; may be empty
     * @return what was removed
     */
    public String remove(String whatItHeld) throws IOException {
        if (createdDirectory != null) {
            deleteTree(createdDirectory);
            return "Deleted " + createdDirectory + whatItHeld + ".";
        }
        if (homeEntriesBefore == null) {
            return "The setup had added no files.";
        }
        List<Path> added;
        try (Stream<Path> entries = Files.list(home)) {
            added = entries.filter(p -> !homeEntriesBefore.contains(p)).toList();
        }
        for (Path path : added) {
            deleteTree(path);
        }
        return added.isEmpty() ? "The setup had added no files." : "Deleted " + added.stream()
                .map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", ")) + " from " + home
                + "; what it held before is kept.";
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
