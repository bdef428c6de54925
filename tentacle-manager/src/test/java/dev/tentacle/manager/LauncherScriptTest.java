package dev.tentacle.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/tentacle-manager} without a display says what to do instead of building and failing in JavaFX. (Its
 * build and start are the same as {@code bin/tentacle}'s, which engine/tentacle's LauncherTest covers; starting a
 * window needs a display, which these tests do not have.)
 */
class LauncherScriptTest {

    @Test
    void withoutADisplayItSaysHowToRunItInsteadOfBuilding() throws Exception {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "bin/tentacle-manager is a bash script");
        Path launcher = Path.of("..", "bin", "tentacle-manager").toAbsolutePath().normalize();
        assumeTrue(Files.isExecutable(launcher), "bin/tentacle-manager is not beside this module");

        ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("needs a graphical desktop", "bin/tentacle help").doesNotContain("Building");
    }
}
