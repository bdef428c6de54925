package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigureCommandTest {
    static final String SERVER = "8E1F4E0F2A6E0B5C3D2E1F0A9B8C7D6E5F4A3B2C";
    static final String OTHER = "5A3E6D1B7C0F9E8D2A4B6C8E0F1A3B5C7D9E2F4A6B8C0D1E3F5A7B9C2D4E6F80";

    @TempDir
    Path temp;

    CliHarness cli;
    Path configFile;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("registry"));
        cli.ok("create-instance", "--instance", "Web01", "--home", temp.resolve("home").toString());
        configFile = temp.resolve("home/Tentacle.config.json");
    }

    JsonNode configuration() {
        return cli.ok("show-configuration", "--instance", "Web01", "--format", "json").json();
    }

    @Test
    void trustAddsAListeningServer() {
        var result = cli.ok("configure", "--instance", "Web01", "--trust", SERVER.toLowerCase());

        assertThat(result.out()).contains("Trusts " + SERVER + " (listening)", "Saved " + configFile);
        JsonNode servers = configuration().get("trustedServers");
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).get("thumbprint").asText()).isEqualTo(SERVER);
        assertThat(servers.get(0).get("communicationStyle").asText()).isEqualTo("LISTENING");
    }

    @Test
    void trustingTwiceKeepsOneEntry() {
        cli.ok("configure", "--instance", "Web01", "--trust", SERVER);

        var result = cli.ok("configure", "--instance", "Web01", "--trust", SERVER);

        assertThat(result.out()).contains("Already trusts " + SERVER);
        assertThat(configuration().get("trustedServers")).hasSize(1);
    }

    @Test
    void trustTakesSeveralThumbprints() {
        cli.ok("configure", "--instance", "Web01", "--trust", SERVER, "--trust", OTHER);

        assertThat(configuration().get("trustedServers")).hasSize(2);
    }

    @Test
    void removeTrustAndResetTrust() {
        cli.ok("configure", "--instance", "Web01", "--trust", SERVER, "--trust", OTHER);

        var removed = cli.ok("configure", "--instance", "Web01", "--remove-trust", SERVER, "--format", "json").json();
        assertThat(removed.get("changes").get(0).asText()).isEqualTo("No longer trusts " + SERVER);
        assertThat(configuration().get("trustedServers")).hasSize(1);

        cli.ok("configure", "--instance", "Web01", "--reset-trust");
        assertThat(configuration().get("trustedServers")).isEmpty();
    }

    @Test
    void removingAThumbprintThatIsNotTrustedSaysSo() {
        var result = cli.ok("configure", "--instance", "Web01", "--remove-trust", SERVER);

        assertThat(result.out()).contains(SERVER + " was not trusted; nothing to remove");
    }

    @Test
    void resetThenTrustReplacesTheWholeList() {
        cli.ok("configure", "--instance", "Web01", "--trust", SERVER);

        cli.ok("configure", "--instance", "Web01", "--reset-trust", "--trust", OTHER);

        JsonNode servers = configuration().get("trustedServers");
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).get("thumbprint").asText()).isEqualTo(OTHER);
    }

    @Test
    void badThumbprintIsAUserErrorNamingTheOption() {
        var result = cli.run("configure", "--instance", "Web01", "--trust", "XYZ");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Error: Invalid value for --trust: A thumbprint is 40 (SHA-1) or 64 (SHA-256)"
                + " hexadecimal characters; got 'XYZ'. Copy it again from the machine that shows it." + System.lineSeparator());
    }

    @Test
    void listeningSettings() {
        cli.ok("configure", "--instance", "Web01", "--port", "10999", "--listenIpAddress", "127.0.0.1");

        JsonNode json = configuration();
        assertThat(json.get("listenPort").asInt()).isEqualTo(10999);
        assertThat(json.get("listenAddress").asText()).isEqualTo("127.0.0.1");

        cli.ok("configure", "--instance", "Web01", "--listenIpAddress", "*");
        assertThat(configuration().get("listenAddress").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1"})
    void portOutOfRangeIsAUserError(String port) {
        var result = cli.run("configure", "--instance", "Web01", "--port", port);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--port must be between 1 and 65535, was " + port);
        assertThat(configuration().get("listenPort").asInt()).isEqualTo(10933);
    }

    @Test
    void noListenTakesAValueLikeTheOriginalOrStandsAlone() {
        cli.ok("configure", "--instance", "Web01", "--noListen", "True");
        assertThat(configuration().get("noListen").asBoolean()).isTrue();

        cli.ok("configure", "--instance", "Web01", "--noListen", "false");
        assertThat(configuration().get("noListen").asBoolean()).isFalse();

        cli.ok("configure", "--instance", "Web01", "--noListen", "--port", "10940");
        assertThat(configuration().get("noListen").asBoolean()).isTrue();
        assertThat(configuration().get("listenPort").asInt()).isEqualTo(10940);
    }

    @Test
    void noListenRefusesOtherWords() {
        var result = cli.run("configure", "--instance", "Web01", "--noListen", "maybe");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--noListen", "maybe");
    }

    @Test
    void homeAndApplicationDirectories() {
        Path home = temp.resolve("new-home");
        Path app = temp.resolve("apps");

        cli.ok("configure", "--instance", "Web01", "--home", home.toString(), "--app", app.toString());

        JsonNode json = configuration();
        assertThat(json.get("homeDirectory").asText()).isEqualTo(home.toString());
        assertThat(json.get("applicationDirectory").asText()).isEqualTo(app.toString());
    }

    @Test
    void pollingConnectionCountWithinItsRange() {
        cli.ok("configure", "--instance", "Web01", "--pollingConnectionCount", "10");
        assertThat(configuration().get("pollingConnectionCount").asInt()).isEqualTo(10);

        var result = cli.run("configure", "--instance", "Web01", "--pollingConnectionCount", "101");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--pollingConnectionCount must be between 1 and 100, was 101");
    }

    @Test
    void nothingToChangeIsAUserError() {
        var result = cli.run("configure", "--instance", "Web01");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Nothing to change", "tentacle help configure");
    }

    @Test
    void corruptConfigurationFileIsAUserErrorNamingTheFile() throws IOException {
        Files.writeString(configFile, "{ \"version\": 1, \"homeDirectory\": \"/x\", \"listenPort\": \"ten\" }");

        var result = cli.run("configure", "--instance", "Web01", "--trust", SERVER);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: ").contains(configFile.toString(), "listenPort");
        assertThat(result.err().lines().toList()).hasSize(1);
        assertThat(Files.readString(configFile)).contains("\"ten\"");
    }

    @Test
    void corruptConfigurationFileFailsEveryReadingCommand() throws IOException {
        Files.writeString(configFile, "");

        for (String command : new String[] {"show-configuration", "show-thumbprint", "new-certificate", "run"}) {
            var result = cli.run(command, "--instance", "Web01");
            assertThat(result.exitCode()).as(command).isEqualTo(1);
            assertThat(result.err()).as(command).contains(configFile.toString());
        }
    }

    @Test
    void unknownInstanceIsAUserError() {
        var result = cli.run("configure", "--instance", "Nope", "--trust", SERVER);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("No Tentacle instance named 'Nope'");
    }

    @Test
    void configFileThatDoesNotExistIsAUserError() {
        Path missing = temp.resolve("missing.json");

        var result = cli.run("configure", "--config", missing.toString(), "--trust", SERVER);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(missing.toString());
        assertThat(missing).doesNotExist();
    }

    @Test
    void updateTrustReplacesTheThumbprint() {
        cli.ok("configure", "--instance", "Web01", "--trust", SERVER);

        var json = cli.ok("update-trust", "--instance", "Web01", "--oldThumbprint", SERVER, "--newThumbprint", OTHER,
                "--format", "json").json();

        assertThat(json.get("newThumbprint").asText()).isEqualTo(OTHER);
        JsonNode servers = configuration().get("trustedServers");
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).get("thumbprint").asText()).isEqualTo(OTHER);
    }

    @Test
    void updateTrustOfAThumbprintNotTrustedIsAUserError() {
        var result = cli.run("update-trust", "--instance", "Web01", "--oldThumbprint", SERVER, "--newThumbprint", OTHER);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(SERVER);
    }

    @Test
    void updateTrustWithABadThumbprintNamesTheOption() {
        var result = cli.run("update-trust", "--instance", "Web01", "--oldThumbprint", SERVER, "--newThumbprint", "12");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Invalid value for --newThumbprint");
    }

    @Test
    void showConfigurationAsText() {
        cli.ok("configure", "--instance", "Web01", "--trust", SERVER);

        var text = cli.ok("show-configuration", "--instance", "Web01").out();

        assertThat(text).contains("Instance:", "Web01", "Configuration file:", configFile.toString(),
                "on port 10933 (all addresses)", "LISTENING " + SERVER, "Certificate:", "none");
    }
}
