package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.server.storage.machines.Machine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema migrations, on every database. */
abstract class MigrationContract extends StorageContract {

    static final String CURRENT_VERSION = "3";
    static final int MIGRATION_COUNT = 3;

    @Test
    void migratesAnEmptyDatabaseToTheCurrentSchema() throws Exception {
        assertThat(storage.migrations()).isEqualTo(new MigrationReport(CURRENT_VERSION, MIGRATION_COUNT));
        assertThat(tableNames()).contains("machine_policies", "machines", "machine_tags", "health_checks",
                "server_tasks", "server_task_targets", "server_task_logs", "api_keys", "server_nodes", "flyway_schema_history");
    }

    @Test
    void openingAgainMigratesNothingAndKeepsTheData() {
        Machine machine = addMachine("web01");
        storage.close();

        storage = Storage.open(configuration, clock);

        assertThat(storage.migrations()).isEqualTo(new MigrationReport(CURRENT_VERSION, 0));
        assertThat(storage.machines().get(machine.id())).contains(machine);
        assertThat(storage.machinePolicies().list()).hasSize(1);
    }

    @Test
    void refusesADatabaseThatANewerServerMigrated() throws Exception {
        storage.close();
        try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                    + "script, checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', "
                    + "'SQL', 'V99__from_the_future.sql', 0, 'newer server', 0, TRUE)");
        }

        assertThatThrownBy(() -> Storage.open(configuration, clock))
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("does not match this Octopus Server")
                .hasMessageContaining("99")
                .hasMessageContaining("restore the backup");
        storage = null;
    }

    @Test
    void aHealthyDatabaseIsAvailable() {
        storage.checkAvailable();
        storage.awaitAvailable(java.time.Duration.ZERO);

        assertThat(storage.configuration()).isEqualTo(configuration);
    }

    private List<String> tableNames() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = rawConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
