package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorageConfigurationTest {

    private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    private static final String SHARED = ";AUTO_SERVER=TRUE";

    @Test
    void theDefaultIsAnH2FileUnderTheServerHome() {
        Path home = Path.of("/var/lib/octopus/OctopusServer");

        StorageConfiguration configuration = StorageConfiguration.defaultFor(home);

        assertThat(configuration.jdbcUrl()).isEqualTo("jdbc:h2:file:/var/lib/octopus/OctopusServer/Database/octopus" + SHARED + SETTINGS);
        assertThat(configuration.kind()).isEqualTo(DatabaseKind.H2);
        assertThat(configuration.user()).isEqualTo("sa");
        assertThat(configuration.maximumPoolSize()).isEqualTo(StorageConfiguration.DEFAULT_MAXIMUM_POOL_SIZE);
        assertThat(configuration.connectionTimeout()).isEqualTo(StorageConfiguration.DEFAULT_CONNECTION_TIMEOUT);
    }

    @Test
    void h2WithADirectoryMeansAFileDatabaseInThatDirectory() {
        StorageConfiguration configuration = StorageConfiguration.parse("h2:/srv/octopus/db", null, null);

        assertThat(configuration.jdbcUrl()).isEqualTo("jdbc:h2:file:/srv/octopus/db/octopus" + SHARED + SETTINGS);
    }

    @Test
    void aRelativeH2DirectoryBecomesAbsolute() {
        StorageConfiguration configuration = StorageConfiguration.parse("h2:data", null, null);

        String expected = Path.of("data").toAbsolutePath().normalize().resolve("octopus").toString().replace('\\', '/');
        assertThat(configuration.jdbcUrl()).startsWith("jdbc:h2:file:" + expected + ";");
    }

    @Test
    void anH2UrlGetsTheSettingsItLacks() {
        StorageConfiguration configuration = StorageConfiguration.parse("jdbc:h2:mem:test;mode=postgresql;WRITE_DELAY=100",
                "admin", "pw");

        assertThat(configuration.jdbcUrl()).isEqualTo(
                "jdbc:h2:mem:test;mode=postgresql;WRITE_DELAY=100;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(configuration.user()).isEqualTo("admin");
    }

    @Test
    void anH2UrlThatContradictsTheSchemaIsRejected() {
        assertThatThrownBy(() -> StorageConfiguration.parse("jdbc:h2:mem:test;MODE=MySQL", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sets MODE=MySQL but the server's schema needs MODE=PostgreSQL")
                .hasMessageContaining("remove MODE from the URL");
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://db.example:5433/octopus, jdbc:postgresql://db.example:5433/octopus",
        "postgresql://db.example/octopus, jdbc:postgresql://db.example/octopus",
        "'  jdbc:postgresql://db/octopus  ', jdbc:postgresql://db/octopus"
    })
    void acceptsPostgresqlUrls(String connectionString, String jdbcUrl) {
        StorageConfiguration configuration = StorageConfiguration.parse(connectionString, "octopus", "secret");

        assertThat(configuration.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(configuration.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:mysql://db/octopus",
        "mongodb://db",
        "/var/lib/octopus"
    })
    void rejectsWhatItCannotStoreInWithTheFormsItAccepts(String connectionString) {
        assertThatThrownBy(() -> StorageConfiguration.parse(connectionString, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsupported storage connection string")
                .hasMessageContaining("h2:<directory>")
                .hasMessageContaining("jdbc:postgresql://<host>:<port>/<database>");
    }

    @Test
    void rejectsAnEmptyConnectionString() {
        assertThatThrownBy(() -> StorageConfiguration.parse(" ", null, null))
                .hasMessageContaining("A storage connection string is required");
        assertThatThrownBy(() -> StorageConfiguration.parse("h2:", null, null))
                .hasMessageContaining("names no directory");
    }

    @Test
    void neverShowsAPassword() {
        StorageConfiguration configuration = StorageConfiguration.parse(
                "jdbc:postgresql://db/octopus?user=octopus&password=hunter2&ssl=true", null, "s3cret");

        assertThat(configuration.redactedUrl()).isEqualTo("jdbc:postgresql://db/octopus?user=octopus&password=*****&ssl=true");
        assertThat(configuration.toString()).doesNotContain("hunter2").doesNotContain("s3cret").contains("(hidden)");
        assertThat(StorageConfiguration.parse("jdbc:h2:mem:x;PASSWORD=hunter2", null, null).redactedUrl())
                .doesNotContain("hunter2");
    }

    @Test
    void checksThePoolSettings() {
        StorageConfiguration configuration = StorageConfiguration.parse("h2:/tmp/x", null, null);

        assertThat(configuration.withMaximumPoolSize(3).withConnectionTimeout(Duration.ofSeconds(1)))
                .extracting(StorageConfiguration::maximumPoolSize, StorageConfiguration::connectionTimeout)
                .containsExactly(3, Duration.ofSeconds(1));
        assertThatThrownBy(() -> configuration.withMaximumPoolSize(0)).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> configuration.withConnectionTimeout(Duration.ofMillis(10)))
                .hasMessageContaining("between 250 ms and 10 minutes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db.example:5433/octopus | db.example:5433",
        "jdbc:postgresql://db.example/octopus?ssl=true | db.example:5432",
        "jdbc:postgresql://db1:5433,db2/octopus | db1:5433, db2:5432",
        "jdbc:postgresql://[::1]:6000/octopus | [::1]:6000",
        "jdbc:postgresql://[::1]/octopus | [::1]:5432",
        "jdbc:postgresql:octopus | localhost:5432"
    })
    void namesThePostgresqlHostsToCheck(String jdbcUrl, String expected) {
        assertThat(PostgresAddress.hostsAndPorts(jdbcUrl)).isEqualTo(expected);
    }
}
