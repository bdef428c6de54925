package dev.tentacle.servermanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/server-manager} without a display says what to do instead of building and failing in JavaFX; the script
 * hands the app the octopus-server launcher for the services it installs. (Its build and start are the same as
 * {@code bin/octopus-server}'s; starting a window needs a display, which these tests do not have.)
 */
class LauncherScriptTest {
    static final Path LAUNCHER = Path.of("..", "bin", "server-manager").toAbsolutePath().normalize();

    @Test
    void withoutADisplayItSaysHowToRunItInsteadOfBuilding() throws Exception {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "bin/server-manager is a bash script");
        assumeTrue(Files.isExecutable(LAUNCHER), "bin/server-manager is not beside this module");

        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString()).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("Octopus Server Manager needs a graphical desktop", "bin/octopus-server help")
                .doesNotContain("Building");
    }

    @Test
    void servicesItInstallsRunTheOctopusServerLauncherUnlessOneIsGiven() throws Exception {
        assumeTrue(Files.isRegularFile(LAUNCHER), "bin/server-manager is not beside this module");
        String script = Files.readString(LAUNCHER);

        assertThat(script).contains("export OCTOPUS_SERVER_LAUNCHER=\"${OCTOPUS_SERVER_LAUNCHER:-$root/bin/octopus-server}\"")
                .contains("dev.tentacle.servermanager.Launcher");
        assertThat(LAUNCHER.resolveSibling("octopus-server")).isExecutable();
    }
}
