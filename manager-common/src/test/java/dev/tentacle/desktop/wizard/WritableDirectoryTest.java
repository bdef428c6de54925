package dev.tentacle.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.registry.OperatingSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableDirectoryTest {
    @TempDir
    Path root;

    private final WritableDirectory check = new WritableDirectory(OperatingSystem.LINUX, "/opt/app", "Test Manager");

    @Test
    void anExistingOrCreatableDirectoryIsFine() {
        assertThat(check.problem(root.toString(), "home directory")).isEmpty();
        assertThat(check.problem(root.resolve("a/b/c").toString(), "home directory")).isEmpty();
        assertThat(WritableDirectory.parse(" " + root.resolve("x/../y") + " ")).contains(root.resolve("y"));
    }

    @Test
    void eachUnusableDirectorySaysWhatToDo() throws IOException {
        Path file = Files.writeString(root.resolve("file"), "x");

        assertThat(check.problem(" ", "home directory")).contains("Give the home directory: a full path, such as"
                + " /opt/app.");
        assertThat(check.problem("relative", "home directory")).hasValueSatisfying(message ->
                assertThat(message).contains("must be a full path, such as /opt/app, not 'relative'"));
        assertThat(check.problem(file.toString(), "home directory")).hasValueSatisfying(message ->
                assertThat(message).contains("is a file, not a directory"));
        assertThat(check.problem(file.resolve("below").toString(), "home directory")).hasValueSatisfying(message ->
                assertThat(message).contains("cannot be created", file + " is a file"));
        assertThat(check.problem("/nul\0l", "home directory")).hasValueSatisfying(message ->
                assertThat(message).contains("is not a valid path"));
        assertThat(WritableDirectory.parse("relative")).isEmpty();
    }
}
