package dev.tentacle.manager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.testing.LauncherScript;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/tentacle-manager} without a display says what to do instead of building and failing in JavaFX. (Its
 * build and start are the same as {@code bin/tentacle}'s, which engine/tentacle's LauncherTest covers; starting a
 * window needs a display, which these tests do not have.)
 */
class LauncherScriptTest {

    @Test
    void withoutADisplayItSaysHowToRunItInsteadOfBuilding() throws Exception {
        LauncherScript.Run run = LauncherScript.beside("tentacle-manager").runWithoutDisplay();

        assertThat(run.exitValue()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("needs a graphical desktop", "bin/tentacle help").doesNotContain("Building");
    }
}
