package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.testing.net.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsing and validation of {@code register-with} and {@code deregister-from}: every problem with the options is
 * reported before anything is sent to a server. (Registering against a real server is tested end to end in the
 * server module, dev.tentacle.server.registration.)
 */
class RegistrationCommandsTest {
    @TempDir
    Path temp;

    CliHarness cli;
    /** Nothing listens here: a command that got as far as connecting fails with CONNECTION_REFUSED. */
    String closedServer;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("registry"));
        cli.ok("create-instance", "--instance", "Web01");
        cli.ok("new-certificate", "--instance", "Web01");
        closedServer = "https://127.0.0.1:" + Ports.freeLoopbackPort() + "/";
    }

    CliHarness.Result register(String... more) {
        List<String> args = new ArrayList<>(List.of("register-with", "--instance", "Web01", "--server", closedServer,
                "--name", "web01", "--publicHostName", "web01.example.com"));
        args.addAll(List.of(more));
        if (!args.contains("--apiKey")) {
            args.addAll(List.of("--apiKey", "API-TESTTESTTESTTEST"));
        }
        return cli.run(args.toArray(String[]::new));
    }

    void assertRefusedBeforeConnecting(CliHarness.Result result, String... messages) {
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Error: ").contains(messages).doesNotContain("CONNECTION_REFUSED");
    }

    @Test
    void optionsThatPassValidationReachTheServer() {
        var result = register();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Nothing accepted the connection to 127.0.0.1:", "[CONNECTION_REFUSED]");
    }

    @Test
    void aUserNameAndPasswordAreRefusedWithoutContactingTheServer() {
        var result = register("--username", "admin", "--password", "s3cret");

        assertRefusedBeforeConnecting(result, "API keys only", "octopus-server create-api-key", "--apiKey",
                "[CREDENTIALS_NOT_SUPPORTED]");
        assertThat(result.err()).doesNotContain("s3cret");
    }

    @Test
    void anApiKeyIsRequired() {
        var result = cli.run("register-with", "--instance", "Web01", "--server", closedServer, "--name", "web01");

        assertRefusedBeforeConnecting(result, "--apiKey KEY", "octopus-server create-api-key");
    }

    @Test
    void theServerIsRequired() {
        var result = cli.run("register-with", "--instance", "Web01", "--apiKey", "API-X");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--server");
    }

    @Test
    void plainHttpIsRefusedBecauseTheApiIsHttpsOnly() {
        var result = cli.run("register-with", "--instance", "Web01", "--server", "http://octopus:8443/", "--apiKey",
                "API-X", "--name", "web01");

        assertRefusedBeforeConnecting(result, "uses http://", "HTTPS only");
    }

    @Test
    void aMalformedServerThumbprintNamesTheOption() {
        var result = register("--server-thumbprint", "ABC");

        assertRefusedBeforeConnecting(result, "Invalid value for --server-thumbprint");
    }

    @Test
    void anUnknownCommsStyleNamesBothStyles() {
        var result = register("--comms-style", "Ssh");

        assertRefusedBeforeConnecting(result, "--comms-style: 'Ssh'", "TentaclePassive", "TentacleActive");
    }

    @Test
    void commsStylesAreTheOriginalsNamesInAnyCase() {
        assertThat(RegisterWithCommand.style(null)).hasToString("LISTENING");
        assertThat(RegisterWithCommand.style("TentaclePassive")).hasToString("LISTENING");
        assertThat(RegisterWithCommand.style("tentacleactive")).hasToString("POLLING");
    }

    @Test
    void portsOutOfRangeNameTheOption() {
        assertRefusedBeforeConnecting(register("--tentacle-comms-port", "70000"),
                "--tentacle-comms-port must be between 1 and 65535, was 70000");
        assertRefusedBeforeConnecting(register("--comms-style", "TentacleActive", "--server-comms-port", "0"),
                "--server-comms-port must be between 1 and 65535, was 0");
    }

    @Test
    void anUnknownInstanceIsReportedBeforeConnecting() {
        var result = cli.run("register-with", "--instance", "Nope", "--server", closedServer, "--apiKey", "API-X",
                "--name", "nope", "--publicHostName", "nope.example.com");

        assertRefusedBeforeConnecting(result, "Nope");
    }

    @Test
    void optionsForTheOtherStyleAreNotedAsIgnored() {
        var polling = register("--comms-style", "TentacleActive", "--tentacle-comms-port", "10940");
        var listening = register("--server-comms-address", "octopus", "--server-comms-port", "10943");

        assertThat(polling.err()).contains("Note: --publicHostName and --tentacle-comms-port are for TentaclePassive"
                + " (listening) Tentacles and are ignored here.");
        assertThat(listening.err()).contains("Note: --server-comms-address and --server-comms-port are for"
                + " TentacleActive (polling) Tentacles and are ignored here.");
    }

    @Test
    void registerWithChangesNothingWhenItFails() {
        register();

        assertThat(cli.ok("show-configuration", "--instance", "Web01", "--format", "json").json().get("trustedServers"))
                .isEmpty();
    }

    @Test
    void deregisterFromRefusesCredentialsAndNeedsAKey() {
        var credentials = cli.run("deregister-from", "--instance", "Web01", "--server", closedServer, "--username", "u",
                "--password", "p");
        var noKey = cli.run("deregister-from", "--instance", "Web01", "--server", closedServer);

        assertRefusedBeforeConnecting(credentials, "[CREDENTIALS_NOT_SUPPORTED]");
        assertRefusedBeforeConnecting(noKey, "--apiKey KEY");
    }

    @Test
    void deregisterFromReportsAnUnreachableServer() {
        var result = cli.run("deregister-from", "--instance", "Web01", "--server", closedServer, "--apiKey", "API-X",
                "--format", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("[CONNECTION_REFUSED]");
    }
}
