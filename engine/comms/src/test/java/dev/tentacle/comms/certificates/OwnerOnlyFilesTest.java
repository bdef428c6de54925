package dev.tentacle.comms.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {
    @TempDir
    Path directory;

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = directory.resolve("config.json");
        Files.writeString(target, "old");

        OwnerOnlyFiles.writeAtomically(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        assertThat(names(directory)).containsExactly("config.json");
    }

    @Test
    void aFailedRenameLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        Path target = directory.resolve("occupied");
        Files.createDirectories(target.resolve("something-inside"));

        assertThatThrownBy(() -> OwnerOnlyFiles.writeAtomically(target, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);

        assertThat(target).isDirectory();
        assertThat(names(directory)).containsExactly("occupied");
    }

    @Test
    void theFileIsReadableAndWritableByItsOwnerOnly() throws IOException {
        assumeTrue(OwnerOnlyFiles.supportsPosix(directory), "needs POSIX permissions");
        Path target = directory.resolve("config.json");
        Files.writeString(target, "old", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));

        OwnerOnlyFiles.writeAtomically(target, "secret".getBytes(StandardCharsets.UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }

    @Test
    void supportsPosixLooksAtTheNearestExistingDirectory() throws IOException {
        boolean expected = Files.getFileStore(directory).supportsFileAttributeView("posix");

        assertThat(OwnerOnlyFiles.supportsPosix(directory.resolve("not/yet/created.json"))).isEqualTo(expected);
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
