package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.server.config.WebListenAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerSetupScriptTest {
    private static final Path HOME = Path.of("/var/lib/octopus/Main Server");

    private static ServerSetupPlan plan(StorageChoice storage, boolean service) {
        return new ServerSetupPlan("Main Server", HOME, storage, new WebListenAddress("localhost", 8443), 10943,
                "Administrator", service);
    }

    @Test
    void theEmbeddedDatabaseNeedsNoConnectionStringAndHasNoSecrets() {
        ServerSetupScript script = ServerSetupScript.of(plan(StorageChoice.embedded(), true), OperatingSystem.LINUX);

        assertThat(script.render(false).lines()).containsExactly(
                "octopus-server create-instance --instance 'Main Server' --home '/var/lib/octopus/Main Server'",
                "octopus-server new-certificate --instance 'Main Server'",
                "octopus-server configure --instance 'Main Server' --webListenPrefixes https://localhost:8443/"
                        + " --commsListenPort 10943",
                "octopus-server create-api-key --instance 'Main Server' --name Administrator",
                "octopus-server service --instance 'Main Server' --install --start");
        assertThat(script.hasSecrets()).isFalse();
    }

    @Test
    void thePostgresPasswordIsMaskedUnlessAskedFor() {
        var storage = new StorageChoice.Postgres("db.example.com", 5432, "octopus", "octopus", "s3cret!");
        ServerSetupScript script = ServerSetupScript.of(plan(storage, false), OperatingSystem.LINUX);

        assertThat(script.hasSecrets()).isTrue();
        assertThat(script.render(false)).contains("--storageConnectionString"
                + " 'jdbc:postgresql://db.example.com:5432/octopus?user=octopus&password=********'")
                .doesNotContain("s3cret").doesNotContain("service");
        assertThat(script.render(true)).contains(
                "'jdbc:postgresql://db.example.com:5432/octopus?user=octopus&password=s3cret%21'");
    }

    @Test
    void windowsGetsItsOwnQuoting() {
        ServerSetupScript script = ServerSetupScript.of(plan(StorageChoice.embedded(), false), OperatingSystem.WINDOWS);

        assertThat(script.render(false).lines().findFirst()).contains("octopus-server create-instance --instance"
                + " \"Main Server\" --home \"" + HOME + "\"");
    }
}
