package dev.tentacle.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code machine add-polling}, and the tenants and policy both add commands take. */
class MachineCommandsTest {
    private static final String SHA1 = "0123456789ABCDEF0123456789ABCDEF01234567";

    @TempDir
    Path temp;

    ServerCliHarness cli;
    Path home;

    @BeforeEach
    void setUp() {
        cli = new ServerCliHarness(temp.resolve("registry"));
        home = temp.resolve("home");
        cli.ok("create-instance", "--home", home.toString());
    }

    @Test
    void registersAPollingTentacleBySubscription() {
        var added = cli.ok("machine", "add-polling", "--name", "db01", "--subscription-id", "x7k2m9qp4w",
                "--thumbprint", SHA1.toLowerCase(), "--environment", "Production", "--role", "db", "--tenant", "Acme");

        assertThat(added.out()).isEqualTo("Registered the polling Tentacle 'db01' (Machines-1) as poll://x7k2m9qp4w/"
                + " with thumbprint " + SHA1 + ". It can run tasks once it polls this server's port (octopus-server"
                + " run)." + System.lineSeparator());
        JsonNode machine = cli.ok("machine", "list", "--format", "json").json().get("machines").get(0);
        assertThat(machine.get("communicationStyle").asText()).isEqualTo("POLLING");
        assertThat(machine.get("uri").asText()).isEqualTo("poll://x7k2m9qp4w/");
        assertThat(machine.get("tenants").get(0).asText()).isEqualTo("Acme");
        assertThat(machine.get("policy").asText()).isEqualTo("Default Machine Policy");
    }

    @Test
    void takesTheSubscriptionAsPollServerPrintsIt() {
        var json = cli.ok("machine", "add-polling", "--name", "db01", "--subscription-id", "poll://x7k2m9qp4w/",
                "--thumbprint", SHA1, "--format", "json").json();

        assertThat(json.get("uri").asText()).isEqualTo("poll://x7k2m9qp4w/");
        assertThat(json.get("communicationStyle").asText()).isEqualTo("POLLING");
    }

    @Test
    void refusesASubscriptionIdThatIsNotOne() {
        var run = cli.run("machine", "add-polling", "--name", "db01", "--subscription-id", "has space",
                "--thumbprint", SHA1);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: Invalid value for --subscription-id: 'has space'.");
    }

    @Test
    void refusesABadThumbprint() {
        var run = cli.run("machine", "add-polling", "--name", "db01", "--subscription-id", "db01",
                "--thumbprint", "abc");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: Invalid value for --thumbprint");
    }

    @Test
    void usesTheNamedMachinePolicy() {
        try (Storage storage = Storage.open(ServerCliHarness.configuration(home).storage())) {
            storage.machinePolicies().add(MachinePolicySettings.defaults("No retries").withRpcRetryEnabled(false));
        }

        var json = cli.ok("machine", "add-listening", "--name", "web01", "--url", "https://web01:10933",
                "--thumbprint", SHA1, "--policy", "no retries", "--tenant", "Acme", "--format", "json").json();

        assertThat(json.get("policy").asText()).isEqualTo("No retries");
        assertThat(json.get("tenants").get(0).asText()).isEqualTo("Acme");
    }

    @Test
    void anUnknownPolicyIsAnErrorThatSaysWhatToDo() {
        var run = cli.run("machine", "add-polling", "--name", "db01", "--subscription-id", "db01",
                "--thumbprint", SHA1, "--policy", "Nightly");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: Machine policy 'Nightly' does not exist");
        assertThat(cli.ok("machine", "list", "--format", "json").json().get("machines")).isEmpty();
    }

    @Test
    void aDuplicateNameIsRefused() {
        cli.ok("machine", "add-polling", "--name", "db01", "--subscription-id", "db01", "--thumbprint", SHA1);

        var run = cli.run("machine", "add-polling", "--name", "DB01", "--subscription-id", "db02", "--thumbprint", SHA1);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("A machine named 'DB01' already exists");
    }
}
