package dev.tentacle.desktop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherScriptTest {
    @TempDir
    Path temp;

    @Test
    void runsTheScriptWithoutADisplayAndReportsWhatItSaidAndItsExitCode() throws Exception {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "a shell script");
        Path script = Files.writeString(temp.resolve("app"), """
                #!/bin/sh
                echo "display=${DISPLAY:-none} wayland=${WAYLAND_DISPLAY:-none}"
                echo "to stderr" >&2
                exit 3
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        LauncherScript.Run run = new LauncherScript(script).runWithoutDisplay();

        assertThat(run.exitValue()).isEqualTo(3);
        assertThat(run.output()).contains("display=none wayland=none", "to stderr");
    }
}
