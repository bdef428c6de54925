package dev.tentacle.instances.registry;

import dev.tentacle.instances.ApplicationKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.instances.config.ConfigurationStore;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.registry.InstanceRegistryException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceRegistryTest {
    @TempDir
    Path directory;

    private InstanceRegistry tentacles() {
        return new InstanceRegistry(InstanceLocations.at(directory), ApplicationKind.TENTACLE);
    }

    private InstanceRegistryException fails(Reason reason, Runnable action) {
        InstanceRegistryException e = catchThrowableOfType(InstanceRegistryException.class, action::run);
        assertThat(e).as("expected an InstanceRegistryException").isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        return e;
    }

    @Test
    void anEmptyRegistryListsNothingAndFindsNothing() {
        assertThat(tentacles().list()).isEmpty();
        assertThat(tentacles().find("Tentacle")).isEmpty();
        assertThat(tentacles().indexFile()).doesNotExist();
    }

    @Test
    void createdInstancesAreListedSortedByNameIgnoringCase() {
        InstanceRegistry registry = tentacles();
        Path config = directory.resolve("web/Tentacle.config.json");

        InstanceRecord web = registry.create("web", config);
        registry.create("Database");
        registry.create("api");

        assertThat(web).isEqualTo(new InstanceRecord("web", config));
        assertThat(registry.list()).extracting(InstanceRecord::name).containsExactly("api", "Database", "web");
    }

    @Test
    void findAndGetIgnoreCaseAndReturnTheNameAsCreated() {
        InstanceRegistry registry = tentacles();
        registry.create("Web-Server");

        assertThat(registry.find("WEB-server")).hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("Web-Server"));
        assertThat(registry.get("web-server").name()).isEqualTo("Web-Server");
    }

    @Test
    void createWithoutAConfigFileUsesTheDefaultLocation() {
        InstanceRecord record = tentacles().create("Tentacle");

        assertThat(record.configFile()).isEqualTo(directory.resolve("Tentacle/instances/Tentacle/Tentacle.config.json"));
        assertThat(tentacles().defaultConfigFile("Tentacle")).isEqualTo(record.configFile());
        assertThat(tentacles().defaultHomeDirectory("Tentacle")).isEqualTo(record.configFile().getParent());
    }

    @Test
    void aRelativeConfigFileIsStoredAbsolute() {
        InstanceRecord record = tentacles().create("Tentacle", Path.of("relative.json"));

        assertThat(record.configFile()).isEqualTo(Path.of("relative.json").toAbsolutePath());
    }

    @Test
    void theRegistryOnlyRecordsNamesAndDoesNotCreateConfigFiles() {
        InstanceRecord record = tentacles().create("Tentacle");

        assertThat(record.configFile()).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tentacle", "TENTACLE", "Tentacle"})
    void aSecondInstanceWithTheSameNameInAnyCaseIsRefused(String second) {
        InstanceRegistry registry = tentacles();
        registry.create("Tentacle", directory.resolve("one.json"));

        InstanceRegistryException e = fails(Reason.ALREADY_EXISTS, () -> registry.create(second, directory.resolve("two.json")));

        assertThat(e.getMessage()).startsWith("A Tentacle instance named 'Tentacle' already exists")
                .contains(directory.resolve("one.json").toString(), "tentacle delete-instance --instance Tentacle");
        assertThat(registry.list()).extracting(InstanceRecord::name).containsExactly("Tentacle");
        if (!second.equals("Tentacle")) {
            assertThat(e.getMessage()).contains("names are compared regardless of case");
        }
    }

    @Test
    void twoInstancesCannotShareAConfigFile() {
        InstanceRegistry registry = tentacles();
        Path shared = directory.resolve("shared.json");
        registry.create("one", shared);

        InstanceRegistryException e = fails(Reason.CONFIG_FILE_IN_USE, () -> registry.create("two", shared));

        assertThat(e.getMessage()).contains(shared + " already belongs to the instance 'one'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../escape", "a/b", " padded", "CON", "trailing."})
    void invalidNamesAreRefusedWithTheRule(String name) {
        InstanceRegistryException e = fails(Reason.INVALID_NAME, () -> tentacles().create(name));

        assertThat(e.instanceName()).isEqualTo(name);
        assertThat(tentacles().indexFile()).doesNotExist();
    }

    @Test
    void anUnknownInstanceIsReportedWithTheKnownOnesAndHowToCreateIt() {
        InstanceRegistry registry = tentacles();
        registry.create("web");
        registry.create("db");

        InstanceRegistryException e = fails(Reason.NOT_FOUND, () -> registry.get("X"));

        assertThat(e.getMessage()).isEqualTo("No Tentacle instance named 'X'. Known instances: db, web. The registry is "
                + directory + ". Create one with: tentacle create-instance --instance X --config "
                + directory.resolve("Tentacle/instances/X/Tentacle.config.json"));
    }

    @Test
    void anUnknownInstanceInAnEmptyRegistrySaysThereAreNone() {
        InstanceRegistryException e = fails(Reason.NOT_FOUND, () -> tentacles().get("Tentacle"));

        assertThat(e.getMessage()).contains("Known instances: none.");
    }

    @Test
    void namesWithSpacesAreQuotedInTheSuggestedCommand() {
        InstanceRegistryException e = fails(Reason.NOT_FOUND, () -> tentacles().get("Web Server"));

        assertThat(e.getMessage()).contains("--instance \"Web Server\"");
    }

    @Test
    void anInvalidNameIsNotFoundAndTheMessageSaysWhy() {
        assertThat(tentacles().find("a/b")).isEmpty();

        InstanceRegistryException e = fails(Reason.NOT_FOUND, () -> tentacles().get("a/b"));

        assertThat(e.getMessage()).contains("No Tentacle instance named 'a/b'", "is not a valid instance name")
                .doesNotContain("create-instance");
    }

    @Test
    void deleteRemovesTheEntryAndLeavesTheConfigurationFile() {
        InstanceRegistry registry = tentacles();
        Path config = directory.resolve("web.json");
        TentacleConfiguration.store().write(config, TentacleConfiguration.defaults(directory));
        registry.create("web", config);
        registry.create("db");

        InstanceRecord removed = registry.delete("WEB");

        assertThat(removed.name()).isEqualTo("web");
        assertThat(registry.list()).extracting(InstanceRecord::name).containsExactly("db");
        assertThat(config).isRegularFile();
    }

    @Test
    void deletingAnUnknownInstanceSaysWhichExist() {
        InstanceRegistry registry = tentacles();
        fails(Reason.NOT_FOUND, () -> registry.delete("web"));
        registry.create("db");

        InstanceRegistryException e = fails(Reason.NOT_FOUND, () -> registry.delete("web"));

        assertThat(e.getMessage()).contains("Known instances: db.");
    }

    @Test
    void aNameIsFreeAgainAfterDelete() {
        InstanceRegistry registry = tentacles();
        registry.create("web", directory.resolve("a.json"));
        registry.delete("web");

        assertThat(registry.create("WEB", directory.resolve("b.json")).name()).isEqualTo("WEB");
    }

    @Test
    void tentaclesAndServersAreRegisteredSeparately() {
        InstanceRegistry servers = new InstanceRegistry(InstanceLocations.at(directory), ApplicationKind.SERVER);
        tentacles().create("Default");
        servers.create("Default");

        assertThat(servers.indexFile()).isEqualTo(directory.resolve("OctopusServer/instances.json"));
        assertThat(servers.get("Default").configFile())
                .isEqualTo(directory.resolve("OctopusServer/instances/Default/OctopusServer.config.json"));
        InstanceRegistryException e = fails(Reason.NOT_FOUND, () -> servers.get("Other"));
        assertThat(e.getMessage()).startsWith("No Octopus Server instance named 'Other'")
                .contains("octopus-server create-instance");
    }

    @Test
    void theIndexIsVersionedJsonWithABackupOfThePreviousVersion() throws IOException {
        InstanceRegistry registry = tentacles();
        registry.create("web", directory.resolve("web.json"));
        registry.create("db", directory.resolve("db.json"));

        String json = Files.readString(registry.indexFile());
        String backup = Files.readString(ConfigurationStore.backupOf(registry.indexFile()));

        assertThat(json).startsWith("{\n  \"version\" : 1,\n  \"instances\" : [ {\n    \"name\" : \"db\",");
        assertThat(backup).contains("\"web\"").doesNotContain("\"db\"");
    }

    @Test
    void aCorruptIndexIsReportedAndNeverOverwritten() throws IOException {
        InstanceRegistry registry = tentacles();
        registry.create("web");
        Files.writeString(registry.indexFile(), "{\"instances\": [ {\"name\": \"web\"");

        ConfigurationException onRead = catchThrowableOfType(ConfigurationException.class, registry::list);
        ConfigurationException onCreate = catchThrowableOfType(ConfigurationException.class, () -> registry.create("db"));

        assertThat(onRead.reason()).isEqualTo(ConfigurationException.Reason.TRUNCATED);
        assertThat(onRead.getMessage()).contains("Tentacle instance registry " + registry.indexFile(),
                "tentacle create-instance --instance NAME --config CONFIG-FILE");
        assertThat(onCreate).isNotNull();
        assertThat(Files.readString(registry.indexFile())).isEqualTo("{\"instances\": [ {\"name\": \"web\"");
    }

    @Test
    void anIndexEditedToHoldTheSameNameTwiceIsAnInvalidValue() throws IOException {
        InstanceRegistry registry = tentacles();
        Files.createDirectories(registry.indexFile().getParent());
        Files.writeString(registry.indexFile(), """
                {"instances": [{"name": "web", "configFile": "%1$s"}, {"name": "WEB", "configFile": "%1$s"}]}
                """.formatted(directory.resolve("x.json").toString().replace("\\", "\\\\")));

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, registry::list);

        assertThat(e.reason()).isEqualTo(ConfigurationException.Reason.INVALID_VALUE);
        assertThat(e.getMessage()).contains("'WEB' appears twice (also as 'web'");
    }

    @Test
    void theEnvironmentVariableDecidesWhereTheRegistryIs() {
        var environment = new HostEnvironment(OperatingSystem.LINUX,
                Map.of(InstanceLocations.DIRECTORY_VARIABLE, directory.toString()), "alice", Path.of("/home/alice"));
        var registry = new InstanceRegistry(InstanceLocations.resolve(environment), ApplicationKind.TENTACLE);

        registry.create("Tentacle");

        assertThat(directory.resolve("Tentacle/instances.json")).isRegularFile();
        assertThat(tentacles().get("Tentacle")).isEqualTo(registry.get("Tentacle"));
    }

    @Test
    void concurrentCreatesAreAllKept() {
        InstanceRegistry registry = tentacles();

        IntStream.range(0, 16).parallel().forEach(i -> registry.create("instance-" + i));

        assertThat(registry.list()).hasSize(16);
    }
}
