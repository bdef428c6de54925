package dev.tentacle.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {
    @TempDir
    Path directory;

    @Test
    void collectsBothOutputsAndTheExitCode() {
        Processes.Result result = Processes.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), directory,
                Map.of(), Duration.ofSeconds(30));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThatThrownBy(() -> result.requireSuccess("testing"))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("sh -c echo out; echo err >&2; exit 3 failed (exit code 3) while testing")
                .hasMessageContaining("out\nerr");
    }

    @Test
    void readsLargeOutputOnBothStreamsWithoutBlocking() {
        Processes.Result result = Processes.run(List.of("sh", "-c",
                "i=0; while [ $i -lt 20000 ]; do echo line$i; echo line$i >&2; i=$((i+1)); done"), directory,
                Map.of(), Duration.ofSeconds(60));

        assertThat(result.stdout().lines()).hasSize(20000);
        assertThat(result.stderr().lines()).hasSize(20000);
    }

    @Test
    void setsAndRemovesEnvironmentVariables() {
        var environment = new HashMap<String, String>();
        environment.put("GREETING", "hello");
        environment.put("HOME", null);
        Processes.Result result = Processes.run(List.of("sh", "-c", "echo \"$GREETING ${HOME:-unset}\""), directory,
                environment, Duration.ofSeconds(30));

        assertThat(result.stdout()).isEqualTo("hello unset\n");
    }

    @Test
    void stopsAProgramThatOutlivesItsTimeout() {
        assertThatThrownBy(() -> Processes.run(List.of("sleep", "30"), directory, Map.of(), Duration.ofMillis(300)))
                .isInstanceOf(PackagingException.class).hasMessageContaining("did not finish within 0 s");
    }

    @Test
    void aProgramThatDoesNotExistCannotStart() {
        assertThatThrownBy(() -> Processes.run(List.of("no-such-program-here"), directory, Map.of(),
                Duration.ofSeconds(5))).hasMessageContaining("Cannot start no-such-program-here");
        assertThat(Processes.find("no-such-program-here")).isEmpty();
        assertThat(Processes.find("sh")).isPresent();
    }
}
