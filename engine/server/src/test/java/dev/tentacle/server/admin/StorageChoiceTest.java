package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.DatabaseKind;
import dev.tentacle.server.storage.StorageConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StorageChoiceTest {
    private static final Path HOME = Path.of("/srv/octopus");

    @Test
    void theEmbeddedDatabaseIsTheDefaultUnderTheHome() {
        StorageChoice embedded = StorageChoice.embedded();

        assertThat(embedded.connectionString()).isNull();
        assertThat(embedded.configuration(HOME)).isEqualTo(StorageConfiguration.defaultFor(HOME));
        assertThat(StorageChoice.parse("DEFAULT")).isEqualTo(embedded);
    }

    @Test
    void postgresPutsTheLoginIntoTheUrlEncoded() {
        var postgres = new StorageChoice.Postgres(" db1 ", 5433, "octo pus", "admin@corp", "a&b=c d");

        assertThat(postgres.connectionString())
                .isEqualTo("jdbc:postgresql://db1:5433/octo%20pus?user=admin%40corp&password=a%26b%3Dc%20d");
        assertThat(postgres.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(postgres.describe(HOME)).endsWith("password=*****");
        assertThat(postgres.toString()).doesNotContain("a&b").contains("password=(hidden)");
        assertThat(ServerConfiguration.defaults(HOME).withStorageConnectionString(postgres.connectionString())
                .storage().jdbcUrl()).isEqualTo(postgres.connectionString());
    }

    @Test
    void anIpv6HostGoesInBracketsAndAnEmptyPasswordIsLeftOut() {
        assertThat(new StorageChoice.Postgres("::1", 5432, "octopus", "octopus", "").connectionString())
                .isEqualTo("jdbc:postgresql://[::1]:5432/octopus?user=octopus");
    }

    @Test
    void missingPartsAreRejectedWithWhatIsMissing() {
        assertThatThrownBy(() -> new StorageChoice.Postgres(" ", 5432, "octopus", "octopus", null))
                .hasMessageContaining("The PostgreSQL host is required");
        assertThatThrownBy(() -> new StorageChoice.Postgres("db", 0, "octopus", "octopus", null))
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> new StorageChoice.Postgres("db", 5432, "", "octopus", null))
                .hasMessageContaining("The PostgreSQL database is required");
        assertThatThrownBy(() -> StorageChoice.parse("mysql://db/octopus"))
                .hasMessageContaining("Unsupported storage connection string");
    }
}
