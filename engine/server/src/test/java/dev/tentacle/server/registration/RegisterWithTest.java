package dev.tentacle.server.registration;

import static dev.tentacle.server.registration.TentacleCommandLine.INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tentacle register-with} against a real server API and storage, through the real command line. */
class RegisterWithTest {
    static final int POLLING_PORT = 10999;

    @TempDir
    Path directory;
    RegistrationServer server;
    TentacleCommandLine tentacle;

    @BeforeEach
    void start() {
        server = new RegistrationServer(directory.resolve("server"), POLLING_PORT);
        tentacle = TentacleCommandLine.withInstance(directory.resolve("registry"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Machine machine(String name) {
        return server.storage.machines().findByName(name).orElseThrow(() -> new AssertionError("No machine " + name));
    }

    String tentacleSha256() {
        return tentacle.thumbprints().get("sha256").asText();
    }

    @Test
    void registersAListeningTentacleWithItsThumbprintAndTagsAndTrustsThePinnedServer() {
        JsonNode json = tentacle.ok("register-with", "--instance", INSTANCE, "--server", server.url(),
                "--apiKey", server.apiKey, "--server-thumbprint", server.thumbprints().sha1().hex(),
                "--name", "web01", "--environment", "Production", "--environment", "Staging", "--role", "web",
                "--role", "api", "--tenant", "Acme", "--policy", "Default Machine Policy",
                "--comms-style", "TentaclePassive", "--publicHostName", "web01.example.com",
                "--tentacle-comms-port", "10940", "--format", "json").json();

        Machine machine = machine("web01");
        assertThat(machine.communicationStyle()).isEqualTo(CommunicationStyle.LISTENING);
        assertThat(machine.uri()).isEqualTo(URI.create("https://web01.example.com:10940/"));
        assertThat(machine.thumbprint()).isEqualTo(Thumbprint.parse(tentacleSha256()));
        assertThat(machine.environments()).containsExactly("Production", "Staging");
        assertThat(machine.roles()).containsExactly("api", "web");
        assertThat(machine.tenants()).containsExactly("Acme");
        assertThat(machine.policyName()).isEqualTo("Default Machine Policy");

        JsonNode trusted = tentacle.trustedServers();
        assertThat(trusted).hasSize(1);
        assertThat(trusted.get(0).get("communicationStyle").asText()).isEqualTo("LISTENING");
        assertThat(trusted.get(0).get("thumbprint").asText()).isEqualTo(server.thumbprints().sha256().hex());

        assertThat(json.get("instance").asText()).isEqualTo(INSTANCE);
        assertThat(json.get("server").asText()).isEqualTo(server.url());
        assertThat(json.get("serverThumbprint").get("sha1").asText()).isEqualTo(server.thumbprints().sha1().hex());
        assertThat(json.get("serverThumbprint").get("sha256").asText()).isEqualTo(server.thumbprints().sha256().hex());
        assertThat(json.get("serverTrust").asText()).isEqualTo("PINNED");
        assertThat(json.get("machine").get("id").asText()).isEqualTo(machine.id().toString());
        assertThat(json.get("machine").get("uri").asText()).isEqualTo("https://web01.example.com:10940/");
        assertThat(json.get("replacedMachineId").isNull()).isTrue();
        assertThat(json.get("trustedServer").get("communicationStyle").asText()).isEqualTo("LISTENING");
    }

    @Test
    void trustsOnFirstUsePrintingBothThumbprintsAndHowToCheckThem() {
        tentacle.ok("configure", "--instance", INSTANCE, "--port", "10950");

        var result = tentacle.ok("register-with", "--instance", INSTANCE, "--server", server.url(),
                "--apiKey", server.apiKey, "--name", "web01", "--publicHostName", "web01.example.com");

        assertThat(machine("web01").uri()).isEqualTo(URI.create("https://web01.example.com:10950/"));
        assertThat(result.out()).contains(
                "Registered the Tentacle instance '" + INSTANCE + "' on the Octopus Server " + server.url()
                        + " as the machine 'web01' (" + machine("web01").id() + ")",
                "SHA-1   " + server.thumbprints().sha1(),
                "SHA-256 " + server.thumbprints().sha256(),
                "trusted on first use",
                "octopus-server show-thumbprint",
                "--server-thumbprint " + server.thumbprints().sha256(),
                "tentacle service --instance " + INSTANCE + " --restart");
        assertThat(tentacle.trustedServers().get(0).get("thumbprint").asText())
                .isEqualTo(server.thumbprints().sha256().hex());
    }

    @Test
    void registersAPollingTentacleThatPollsTheServersHostAtTheReportedPollingPort() {
        JsonNode json = tentacle.ok("register-with", "--instance", INSTANCE, "--server", server.url(),
                "--apiKey", server.apiKey, "--name", "db01", "--environment", "Production", "--role", "db",
                "--comms-style", "TentacleActive", "--format", "json").json();

        JsonNode trusted = tentacle.trustedServers();
        assertThat(trusted).hasSize(1);
        JsonNode polling = trusted.get(0);
        assertThat(polling.get("communicationStyle").asText()).isEqualTo("POLLING");
        assertThat(polling.get("thumbprint").asText()).isEqualTo(server.thumbprints().sha256().hex());
        assertThat(polling.get("address").asText()).isEqualTo("https://127.0.0.1:" + POLLING_PORT + "/");
        String subscription = polling.get("subscriptionId").asText();
        assertThat(subscription).matches("[a-z0-9]{20}");

        Machine machine = machine("db01");
        assertThat(machine.communicationStyle()).isEqualTo(CommunicationStyle.POLLING);
        assertThat(machine.uri()).isEqualTo(URI.create("poll://" + subscription + "/"));
        assertThat(machine.thumbprint()).isEqualTo(Thumbprint.parse(tentacleSha256()));
        assertThat(json.get("trustedServer").get("subscriptionId").asText()).isEqualTo(subscription);
        assertThat(json.get("machine").get("uri").asText()).isEqualTo("poll://" + subscription + "/");
    }

    @Test
    void aPollingTentacleTakesTheCommsAddressAndPortItIsGiven() {
        tentacle.ok("register-with", "--instance", INSTANCE, "--server", server.url(), "--apiKey", server.apiKey,
                "--name", "db01", "--comms-style", "tentacleactive", "--server-comms-address", "octopus.example.com",
                "--server-comms-port", "443");

        assertThat(tentacle.trustedServers().get(0).get("address").asText()).isEqualTo("https://octopus.example.com:443/");
    }

    @Test
    void aPollingTentacleRegisteredAgainWithForceKeepsItsSubscription() {
        String[] register = {"register-with", "--instance", INSTANCE, "--server", server.url(), "--apiKey",
            server.apiKey, "--name", "db01", "--comms-style", "TentacleActive"};
        tentacle.ok(register);
        Machine first = machine("db01");

        String[] again = List.of(register).toArray(new String[register.length + 1]);
        again[register.length] = "--force";
        var result = tentacle.ok(again);

        Machine second = machine("db01");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.uri()).isEqualTo(first.uri());
        assertThat(tentacle.trustedServers()).hasSize(1);
        assertThat(result.out()).contains("It replaces the machine " + first.id() + " of the same name (--force).");
    }

    @Test
    void forceReplacesAnotherTentaclesMachineOfTheSameName() {
        Machine other = server.storage.machines().add(NewMachine.listening("web01", URI.create("https://old:10933/"),
                CertificateFixtures.other().thumbprints().sha1()));

        JsonNode json = tentacle.ok("register-with", "--instance", INSTANCE, "--server", server.url(), "--apiKey",
                server.apiKey, "--name", "WEB01", "--publicHostName", "web01.example.com", "--force",
                "--format", "json").json();

        Machine replacement = machine("web01");
        assertThat(replacement.id()).isNotEqualTo(other.id());
        assertThat(server.storage.machines().get(other.id())).isEmpty();
        assertThat(replacement.thumbprint()).isEqualTo(Thumbprint.parse(tentacleSha256()));
        assertThat(json.get("replacedMachineId").asText()).isEqualTo(other.id().toString());
    }

    @Test
    void keepsAnExistingTrustOfTheServerInItsSha1Form() {
        tentacle.ok("configure", "--instance", INSTANCE, "--trust", server.thumbprints().sha1().hex());

        tentacle.ok("register-with", "--instance", INSTANCE, "--server", server.url(), "--apiKey", server.apiKey,
                "--name", "web01", "--publicHostName", "web01.example.com");

        JsonNode trusted = tentacle.trustedServers();
        assertThat(trusted).hasSize(1);
        assertThat(trusted.get(0).get("thumbprint").asText()).isEqualTo(server.thumbprints().sha1().hex());
    }

    @Test
    void acceptsTheApisOwnAddressAsTheServer() {
        tentacle.ok("register-with", "--instance", INSTANCE, "--server", server.url() + "api", "--apiKey",
                server.apiKey, "--name", "web01", "--publicHostName", "web01.example.com");

        assertThat(machine("web01").uri()).isEqualTo(URI.create("https://web01.example.com:10933/"));
    }
}
