package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.tasks.TaskFilter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A server process killed mid-transaction leaves nothing half-written, on every database. */
abstract class CrashContract extends StorageContract {

    @TempDir
    Path work;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aProcessKilledMidTransactionLeavesOnlyWhatItCommitted() throws Exception {
        // This process lets go, so that the child owns the H2 file and its crash is the file's crash: were this
        // process the owner, the child would write through it (AUTO_SERVER).
        storage.close();
        storage = null;

        try (ChildJvm child = ChildJvm.start("crash-mid-transaction", configuration, work)) {
            child.awaitLine("WRITTEN");
            child.kill();
        }

        // After its owner is killed, the first open of a shared H2 file waits until the stale lock file is old
        // enough to be taken over (about 3.5 s), longer than the tests' usual connection timeout.
        storage = Storage.open(configuration.withConnectionTimeout(Duration.ofSeconds(30)), clock);
        assertThat(storage.machines().list(MachineFilter.all())).extracting(Machine::name)
                .containsExactly(StorageChild.COMMITTED_MACHINE);
        assertThat(storage.tasks().list(TaskFilter.recent())).isEmpty();
        assertThat(storage.apiKeys().list()).isEmpty();
        assertThat(storage.migrations().appliedAtOpen()).isZero();
        assertThat(countRows("server_task_logs")).isZero();
        assertThat(countRows("machine_tags")).isZero();
        // The unique name of the machine that was never committed is free.
        assertThat(storage.machines().add(listening(StorageChild.HALF_WRITTEN_MACHINE)).name())
                .isEqualTo(StorageChild.HALF_WRITTEN_MACHINE);
    }

    private long countRows(String table) throws Exception {
        try (Connection connection = rawConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
