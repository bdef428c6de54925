package dev.tentacle.desktop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A manager's bash launcher in the repository's {@code bin/} (beside the module the tests run in), run as a user
 * without a graphical desktop would run it. Tests that need it are skipped on Windows and where it is missing.
 *
 * @param path the script
 */
public record LauncherScript(Path path) {
    /** What the script printed (standard output and error together) and its exit code. */
    public record Run(int exitValue, String output) {
    }

    /** {@code bin/NAME} beside this module; skips the test on Windows or when it is not there and executable. */
    public static LauncherScript beside(String name) {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "bin/" + name + " is a bash script");
        Path launcher = Path.of("..", "bin", name).toAbsolutePath().normalize();
        assumeTrue(Files.isExecutable(launcher), "bin/" + name + " is not beside this module");
        return new LauncherScript(launcher);
    }

    /** Runs the script with neither {@code DISPLAY} nor {@code WAYLAND_DISPLAY} set; it must end within a minute. */
    public Run runWithoutDisplay() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(path.toString()).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.exitValue(), output);
    }
}
