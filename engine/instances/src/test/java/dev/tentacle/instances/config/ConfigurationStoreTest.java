package dev.tentacle.instances.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.ConfigurationException.Reason;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationStoreTest {
    static final String SERVER_SHA1 = "1234567890ABCDEF1234567890ABCDEF12345678";
    static final String SERVER_SHA256 = "AB".repeat(32);

    @TempDir
    Path directory;

    private final ConfigurationStore<TentacleConfiguration> store = TentacleConfiguration.store();

    private TentacleConfiguration everyFieldSet() {
        Path home = directory.resolve("home");
        return TentacleConfiguration.defaults(home)
                .withApplicationDirectory(directory.resolve("apps"))
                .withListenPort(10999)
                .withListenAddress("127.0.0.1")
                .withNoListen(true)
                .withTrustedServer(TrustedServer.listening(Thumbprint.parse(SERVER_SHA1)))
                .withTrustedServer(TrustedServer.polling(Thumbprint.parse(SERVER_SHA256),
                        URI.create("https://octopus.example.com:10943/"), "abc123"))
                .withPollingConnectionCount(7)
                .withProxy(ProxyConfiguration.of("proxy.example.com", 3128).withCredentials("alice", "s3cret"))
                .withPollingProxy(new ProxyConfiguration(false, "other-proxy", 8080, null, null))
                .withCertificate(new CertificateLocation(home.resolve("Certificates/tentacle.pfx"), "pfx-password"));
    }

    @Test
    void writesAndReadsBackEveryField() {
        Path file = directory.resolve("Tentacle.config.json");
        TentacleConfiguration configuration = everyFieldSet();

        store.write(file, configuration);

        assertThat(store.read(file)).isEqualTo(configuration);
    }

    @Test
    void writesTheFormatVersionFirst() throws IOException {
        Path file = directory.resolve("Tentacle.config.json");

        store.write(file, everyFieldSet());

        String json = Files.readString(file);
        assertThat(json).startsWith("{\n  \"version\" : 1,\n  \"homeDirectory\" : ");
        assertThat(json).contains("\"thumbprint\" : \"" + SERVER_SHA1 + "\"", "\"communicationStyle\" : \"POLLING\"",
                "\"subscriptionId\" : \"abc123\"", "\"listenPort\" : 10999");
    }

    @Test
    void writesTheRecordComponentsAndNothingElse() throws IOException {
        Path file = directory.resolve("Tentacle.config.json");

        store.write(file, everyFieldSet());

        JsonNode tree = new ObjectMapper().readTree(file.toFile());
        assertThat(names(tree)).containsExactly("version", "homeDirectory", "applicationDirectory",
                "listenPort", "listenAddress", "noListen", "trustedServers", "pollingConnectionCount", "proxy",
                "pollingProxy", "certificate");
        assertThat(names(tree.get("trustedServers").get(1)))
                .containsExactly("thumbprint", "communicationStyle", "address", "subscriptionId");
        assertThat(names(tree.get("proxy"))).containsExactly("enabled", "host", "port", "username", "password");
        assertThat(names(tree.get("certificate"))).containsExactly("file", "password");
    }

    @Test
    void leavesOutNullsAndTheUnsetPortOfADisabledProxy() throws IOException {
        Path file = directory.resolve("Tentacle.config.json");

        store.write(file, TentacleConfiguration.defaults(directory));

        String json = Files.readString(file);
        assertThat(json).doesNotContain("null", "listenAddress", "certificate", "\"port\"");
        assertThat(json).contains("\"proxy\" : {\n    \"enabled\" : false\n  }");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() throws IOException {
        Path file = write("""
                {"version": 1, "homeDirectory": "%s", "addedInVersion9": {"anything": [1, 2]}, "listenPort": 10940}
                """.formatted(json(directory)));

        assertThat(store.read(file).listenPort()).isEqualTo(10940);
    }

    @Test
    void fillsMissingFieldsWithDefaults() throws IOException {
        Path file = write("{\"homeDirectory\": \"" + json(directory) + "\"}");

        assertThat(store.read(file)).isEqualTo(TentacleConfiguration.defaults(directory));
    }

    @Test
    void takesEnumNamesAndThumbprintsInAnyCase() throws IOException {
        Path file = write("""
                {"homeDirectory": "%s", "trustedServers": [{"thumbprint": "%s", "communicationStyle": "listening"}]}
                """.formatted(json(directory), SERVER_SHA1.toLowerCase()));

        assertThat(store.read(file).trustedServers())
                .containsExactly(TrustedServer.listening(Thumbprint.parse(SERVER_SHA1)));
    }

    @Test
    void readIfExistsIsEmptyForAMissingFileOnly() throws IOException {
        assertThat(store.readIfExists(directory.resolve("absent.json"))).isEmpty();

        Path corrupt = write("{");
        assertThatThrownBy(() -> store.readIfExists(corrupt)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void keepsThePreviousVersionAsBak() throws IOException {
        Path file = directory.resolve("Tentacle.config.json");
        TentacleConfiguration first = TentacleConfiguration.defaults(directory);
        TentacleConfiguration second = first.withListenPort(10950);

        store.write(file, first);
        assertThat(ConfigurationStore.backupOf(file)).doesNotExist();
        store.write(file, second);

        assertThat(store.read(file)).isEqualTo(second);
        assertThat(store.read(ConfigurationStore.backupOf(file))).isEqualTo(first);
        assertThat(ConfigurationStore.backupOf(file)).hasFileName("Tentacle.config.json.bak");
    }

    @Test
    void writingTheSameContentAgainKeepsTheOlderBackup() {
        Path file = directory.resolve("Tentacle.config.json");
        TentacleConfiguration first = TentacleConfiguration.defaults(directory);
        TentacleConfiguration second = first.withListenPort(10950);

        store.write(file, first);
        store.write(file, second);
        store.write(file, second);

        assertThat(store.read(ConfigurationStore.backupOf(file))).isEqualTo(first);
    }

    @Test
    void updateAppliesTheChangeAndKeepsTheBackup() {
        Path file = directory.resolve("Tentacle.config.json");
        store.write(file, TentacleConfiguration.defaults(directory));

        TentacleConfiguration written = store.update(file, c -> c.withPollingConnectionCount(9));

        assertThat(written.pollingConnectionCount()).isEqualTo(9);
        assertThat(store.read(file)).isEqualTo(written);
        assertThat(store.read(ConfigurationStore.backupOf(file)).pollingConnectionCount()).isEqualTo(5);
    }

    @Test
    void updateOfAMissingFileFailsButUpdateOrCreateStartsFromTheInitialValue() {
        Path file = directory.resolve("Tentacle.config.json");

        assertThatThrownBy(() -> store.update(file, c -> c.withListenPort(1)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
        TentacleConfiguration created = store.updateOrCreate(file, () -> TentacleConfiguration.defaults(directory),
                c -> c.withListenPort(10001));

        assertThat(store.read(file)).isEqualTo(created);
        assertThat(created.listenPort()).isEqualTo(10001);
    }

    @Test
    void aChangeThatFailsWritesNothing() {
        Path file = directory.resolve("Tentacle.config.json");
        TentacleConfiguration original = TentacleConfiguration.defaults(directory);
        store.write(file, original);

        assertThatThrownBy(() -> store.update(file, c -> c.withListenPort(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listenPort");

        assertThat(store.read(file)).isEqualTo(original);
        assertThat(ConfigurationStore.backupOf(file)).doesNotExist();
    }

    @Test
    void createsMissingParentDirectories() {
        Path file = directory.resolve("a/b/c/Tentacle.config.json");

        store.write(file, TentacleConfiguration.defaults(directory));

        assertThat(file).isRegularFile();
    }

    @Test
    void aValueWithAVersionFieldIsStillWrittenWithTheFormatVersion() {
        var versioned = ConfigurationStore.of(Versioned.class, "test file");

        String json = versioned.toJson(new Versioned(7, "x"));

        assertThat(json).contains("\"version\" : 1").doesNotContain("7");
        assertThat(List.of(json.split("\"version\"", -1))).hasSize(2);
    }

    record Versioned(int version, String name) {
    }

    private static List<String> names(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Path write(String content) throws IOException {
        Path file = directory.resolve("Tentacle.config.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** A path as it appears inside a JSON string. */
    static String json(Path path) {
        return path.toString().replace("\\", "\\\\");
    }
}
