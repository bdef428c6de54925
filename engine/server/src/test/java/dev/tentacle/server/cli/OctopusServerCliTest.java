package dev.tentacle.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.Storage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OctopusServerCliTest {
    private static final String TENTACLE_THUMBPRINT = "0123456789ABCDEF0123456789ABCDEF01234567";

    @TempDir
    Path temp;

    private ServerCliHarness cli;
    private Path home;

    @BeforeEach
    void setUp() {
        cli = new ServerCliHarness(temp.resolve("registry"));
        home = temp.resolve("server-home");
    }

    @Test
    void setsUpAServerAndManagesItsMachinesFromTheCommandLine() {
        var created = cli.run("create-instance", "--instance", "Main", "--home", home.toString(), "--format", "json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.json().get("configFile").asText()).isEqualTo(home.resolve("OctopusServer.config.json").toString());
        assertThat(temp.resolve("registry/OctopusServer/instances.json")).exists();

        var certificate = cli.run("new-certificate", "--instance", "Main", "--format", "json");
        assertThat(certificate.exitCode()).as(certificate.err()).isZero();
        String sha1 = certificate.json().get("sha1").asText();
        assertThat(home.resolve("Certificates/server.pfx")).exists();

        var kept = cli.run("new-certificate", "--instance", "Main", "--if-blank", "--format", "json");
        assertThat(kept.json().get("generated").asBoolean()).isFalse();
        assertThat(kept.json().get("sha1").asText()).isEqualTo(sha1);

        var thumbprint = cli.run("show-thumbprint", "--instance", "Main");
        assertThat(thumbprint.exitCode()).isZero();
        assertThat(thumbprint.out()).contains(sha1).contains("SHA-256: " + certificate.json().get("sha256").asText());
        assertThat(cli.run("show-thumbprint", "--instance", "Main", "--format", "json").json().get("sha1").asText())
                .isEqualTo(sha1);

        var configured = cli.run("configure", "--instance", "Main", "--webListenPrefixes", "https://+:9443/",
                "--commsListenPort", "10944", "--format", "json");
        assertThat(configured.exitCode()).as(configured.err()).isZero();
        assertThat(configured.json().get("webListenPrefix").asText()).isEqualTo("https://+:9443/");
        ServerConfiguration saved = ServerConfiguration.store().read(home.resolve("OctopusServer.config.json"));
        assertThat(saved.webListen().bindAddress()).isNull();
        assertThat(saved.webListen().port()).isEqualTo(9443);
        assertThat(saved.commsListenPort()).isEqualTo(10944);

        var key = cli.run("create-api-key", "--instance", "Main", "--name", "deploy scripts");
        assertThat(key.exitCode()).as(key.err()).isZero();
        String plainKey = key.out().lines().skip(1).findFirst().orElseThrow().strip();
        assertThat(key.out()).contains("cannot be shown again");
        try (Storage storage = Storage.open(saved.storage())) {
            assertThat(storage.apiKeys().list()).hasSize(1);
            assertThat(storage.apiKeys().verify(plainKey)).isPresent();
            assertThat(storage.apiKeys().verify(plainKey + "x")).isEmpty();
        }

        var added = cli.run("machine", "add-listening", "--instance", "Main", "--name", "web01",
                "--url", "https://web01.example.com:10933", "--thumbprint", TENTACLE_THUMBPRINT,
                "--environment", "Production", "--role", "web", "--role", "api");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("web01");

        var listed = cli.run("machine", "list", "--instance", "Main", "--format", "json");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        JsonNode machine = listed.json().get("machines").get(0);
        assertThat(listed.json().get("machines")).hasSize(1);
        assertThat(machine.get("name").asText()).isEqualTo("web01");
        assertThat(machine.get("uri").asText()).isEqualTo("https://web01.example.com:10933");
        assertThat(machine.get("thumbprint").asText()).isEqualTo(TENTACLE_THUMBPRINT);
        assertThat(machine.get("environments").get(0).asText()).isEqualTo("Production");
        assertThat(machine.get("roles")).hasSize(2);

        var removed = cli.run("machine", "remove", "--instance", "Main", "--name", "web01");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(cli.run("machine", "list", "--instance", "Main", "--format", "json").json().get("machines")).isEmpty();
    }

    @Test
    void createsTheDefaultInstanceAndListsAndDeletesIt() {
        assertThat(cli.run("create-instance", "--home", home.toString()).exitCode()).isZero();
        var listed = cli.run("list-instances", "--format", "json");
        assertThat(listed.json().get("instances").get(0).get("name").asText()).isEqualTo("OctopusServer");
        assertThat(cli.run("delete-instance").exitCode()).isZero();
        assertThat(cli.run("list-instances", "--format", "json").json().get("instances")).isEmpty();
        assertThat(home.resolve("OctopusServer.config.json")).exists();
    }

    @Test
    void createInstanceTwiceWithTheSameHomeChangesNothing() {
        assertThat(cli.run("create-instance", "--home", home.toString()).exitCode()).isZero();
        cli.run("configure", "--commsListenPort", "10950");
        var again = cli.run("create-instance", "--home", home.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("nothing changed");
        assertThat(ServerConfiguration.store().read(home.resolve("OctopusServer.config.json")).commsListenPort())
                .isEqualTo(10950);
        var elsewhere = cli.run("create-instance", "--home", temp.resolve("other").toString());
        assertThat(elsewhere.exitCode()).isEqualTo(1);
        assertThat(elsewhere.err()).contains("already exists");
    }

    @Test
    void keepsTheEmbeddedDatabaseUnderTheHomeByDefault() {
        cli.run("create-instance", "--home", home.toString());
        ServerConfiguration configuration = ServerConfiguration.store().read(home.resolve("OctopusServer.config.json"));
        assertThat(configuration.storage().jdbcUrl()).contains(home.resolve("Database/octopus").toString());
        assertThat(configuration.webListen().prefix()).isEqualTo("https://localhost:8443/");
        assertThat(configuration.commsListenPort()).isEqualTo(10943);
    }

    @Test
    void reportsAnUnknownInstanceInOneLine() {
        var run = cli.run("show-thumbprint", "--instance", "Nope");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").contains("Nope");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void showThumbprintSaysHowToCreateAMissingCertificate() {
        cli.run("create-instance", "--home", home.toString());
        var run = cli.run("show-thumbprint");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("octopus-server new-certificate");
    }

    @Test
    void rejectsABadThumbprint() {
        cli.run("create-instance", "--home", home.toString());
        var run = cli.run("machine", "add-listening", "--name", "web01", "--url", "https://web01:10933",
                "--thumbprint", "not-hex");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: Invalid value for --thumbprint");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void rejectsAUrlThatIsNotHttps() {
        cli.run("create-instance", "--home", home.toString());
        var run = cli.run("machine", "add-listening", "--name", "web01", "--url", "web01:10933",
                "--thumbprint", TENTACLE_THUMBPRINT);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: Invalid value for --url").contains("https://HOST:10933");
    }

    @Test
    void refusesASecondMachineWithTheSameName() {
        cli.run("create-instance", "--home", home.toString());
        String[] add = {"machine", "add-listening", "--name", "web01", "--url", "https://web01:10933",
            "--thumbprint", TENTACLE_THUMBPRINT};
        assertThat(cli.run(add).exitCode()).isZero();
        var again = cli.run(add);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("Error: ").contains("web01");
        assertThat(again.err().lines()).hasSize(1);
    }

    @Test
    void reportsAnUnavailableDatabaseInOneLine() throws IOException {
        cli.run("create-instance", "--home", home.toString());
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var configured = cli.run("configure", "--storageConnectionString",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/octopus");
        assertThat(configured.exitCode()).as(configured.err()).isZero();
        var run = cli.run("create-api-key", "--name", "ci");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsAPlainHttpWebPrefix() {
        cli.run("create-instance", "--home", home.toString());
        var run = cli.run("configure", "--webListenPrefixes", "http://localhost:80/");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("only serves HTTPS").contains("https://localhost:80/");
    }

    @Test
    void rejectsAnUnknownStorageConnectionString() {
        cli.run("create-instance", "--home", home.toString());
        var run = cli.run("configure", "--storageConnectionString", "mysql://db/octopus");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("jdbc:postgresql://");
    }

    @Test
    void suggestsTheCommandThatWasMeant() {
        var run = cli.run("show-thumbprnt");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is not an octopus-server command").contains("Did you mean show-thumbprint?")
                .contains("Run 'octopus-server help' for the list.");
        assertThat(Files.exists(temp.resolve("registry/OctopusServer"))).isFalse();
    }

    @Test
    void namesTheMistypedSubcommandOfMachine() {
        var run = cli.run("machine", "lst");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("'lst' is not an octopus-server machine command.").contains("Did you mean list?")
                .contains("Run 'octopus-server help machine'");
    }

    @Test
    void printsTheVersion() {
        var run = cli.run("version", "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("version").asText()).isNotBlank();
    }
}
