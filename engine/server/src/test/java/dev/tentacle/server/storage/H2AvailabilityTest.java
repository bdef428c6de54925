package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.retry.Backoff;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.NewMachine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database: created under the server home on first open, owner-only; shared with other processes
 * (AUTO_SERVER) so that commands work while a server holds it; and, opened without sharing, unavailable with a message
 * that says why while another process holds its file.
 */
class H2AvailabilityTest {

    @TempDir
    Path home;

    @Test
    void theDefaultDatabaseIsCreatedUnderTheServerHome() throws IOException {
        StorageConfiguration configuration = StorageConfiguration.defaultFor(home);

        try (Storage storage = Storage.open(configuration)) {
            // An empty database gets every migration, numbered 1, 2, ... up to the schema version.
            assertThat(storage.migrations().appliedAtOpen())
                    .isEqualTo(Integer.parseInt(storage.migrations().schemaVersion()));
        }

        assertThat(home.resolve("Database").resolve("octopus.mv.db")).isRegularFile();
        if (home.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("Database"))))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void anotherProcessHoldingTheDatabaseSharesItWithThisOne() throws Exception {
        StorageConfiguration configuration = StorageConfiguration.defaultFor(home);
        Path work = Files.createDirectories(home.resolve("work"));

        try (ChildJvm otherServer = ChildJvm.start("share", configuration, work)) {
            otherServer.awaitLine("OPEN");

            try (Storage storage = Storage.open(configuration)) {
                assertThat(storage.machines().list(MachineFilter.all())).extracting(Machine::name)
                        .containsExactly(StorageChild.COMMITTED_MACHINE);
                storage.machines().add(NewMachine.listening("added-while-shared",
                        URI.create("https://shared.example:10933/"), new Thumbprint("%064X".formatted(7))));

                otherServer.send("LIST");
                otherServer.awaitLine("MACHINES added-while-shared," + StorageChild.COMMITTED_MACHINE);

                assertThat(Files.readString(home.resolve("Database/octopus.lock.db"))).contains("server=");
                assertThat(listeningPortsOf(otherServer)).allSatisfy(address -> assertThat(address)
                        .as("the database server for other processes listens on loopback only")
                        .startsWith("127.0.0.1:"));

                otherServer.kill();
                // The owner is gone: this process reconnects, opening the file itself, and goes on.
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                        assertThat(storage.machines().list(MachineFilter.all())).hasSize(2));
                storage.machines().add(NewMachine.listening("added-after-the-owner-died",
                        URI.create("https://after.example:10933/"), new Thumbprint("%064X".formatted(8))));
            }
        }
        try (Storage storage = Storage.open(configuration)) {
            assertThat(storage.machines().list(MachineFilter.all())).hasSize(3);
        }
    }

    /** The TCP ports the child listens on, as "address:port", from /proc; empty where /proc is not available. */
    private static List<String> listeningPortsOf(ChildJvm child) throws IOException {
        return ProcListeningSockets.of(child.pid());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aDatabaseFileHeldByAnotherProcessWithoutSharingIsUnavailableUntilThatProcessLetsGo() throws Exception {
        StorageConfiguration configuration = new StorageConfiguration("jdbc:h2:file:"
                + home.resolve("Database/octopus").toString().replace('\\', '/') + ";AUTO_SERVER=FALSE", null, null,
                StorageConfiguration.DEFAULT_MAXIMUM_POOL_SIZE, Duration.ofMillis(500));
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
