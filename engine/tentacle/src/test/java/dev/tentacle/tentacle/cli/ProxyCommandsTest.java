package dev.tentacle.tentacle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyCommandsTest {
    @TempDir
    Path temp;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(temp.resolve("registry"));
        cli.ok("create-instance", "--instance", "Web01");
    }

    JsonNode configuration() {
        return cli.ok("show-configuration", "--instance", "Web01", "--format", "json").json();
    }

    @Test
    void pollingProxyWithCredentialsNeverPrintsThePassword() throws Exception {
        var result = cli.ok("polling-proxy", "--instance", "Web01", "--proxyEnable", "true", "--proxyHost",
                "proxy.example.com", "--proxyPort", "3128", "--proxyUsername", "svc", "--proxyPassword", "correct horse");

        assertThat(result.out()).contains("Polling proxy of the Tentacle instance 'Web01': http://svc:***@proxy.example.com:3128")
                .doesNotContain("correct horse");
        JsonNode proxy = configuration().get("pollingProxy");
        assertThat(proxy.get("enabled").asBoolean()).isTrue();
        assertThat(proxy.get("host").asText()).isEqualTo("proxy.example.com");
        assertThat(proxy.get("port").asInt()).isEqualTo(3128);
        assertThat(proxy.get("username").asText()).isEqualTo("svc");
        assertThat(proxy.get("password").asText()).isEqualTo("********");
        assertThat(cli.ok("show-configuration", "--instance", "Web01").out()).doesNotContain("correct horse");
        String file = Files.readString(Path.of(configuration().get("configFile").asText()));
        assertThat(file).contains("correct horse");
        assertThat(configuration().get("proxy").get("enabled").asBoolean()).isFalse();
    }

    @Test
    void proxyIsSeparateFromThePollingProxy() {
        var json = cli.ok("proxy", "--instance", "Web01", "--proxyEnable", "--proxyHost", "10.0.0.1", "--proxyPort", "8080",
                "--format", "json").json();

        assertThat(json.get("proxy").get("host").asText()).isEqualTo("10.0.0.1");
        assertThat(json.get("proxy").get("password").isNull()).isTrue();
        assertThat(configuration().get("proxy").get("enabled").asBoolean()).isTrue();
        assertThat(configuration().get("pollingProxy").get("enabled").asBoolean()).isFalse();
    }

    @Test
    void disablingKeepsTheHostAndCredentials() {
        cli.ok("proxy", "--instance", "Web01", "--proxyEnable", "true", "--proxyHost", "proxy", "--proxyPort", "3128");

        var result = cli.ok("proxy", "--instance", "Web01", "--proxyEnable", "false");

        JsonNode proxy = configuration().get("proxy");
        assertThat(proxy.get("enabled").asBoolean()).isFalse();
        assertThat(proxy.get("host").asText()).isEqualTo("proxy");
        assertThat(result.out()).contains("enable it with --proxyEnable true");
    }

    @Test
    void enablingWithoutAHostIsAUserError() {
        var result = cli.run("proxy", "--instance", "Web01", "--proxyEnable", "true");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("needs --proxyHost");
    }

    @Test
    void enablingWithoutAPortIsAUserError() {
        var result = cli.run("polling-proxy", "--instance", "Web01", "--proxyEnable", "true", "--proxyHost", "proxy");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("needs --proxyPort");
    }

    @Test
    void portOutOfRangeIsAUserError() {
        var result = cli.run("proxy", "--instance", "Web01", "--proxyHost", "proxy", "--proxyPort", "70000");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--proxyPort must be between 1 and 65535, was 70000");
    }

    @Test
    void nothingToChangeIsAUserError() {
        var result = cli.run("proxy", "--instance", "Web01");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Nothing to change");
    }

    @Test
    void proxyEnableRefusesOtherWords() {
        var result = cli.run("proxy", "--instance", "Web01", "--proxyEnable", "yes");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Invalid value for --proxyEnable: 'yes' is not true or false.");
    }
}
