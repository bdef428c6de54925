package dev.tentacle.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code machine-policy list} and {@code set}, and machines that name a policy. */
class MachinePolicyCommandsTest {
    @TempDir
    Path temp;

    private ServerCliHarness cli;

    @BeforeEach
    void serverInstance() {
        cli = new ServerCliHarness(temp.resolve("registry"));
        assertThat(cli.run("create-instance", "--home", temp.resolve("home").toString()).exitCode()).isZero();
    }

    @Test
    void listsTheBuiltInPolicyWithOctopussDefaults() {
        var listed = cli.run("machine-policy", "list");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("Default Machine Policy (built in): health check every 1 h; RPC retries on, for 2 min 30 s");
        var json = cli.run("machine-policy", "list", "--format", "json").json().get("policies").get(0);
        assertThat(json.get("rpcRetryDurationSeconds").asLong()).isEqualTo(150);
        assertThat(json.get("healthCheckIntervalSeconds").asLong()).isEqualTo(3600);
    }

    @Test
    void createsAPolicyThenChangesOnlyWhatIsGiven() {
        var created = cli.run("machine-policy", "set", "--name", "Flaky network", "--rpc-retry-duration", "10m",
                "--health-check-interval", "15m");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created Flaky network: health check every 15 min; RPC retries on, for 10 min");

        var changed = cli.run("machine-policy", "set", "--name", "flaky NETWORK", "--rpc-retry", "false", "--format", "json");

        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(changed.json().get("rpcRetryEnabled").asBoolean()).isFalse();
        assertThat(changed.json().get("healthCheckIntervalSeconds").asLong()).isEqualTo(900);
        assertThat(cli.run("machine-policy", "list").out()).contains("Flaky network: health check every 15 min; RPC retries off");
    }

    @Test
    void aMachineCanNameThePolicy() {
        cli.run("machine-policy", "set", "--name", "No retries", "--rpc-retry", "false");

        var added = cli.run("machine", "add-listening", "--name", "web01", "--url", "https://web01:10933",
                "--thumbprint", "A".repeat(40), "--policy", "No retries");

        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    @Test
    void badValuesAreRefusedWithTheAcceptedForms() {
        var badDuration = cli.run("machine-policy", "set", "--name", "P", "--rpc-retry-duration", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(1);
        assertThat(badDuration.err()).contains("'soon' is not a duration").contains("2m30s");

        var tooOften = cli.run("machine-policy", "set", "--name", "P", "--health-check-interval", "10s");
        assertThat(tooOften.exitCode()).isEqualTo(1);
        assertThat(tooOften.err()).contains("between 1 minute and 31 days");

        var notBoolean = cli.run("machine-policy", "set", "--name", "P", "--rpc-retry", "maybe");
        assertThat(notBoolean.exitCode()).isEqualTo(1);
        assertThat(notBoolean.err()).contains("'maybe' is not true or false");
    }
}
