package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tentacle check} against an instance set up with the real commands, with and without its agent running. */
class CheckCommandTest {
    static final String SERVER = CertificateFixtures.server().thumbprints().sha256().hex();

    @TempDir
    Path temp;

    CliHarness cli;
    int port;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("registry"));
        port = Ports.freeLoopbackPort();
        cli.ok("create-instance", "--instance", "Web01");
        cli.ok("new-certificate", "--instance", "Web01");
        cli.ok("configure", "--instance", "Web01", "--port", Integer.toString(port), "--trust", SERVER);
    }

    @Test
    void passesWithExitCodeZeroWhileTheAgentRuns() throws Exception {
        try (RunningTentacle running = RunningTentacle.start(cli, "--instance", "Web01")) {
            var result = cli.run("check", "--instance", "Web01", "--timeout", "2");

            assertThat(result.exitCode()).as(result.out()).isZero();
            assertThat(result.out()).contains("Checks of the Tentacle instance 'Web01':", "PASSED   Listening port: " + port,
                    "held by this Tentacle's agent", "6 checks: 6 passed, 0 with a warning, 0 failed.");
            running.stop();
        }
    }

    @Test
    void failsWithExitCodeOneAndSaysWhatToDoWhenTheAgentIsNotRunning() {
        var result = cli.run("check", "--instance", "Web01", "--timeout", "2", "--format", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
        JsonNode json = result.json();
        assertThat(json.get("instance").asText()).isEqualTo("Web01");
        assertThat(json.get("allPassed").asBoolean()).isFalse();
        assertThat(json.get("summary").get("failed").asInt()).isEqualTo(1);
        JsonNode welcome = StreamSupport.stream(json.get("checks").spliterator(), false)
                .filter(c -> c.get("check").asText().equals("WELCOME_PAGE")).findFirst().orElseThrow();
        assertThat(welcome.get("status").asText()).isEqualTo("FAILED");
        assertThat(welcome.get("name").asText()).isEqualTo("Welcome page: https://localhost:" + port + "/");
        assertThat(welcome.get("advice").asText()).contains("tentacle service --instance Web01 --start");
        assertThat(json.get("checks").get(0).get("advice").isNull()).isTrue();
    }

    @Test
    void textSaysWhatToDoUnderEachProblem() {
        var result = cli.run("check", "--instance", "Web01", "--timeout", "2");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAILED   Welcome page", "What to do: Start it: tentacle service --instance Web01 --start",
                "1 with a warning, 1 failed.");
    }

    @Test
    void anUnknownInstanceIsAnErrorNotAReport() {
        var result = cli.run("check", "--instance", "Nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("No Tentacle instance named 'Nope'");
    }

    @Test
    void refusesATimeoutOutOfRange() {
        var result = cli.run("check", "--instance", "Web01", "--timeout", "0");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--timeout must be between 1 and 300 seconds");
    }
}
