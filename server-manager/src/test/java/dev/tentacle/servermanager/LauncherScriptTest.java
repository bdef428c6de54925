package dev.tentacle.servermanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tentacle.desktop.testing.LauncherScript;
import java.nio.file.Files;
import java.nio.file.Path;
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
        LauncherScript.Run run = LauncherScript.beside("server-manager").runWithoutDisplay();

        assertThat(run.exitValue()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Octopus Server Manager needs a graphical desktop", "bin/octopus-server help")
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
