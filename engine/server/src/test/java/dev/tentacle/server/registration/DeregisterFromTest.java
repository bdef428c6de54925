package dev.tentacle.server.registration;

import static dev.tentacle.server.registration.TentacleCommandLine.INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.server.registration.TentacleCommandLine.Result;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tentacle deregister-from} against a real server API and storage, through the real command line. */
class DeregisterFromTest {
    static final String OTHER_SERVER = "5A3E6D1B7C0F9E8D2A4B6C8E0F1A3B5C7D9E2F4A6B8C0D1E3F5A7B9C2D4E6F80";

    @TempDir
    Path directory;
    RegistrationServer server;
    TentacleCommandLine tentacle;

    @BeforeEach
    void start() {
        server = new RegistrationServer(directory.resolve("server"), 10943);
        tentacle = TentacleCommandLine.withInstance(directory.resolve("registry"));
        tentacle.ok("configure", "--instance", INSTANCE, "--trust", OTHER_SERVER);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    void register(String name, String... style) {
        String[] args = {"register-with", "--instance", INSTANCE, "--server", server.url(), "--apiKey", server.apiKey,
            "--name", name, "--publicHostName", name + ".example.com", "--comms-style",
            style.length == 0 ? "TentaclePassive" : style[0]};
        tentacle.ok(args);
    }

    Result deregister(String... more) {
        String[] base = {"deregister-from", "--instance", INSTANCE, "--server", server.url(), "--apiKey", server.apiKey};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return tentacle.run(args);
    }

    Thumbprint tentacleSha1() {
        return Thumbprint.parse(tentacle.thumbprints().get("sha1").asText());
    }

    @Test
    void removesAListeningMachineAndTheServersTrustButNoOtherServers() {
        register("web01");
        Machine unrelated = server.storage.machines().add(NewMachine.listening("other", URI.create("https://other:10933/"),
                CertificateFixtures.other().thumbprints().sha256()));
        Machine web01 = server.storage.machines().findByName("web01").orElseThrow();

        Result result = deregister("--server-thumbprint", server.thumbprints().sha256().hex());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.storage.machines().list(MachineFilter.all())).containsExactly(unrelated);
        JsonNode trusted = tentacle.trustedServers();
        assertThat(trusted).hasSize(1);
        assertThat(trusted.get(0).get("thumbprint").asText()).isEqualTo(OTHER_SERVER);
        assertThat(result.out()).contains("Removed the machine 'web01' (" + web01.id() + ", https://web01.example.com:10933/)",
                "It is the certificate given with --server-thumbprint.", "The instance no longer trusts it",
                "tentacle service --instance " + INSTANCE + " --restart");
    }

    @Test
    void removesAPollingMachineAndStopsPollingTheServer() {
        register("db01", "TentacleActive");
        String subscription = tentacle.trustedServers().get(1).get("subscriptionId").asText();

        JsonNode json = deregister("--format", "json").json();

        assertThat(server.storage.machines().list(MachineFilter.all())).isEmpty();
        assertThat(tentacle.trustedServers()).hasSize(1);
        assertThat(json.get("serverTrust").asText()).isEqualTo("TRUSTED_ON_FIRST_USE");
        assertThat(json.get("serverThumbprint").get("sha256").asText()).isEqualTo(server.thumbprints().sha256().hex());
        assertThat(json.get("removedMachines")).hasSize(1);
        assertThat(json.get("removedMachines").get(0).get("uri").asText()).isEqualTo("poll://" + subscription + "/");
        assertThat(json.get("removedTrust")).hasSize(1);
        assertThat(json.get("removedTrust").get(0).get("communicationStyle").asText()).isEqualTo("POLLING");
        assertThat(json.get("removedTrust").get(0).get("subscriptionId").asText()).isEqualTo(subscription);
    }

    @Test
    void severalMachinesWithTheThumbprintInEitherFormNeedMultiple() {
        register("web01");
        server.storage.machines().add(NewMachine.listening("web01-old", URI.create("https://old:10933/"), tentacleSha1()));

        Result refused = deregister();

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("2 machines", "'web01'", "'web01-old'", "Nothing was changed", "--multiple")
                .endsWith("[MULTIPLE_MACHINES]" + System.lineSeparator());
        assertThat(server.storage.machines().list(MachineFilter.all())).hasSize(2);
        assertThat(tentacle.trustedServers()).hasSize(2);

        Result removed = deregister("--multiple", "--format", "json");

        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.json().get("removedMachines")).hasSize(2);
        assertThat(server.storage.machines().list(MachineFilter.all())).isEmpty();
        assertThat(tentacle.trustedServers()).hasSize(1);
    }

    @Test
    void aTentacleThatIsNotRegisteredStillStopsTrustingTheServer() {
        tentacle.ok("configure", "--instance", INSTANCE, "--trust", server.thumbprints().sha1().hex());

        Result result = deregister();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("No machine on the Octopus Server " + server.url()
                + " is registered with this Tentacle's thumbprint; nothing to remove there.");
        assertThat(tentacle.trustedServers()).hasSize(1);
    }

    @Test
    void aWrongApiKeyChangesNothing() {
        register("web01");

        Result result = tentacle.run("deregister-from", "--instance", INSTANCE, "--server", server.url(), "--apiKey",
                "API-NOTAKEYNOTAKEYNOTAKEY");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("refused the API key", "[API_KEY_REJECTED]");
        assertThat(server.storage.machines().list(MachineFilter.all())).hasSize(1);
        assertThat(tentacle.trustedServers()).hasSize(2);
    }

    @Test
    void anUnreachableServerChangesNothing() {
        register("web01");

        Result result = tentacle.run("deregister-from", "--instance", INSTANCE, "--server",
                "https://127.0.0.1:" + Ports.freeLoopbackPort() + "/", "--apiKey", server.apiKey);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("[CONNECTION_REFUSED]");
        assertThat(tentacle.trustedServers()).hasSize(2);
    }

    @Test
    void aServerThatIsNotThePinnedOneChangesNothing() {
        register("web01");

        Result result = deregister("--server-thumbprint", CertificateFixtures.other().thumbprints().sha1().hex());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("[SERVER_THUMBPRINT_MISMATCH]");
        assertThat(server.storage.machines().list(MachineFilter.all())).hasSize(1);
        assertThat(tentacle.trustedServers()).hasSize(2);
    }
}
