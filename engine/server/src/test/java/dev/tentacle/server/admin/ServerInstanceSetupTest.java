package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.InstanceRegistryException;
import dev.tentacle.server.config.ServerCertificates;
import dev.tentacle.server.config.ServerConfiguration;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerInstanceSetupTest {
    @TempDir
    Path root;

    private InstanceRegistry registry() {
        return new InstanceRegistry(InstanceLocations.at(root.resolve("registry")), ApplicationKind.SERVER);
    }

    @Test
    void createsARegisteredInstanceWithTheDefaultConfigurationInItsHome() {
        Path home = root.resolve("homes/main");

        ServerInstanceSetup.Created created = new ServerInstanceSetup(registry()).create("Main", home, null);

        assertThat(created.createdConfigFile()).isTrue();
        assertThat(created.alreadyExisted()).isFalse();
        assertThat(created.homeDirectory()).isEqualTo(home);
        assertThat(created.instance().configFile()).isEqualTo(home.resolve("OctopusServer.config.json"));
        assertThat(registry().get("main").configFile()).isEqualTo(created.instance().configFile());
        assertThat(created.instance().configuration()).isEqualTo(ServerConfiguration.defaults(home));
    }

    @Test
    void creatingTheSameInstanceAgainChangesNothing() {
        ServerInstanceSetup setup = new ServerInstanceSetup(registry());
        Path home = root.resolve("homes/main");
        ServerInstance first = setup.create("Main", home, null).instance();
        first.update(c -> c.withCommsListenPort(20943));

        ServerInstanceSetup.Created again = setup.create("Main", home, null);

        assertThat(again.alreadyExisted()).isTrue();
        assertThat(again.createdConfigFile()).isFalse();
        assertThat(again.instance().configuration().commsListenPort()).isEqualTo(20943);
    }

    @Test
    void anExistingConfigurationFileIsRegisteredAsItIs() {
        Path otherHome = root.resolve("elsewhere");
        Path file = root.resolve("configs/server.json");
        ServerConfiguration.store().write(file, ServerConfiguration.defaults(otherHome).withCommsListenPort(20000));

        ServerInstanceSetup.Created created = new ServerInstanceSetup(registry()).create("Existing", null, file);

        assertThat(created.createdConfigFile()).isFalse();
        assertThat(created.homeDirectory()).isEqualTo(otherHome);
        assertThat(created.instance().configuration().commsListenPort()).isEqualTo(20000);
    }

    @Test
    void aNameTakenByAnotherConfigurationIsRefused() {
        ServerInstanceSetup setup = new ServerInstanceSetup(registry());
        setup.create("Main", root.resolve("homes/a"), null);

        assertThatThrownBy(() -> setup.create("main", root.resolve("homes/b"), null))
                .isInstanceOf(InstanceRegistryException.class);
    }

    @Test
    void aHomeThatCannotBeCreatedLeavesNothingRegistered() throws Exception {
        Path blocker = Files.writeString(root.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> new ServerInstanceSetup(registry()).create("Main", blocker.resolve("home"), null))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("The instance was not created");

        assertThat(registry().find("Main")).isEmpty();
    }

    @Test
    void newCertificateGeneratesOneAndIfBlankKeepsIt() {
        ServerInstance instance = new ServerInstanceSetup(registry()).create("Main", root.resolve("homes/main"), null)
                .instance();

        ServerInstanceSetup.Certificate first = ServerInstanceSetup.newCertificate(instance, false);
        ServerInstanceSetup.Certificate kept = ServerInstanceSetup.newCertificate(instance, true);

        assertThat(first.generated()).isTrue();
        assertThat(first.file()).exists().hasFileName(ServerCertificates.CERTIFICATE_FILE_NAME);
        assertThat(kept.generated()).isFalse();
        assertThat(kept.thumbprints()).isEqualTo(first.thumbprints());
        assertThat(ServerInstanceSetup.newCertificate(instance, false).thumbprints()).isNotEqualTo(first.thumbprints());
    }
}
