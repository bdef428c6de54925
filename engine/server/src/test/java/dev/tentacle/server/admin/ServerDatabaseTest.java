package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.server.storage.DatabaseKind;
import dev.tentacle.server.storage.StorageConfiguration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerDatabaseTest {
    @TempDir
    Path temp;

    @Test
    void theEmbeddedDatabaseIsNamedByItsDataFile() {
        ServerDatabase database = ServerDatabase.of(StorageConfiguration.defaultFor(temp));

        assertThat(database.kind()).isEqualTo(DatabaseKind.H2);
        assertThat(database.h2Database()).contains(temp.resolve("Database/octopus"));
        assertThat(database.h2DataFile()).contains(temp.resolve("Database/octopus.mv.db"));
        assertThat(database.description()).isEqualTo("embedded H2 database " + temp.resolve("Database/octopus.mv.db"));
        assertThat(database.h2Files()).contains(temp.resolve("Database/octopus.mv.db"),
                temp.resolve("Database/octopus.trace.db"), temp.resolve("Database/octopus.lock.db"));
    }

    @Test
    void aPostgresqlDatabaseShowsHostDatabaseAndUserButNeverThePassword() {
        ServerDatabase database = ServerDatabase.of(StorageConfiguration.parse(
                "jdbc:postgresql://db1:5433,db2/octopus?password=secret&ssl=true", "octo", "hunter2"));

        assertThat(database.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(database.description()).isEqualTo("PostgreSQL database 'octopus' on db1:5433, db2:5432 as user 'octo'");
        assertThat(database.description()).doesNotContain("secret", "hunter2");
        assertThat(database.h2Database()).isEmpty();
        assertThat(database.h2Files()).isEmpty();
    }

    @Test
    void aPostgresqlUrlWithoutHostOrUserStillSaysWhereItIs() {
        assertThat(ServerDatabase.of(StorageConfiguration.parse("postgresql:octopus", null, null)).description())
                .isEqualTo("PostgreSQL database 'octopus' on localhost:5432");
        assertThat(ServerDatabase.of(StorageConfiguration.parse("jdbc:postgresql://db/octopus?user=reader", null,
                null)).description()).isEqualTo("PostgreSQL database 'octopus' on db:5432 as user 'reader'");
    }

    @Test
    void anH2DatabaseThatIsNoFileHereHasNoFilesToDelete() {
        ServerDatabase memory = ServerDatabase.of(StorageConfiguration.parse("jdbc:h2:mem:test", null, null));
        ServerDatabase remote = ServerDatabase.of(StorageConfiguration.parse("jdbc:h2:tcp://db:9092/octopus", null,
                null));

        assertThat(memory.h2Database()).isEmpty();
        assertThat(memory.description()).contains("in memory");
        assertThat(remote.h2Database()).isEmpty();
        assertThat(remote.description()).isEqualTo("H2 database served at tcp://db:9092/octopus");
        assertThat(ServerDatabase.of(StorageConfiguration.parse("jdbc:h2:nio:/data/octopus", null, null))
                .h2Database()).isEmpty();
    }

    @Test
    void aPlainH2PathIsAFile() {
        ServerDatabase database = ServerDatabase.of(StorageConfiguration.parse("jdbc:h2:" + temp.resolve("db/data"),
                null, null));

        assertThat(database.h2Database()).contains(temp.resolve("db/data"));
    }
}
