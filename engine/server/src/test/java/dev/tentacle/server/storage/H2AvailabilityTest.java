package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.retry.Backoff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database: created under the server home on first open, and unavailable, with a message that says
 * why, while another process holds its file.
 */
class H2AvailabilityTest {

    @TempDir
    Path home;

    @Test
    void theDefaultDatabaseIsCreatedUnderTheServerHome() {
        StorageConfiguration configuration = StorageConfiguration.defaultFor(home);

        try (Storage storage = Storage.open(configuration)) {
            assertThat(storage.migrations().appliedAtOpen()).isEqualTo(MigrationContract.MIGRATION_COUNT);
        }

        assertThat(home.resolve("Database").resolve("octopus.mv.db")).isRegularFile();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aDatabaseFileHeldByAnotherProcessIsUnavailableUntilThatProcessLetsGo() throws Exception {
        StorageConfiguration configuration = StorageConfiguration.defaultFor(home)
                .withConnectionTimeout(Duration.ofMillis(500));
        Storage.open(configuration).close();
        Path work = Files.createDirectories(home.resolve("work"));
        RecordingRetryListener listener = new RecordingRetryListener();

        try (ChildJvm otherServer = ChildJvm.start("hold-open", configuration, work)) {
            otherServer.awaitLine("OPEN");

            assertThatThrownBy(() -> Storage.open(configuration))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("Cannot reach the Octopus Server database " + configuration.redactedUrl())
                    .hasMessageContaining("Another process has the H2 database file open")
                    .hasMessageContaining("is another Octopus Server running with this home directory?")
                    .hasMessageContaining("octopus-server configure --storageConnectionString");

            StorageRetry retry = StorageRetry.builder(Duration.ofMinutes(5))
                    .backoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(50)))
                    .listener(listener)
                    .sleeper(wait -> otherServer.kill())
                    .build();
            try (Storage storage = Storage.openWhenAvailable(configuration, retry)) {
                storage.checkAvailable();
                assertThat(storage.migrations().appliedAtOpen()).isZero();
            }
        }
        assertThat(listener.events).containsExactly("waiting 1 50ms", "recovered 1");
    }
}
