package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollServerCommandTest {
    static final String SERVER = "5A3E6D1B7C0F9E8D2A4B6C8E0F1A3B5C7D9E2F4A6B8C0D1E3F5A7B9C2D4E6F80";

    @TempDir
    Path temp;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("registry"));
        cli.ok("create-instance", "--instance", "Poller");
    }

    JsonNode pollingEntry() {
        JsonNode servers = cli.ok("show-configuration", "--instance", "Poller", "--format", "json").json().get("trustedServers");
        assertThat(servers).hasSize(1);
        return servers.get(0);
    }

    @Test
    void addsAPollingServerWithAGeneratedSubscriptionId() {
        var result = cli.ok("poll-server", "--instance", "Poller", "--server-comms-address", "octopus.example.com",
                "--thumbprint", SERVER);

        JsonNode entry = pollingEntry();
        String id = entry.get("subscriptionId").asText();
        assertThat(id).matches("[a-z0-9]{20}");
        assertThat(entry.get("communicationStyle").asText()).isEqualTo("POLLING");
        assertThat(entry.get("address").asText()).isEqualTo("https://octopus.example.com:10943/");
        assertThat(result.out()).contains("will poll https://octopus.example.com:10943/", "poll://" + id + "/",
                "Generated the subscription id " + id, "still listens on port 10933", "configure --noListen true");
    }

    @Test
    void takesAFullAddressAndAGivenSubscriptionId() {
        var json = cli.ok("poll-server", "--instance", "Poller", "--server-comms-address", "https://octopus:10950/",
                "--thumbprint", SERVER, "--subscription-id", "Web01-Poll", "--format", "json").json();

        assertThat(json.get("address").asText()).isEqualTo("https://octopus:10950/");
        assertThat(json.get("subscriptionId").asText()).isEqualTo("web01-poll");
        assertThat(json.get("pollingUri").asText()).isEqualTo("poll://web01-poll/");
        assertThat(json.get("subscriptionIdGenerated").asBoolean()).isFalse();
        assertThat(json.get("listening").asBoolean()).isTrue();
        assertThat(pollingEntry().get("subscriptionId").asText()).isEqualTo("web01-poll");
    }

    @Test
    void takesThePortSeparately() {
        cli.ok("poll-server", "--instance", "Poller", "--server-comms-address", "octopus", "--server-comms-port", "443",
                "--thumbprint", SERVER);

        assertThat(pollingEntry().get("address").asText()).isEqualTo("https://octopus:443/");
    }

    @Test
    void runningAgainKeepsTheSubscriptionId() {
        String first = cli.ok("poll-server", "--instance", "Poller", "--server-comms-address", "octopus", "--thumbprint",
                SERVER, "--format", "json").json().get("subscriptionId").asText();

        var again = cli.ok("poll-server", "--instance", "Poller", "--server-comms-address", "https://octopus:10943/",
                "--thumbprint", SERVER, "--format", "json").json();

        assertThat(again.get("subscriptionId").asText()).isEqualTo(first);
        assertThat(again.get("subscriptionIdGenerated").asBoolean()).isFalse();
        assertThat(pollingEntry().get("subscriptionId").asText()).isEqualTo(first);
    }

    @Test
    void saysWhenTheTentacleDoesNotListen() {
        cli.ok("configure", "--instance", "Poller", "--noListen", "true");

        var result = cli.ok("poll-server", "--instance", "Poller", "--server-comms-address", "octopus", "--thumbprint",
                SERVER);

        assertThat(result.out()).contains("It does not listen for connections");
    }

    @Test
    void refusesAPlainHttpAddress() {
        var result = cli.run("poll-server", "--instance", "Poller", "--server-comms-address", "http://octopus:10943/",
                "--thumbprint", SERVER);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("must start with https://");
    }

    @Test
    void refusesTwoDifferentPorts() {
        var result = cli.run("poll-server", "--instance", "Poller", "--server-comms-address", "https://octopus:10943/",
                "--server-comms-port", "10950", "--thumbprint", SERVER);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("give the port once");
    }

    @Test
    void refusesABadThumbprint() {
        var result = cli.run("poll-server", "--instance", "Poller", "--server-comms-address", "octopus", "--thumbprint",
                "not-hex");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Invalid value for --thumbprint");
    }

    @Test
    void refusesABadSubscriptionId() {
        var result = cli.run("poll-server", "--instance", "Poller", "--server-comms-address", "octopus", "--thumbprint",
                SERVER, "--subscription-id", "under_score");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("A subscription id is 1 to 63 letters");
    }

    @Test
    void requiresTheAddressAndThumbprint() {
        var result = cli.run("poll-server", "--instance", "Poller", "--thumbprint", SERVER);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--server-comms-address");
    }
}
