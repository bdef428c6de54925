package dev.tentacle.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart end to end, as README command one runs it: real command-line processes, a real server on H2, a
 * listening and a polling Tentacle. Then stop, start, restart and delete on what it left.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class QuickstartTest {

    @TempDir
    Path parent;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run quickstart(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = QuickstartCli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void setsUpChecksAndRunsAScriptOnAListeningAndAPollingTentacleThenCleansUp() {
        Path dir = parent.resolve("qs");

        Run up = quickstart("--dir", dir.toString(), "--stop-when-done");

        assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
        assertThat(up.out())
                .contains("$ octopus-server create-instance --instance Quickstart-Server")
                .contains("$ tentacle register-with --instance Quickstart-Listening")
                .contains("$ tentacle register-with --instance Quickstart-Polling");
        assertThat(up.out().lines().filter(line -> line.contains("HEALTHY") && !line.contains("UNHEALTHY")))
                .anySatisfy(line -> assertThat(line).contains("Quickstart-Listening"))
                .anySatisfy(line -> assertThat(line).contains("Quickstart-Polling"));
        assertThat(up.out().lines().filter(line -> line.contains("Hello from "))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(up.out()).contains("bin/quickstart delete --dir");
        assertThat(dir.resolve(QuickstartLayout.FILE_NAME)).isRegularFile();

        Run start = quickstart("start", "--dir", dir.toString());
        assertThat(start.exitCode()).as(start.out() + start.err()).isZero();
        Run restart = quickstart("restart", "--dir", dir.toString());
        assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
        assertThat(restart.out()).contains("Quickstart-Server stopped");

        Run delete = quickstart("delete", "--dir", dir.toString());
        assertThat(delete.exitCode()).as(delete.out() + delete.err()).isZero();
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void refusesADirectoryThatIsNotEmpty() throws Exception {
        Files.writeString(parent.resolve("something.txt"), "mine");

        Run run = quickstart("--dir", parent.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not empty").contains("bin/quickstart delete --dir");
        assertThat(parent.resolve("something.txt")).hasContent("mine");
    }

    @Test
    void stopSaysWhenThereIsNoQuickstart() {
        Run run = quickstart("stop", "--dir", parent.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("There is no quickstart in").contains("--dir");
    }
}
