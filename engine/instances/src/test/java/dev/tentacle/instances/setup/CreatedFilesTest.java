package dev.tentacle.instances.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreatedFilesTest {
    @TempDir
    Path root;

    @Test
    void aNewHomeIsRemovedFromTheTopmostDirectoryTheSetupCreated() throws IOException {
        Path home = root.resolve("a/b/home");
        CreatedFiles files = CreatedFiles.before(home, root.resolve("registry/instances.json"));
        Files.createDirectories(home);
        Files.writeString(home.resolve("tentacle.config"), "x");

        assertThat(files.removable()).isTrue();
        assertThat(files.createdDirectory()).contains(root.resolve("a"));
        assertThat(files.manualCommand()).isEqualTo("delete " + root.resolve("a"));
        assertThat(files.remove(" (configuration)")).isEqualTo("Deleted " + root.resolve("a") + " (configuration).");
        assertThat(root.resolve("a")).doesNotExist();
    }

    @Test
    void theRegistrysDirectoryIsNeverRemoved() {
        Path home = root.resolve("shared/home");
        CreatedFiles files = CreatedFiles.before(home, root.resolve("shared/instances.json"));

        assertThat(files.createdDirectory()).contains(home);
    }

    @Test
    void anExistingHomeKeepsWhatItHeld() throws IOException {
        Path home = Files.createDirectories(root.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "mine");
        CreatedFiles files = CreatedFiles.before(home, root.resolve("registry/instances.json"));

        assertThat(files.manualCommand()).isEqualTo("delete the new files in " + home);
        assertThat(files.remove("")).isEqualTo("The setup had added no files.");

        Files.createDirectories(home.resolve("Database"));
        Files.writeString(home.resolve("Database/db.mv.db"), "x");
        Files.writeString(home.resolve("server.config"), "x");

        assertThat(files.remove("")).isEqualTo("Deleted Database, server.config from " + home
                + "; what it held before is kept.");
        assertThat(home.resolve("notes.txt")).exists();
        assertThat(home.resolve("Database")).doesNotExist();
    }
}
