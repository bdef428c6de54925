package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutableSearchPathTest {
    @TempDir
    Path temp;

    private Path file(Path directory, String name, String permissions) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.writeString(directory.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void theFirstDirectoryWithAnExecutableWins() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        file(first, "tool", "rw-r--r--");
        Path executable = file(second, "tool", "rwxr-xr-x");
        Path third = temp.resolve("third");
        file(third, "tool", "rwxr-xr-x");

        assertThat(ExecutableSearchPath.of(first, second, third).find("tool")).contains(executable);
    }

    @Test
    void prependedDirectoriesAreSearchedFirst() throws IOException {
        Path later = temp.resolve("later");
        file(later, "tool", "rwxr-xr-x");
        Path front = temp.resolve("front");
        Path preferred = file(front, "tool", "rwxr-xr-x");

        ExecutableSearchPath path = ExecutableSearchPath.of(later).prepend(front);

        assertThat(path.find("tool")).contains(preferred);
        assertThat(path.toPathVariable()).isEqualTo(front + File.pathSeparator + later);
    }

    @Test
    void aPathIsUsedAsItIsAndNotSearched() throws IOException {
        Path tool = file(temp.resolve("somewhere"), "tool", "rwxr-xr-x");

        assertThat(ExecutableSearchPath.of().find(tool.toString())).contains(tool);
        assertThat(ExecutableSearchPath.of().find(temp.resolve("missing").toString())).isEmpty();
    }

    @Test
    void windowsExtensionsAreTriedForANameWithoutOne() throws IOException {
        Path exe = file(temp, "sc.exe", "rwxr-xr-x");
        ExecutableSearchPath windowsLike = new ExecutableSearchPath(List.of(temp), List.of(".COM", ".EXE"));

        assertThat(windowsLike.find("sc")).contains(exe);
        assertThat(windowsLike.find("sc.exe")).contains(exe);
    }

    @Test
    void theEnvironmentsPathIsRead() {
        assertThat(ExecutableSearchPath.fromEnvironment().find("sh")).isPresent();
    }
}
