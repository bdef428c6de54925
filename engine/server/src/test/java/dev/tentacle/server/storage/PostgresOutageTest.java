package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.retry.Backoff;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.testing.net.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL that is down when the server starts, or goes down while it runs: a clear error naming the database and
 * what to check, and recovery once PostgreSQL is back on the same port. Waits are injected, so "PostgreSQL comes
 * back" happens exactly at the first retry wait.
 */
class PostgresOutageTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(100), Duration.ofMillis(100));

    @TempDir
    Path dataDirectory;

    private final int port = Ports.freeLoopbackPort();
    private final RecordingRetryListener listener = new RecordingRetryListener();
    private EmbeddedPostgres postgres;
    private Storage storage;

    @AfterEach
    void stopEverything() throws IOException {
        if (storage != null) {
            storage.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void openingWhilePostgresIsDownNamesTheDatabaseTheCauseAndWhatToCheck() {
        StorageConfiguration configuration = StorageConfiguration.parse(
                "jdbc:postgresql://localhost:" + port + "/octopus?password=s3cret", "octopus", null)
                .withConnectionTimeout(Duration.ofMillis(500));

        assertThatThrownBy(() -> Storage.open(configuration))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("Cannot reach the Octopus Server database jdbc:postgresql://localhost:" + port
                        + "/octopus?password=*****")
                .hasMessageContaining("Connection to localhost:" + port + " refused")
                .hasMessageContaining("Is PostgreSQL running on localhost:" + port + " and accepting connections?")
                .hasMessageContaining("octopus-server configure --storageConnectionString")
                .hasMessageNotContaining("s3cret")
                .extracting(e -> ((StorageUnavailableException) e).databaseUrl())
                .isEqualTo("jdbc:postgresql://localhost:" + port + "/octopus?password=*****");
    }

    @Test
    void theServerStartsOncePostgresComesUp() {
        StorageRetry retry = StorageRetry.builder(Duration.ofMinutes(5)).backoff(QUICK).listener(listener)
                .sleeper(wait -> postgres = startPostgres()).build();

        storage = Storage.openWhenAvailable(configuration(), retry);

        // An empty database gets every migration, numbered 1, 2, ... up to the schema version.
        assertThat(storage.migrations().appliedAtOpen())
                .isEqualTo(Integer.parseInt(storage.migrations().schemaVersion()));
        assertThat(listener.events).containsExactly("waiting 1 100ms", "recovered 1");
        assertThat(listener.failures.getFirst()).hasMessageContaining("Is PostgreSQL running on localhost:" + port);
    }

    @Test
    void anOutageWhileRunningIsReportedClearlyAndOutlived() {
        postgres = startPostgres();
        storage = Storage.open(configuration());
        Machine machine = storage.machines().add(machine("web01"));

        stopPostgres();

        assertThatThrownBy(() -> storage.machines().list(MachineFilter.all()))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://localhost:" + port + "/postgres")
                .hasMessageContaining("while listing machines")
                .hasMessageContaining("Is PostgreSQL running on localhost:" + port);
        assertThatThrownBy(() -> storage.runInTransaction(tx -> tx.machines().add(machine("web02"))))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(storage::checkAvailable).isInstanceOf(StorageUnavailableException.class);

        storage.awaitAvailable(StorageRetry.builder(Duration.ofMinutes(5)).backoff(QUICK).listener(listener)
                .sleeper(wait -> postgres = startPostgres()).build());

        assertThat(listener.events).containsExactly("waiting 1 100ms", "recovered 1");
        assertThat(storage.machines().list(MachineFilter.all())).containsExactly(machine);
        assertThat(storage.machines().add(machine("web02")).name()).isEqualTo("web02");
    }

    @Test
    void aConnectionCutMidTransactionLeavesNothingWritten() {
        postgres = startPostgres();
        storage = Storage.open(configuration());

        assertThatThrownBy(() -> storage.runInTransaction(tx -> {
            tx.machines().add(machine("web01"));
            terminateConnectionsInTransaction();
            tx.machines().add(machine("web02"));
        }))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("while adding machine 'web02'");

        assertThat(storage.machines().list(MachineFilter.all())).isEmpty();
    }

    @Test
    void waitingGivesUpWithTheLastErrorWhenPostgresStaysDown() {
        postgres = startPostgres();
        storage = Storage.open(configuration());
        stopPostgres();
        TestClock clock = new TestClock();

        assertThatThrownBy(() -> storage.awaitAvailable(StorageRetry.builder(Duration.ofMillis(300)).backoff(QUICK)
                .listener(listener).clock(clock).sleeper(clock::advance).build()))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("Waiting for the Octopus Server database gave up after 4 attempt(s)")
                .hasMessageContaining("the database stayed unavailable for PT0.3S")
                .hasMessageContaining("Is PostgreSQL running on localhost:" + port);
        assertThat(listener.events).containsExactly("waiting 1 100ms", "waiting 2 100ms", "waiting 3 100ms", "gave up 4");
    }

    @Test
    void aDatabaseThatDoesNotExistIsAConfigurationErrorNotAnOutage() {
        postgres = startPostgres();
        StorageConfiguration missing = PostgresTestDatabases.urlFor(port, "no_such_database");

        assertThatThrownBy(() -> Storage.open(missing))
                .isInstanceOf(StorageException.class)
                .isNotInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("no_such_database")
                .hasMessageContaining("createdb");
    }

    /** Ends the server side of every connection that is inside a transaction, as a network cut or a DBA would. */
    private void terminateConnectionsInTransaction() {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement();
             ResultSet terminated = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     + "WHERE state = 'idle in transaction' AND pid <> pg_backend_pid()")) {
            assertThat(terminated.next()).as("a connection in a transaction to terminate").isTrue();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not terminate the connection", e);
        }
    }

    private StorageConfiguration configuration() {
        return PostgresTestDatabases.urlFor(port, "postgres").withConnectionTimeout(Duration.ofMillis(500));
    }

    private EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start on port " + port, e);
        }
    }

    private void stopPostgres() {
        try {
            postgres.close();
            postgres = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NewMachine machine(String name) {
        return NewMachine.listening(name, URI.create("https://" + name + ".example:10933/"),
                new Thumbprint("%040X".formatted(name.hashCode() & 0xffff)));
    }
}
