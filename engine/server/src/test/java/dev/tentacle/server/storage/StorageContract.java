package dev.tentacle.server.storage;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every storage contract: each test gets storage on an empty database of the kind its subclass names,
 * with a clock it moves by hand.
 */
abstract class StorageContract {

    protected final TestClock clock = new TestClock();
    protected StorageConfiguration configuration;
    protected Storage storage;

    protected abstract TestDatabases databases();

    @BeforeEach
    void openStorageOnAnEmptyDatabase() {
        configuration = databases().newDatabase();
        storage = Storage.open(configuration, clock);
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    /** A connection that bypasses the repositories, to look at what is really stored. */
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(configuration.jdbcUrl(), configuration.user(),
                configuration.password() == null ? "" : configuration.password());
    }

    protected static Thumbprint thumbprint(int n) {
        return new Thumbprint("%064X".formatted(n));
    }

    protected static NewMachine listening(String name) {
        int n = name.hashCode() & 0xffff;
        return NewMachine.listening(name, URI.create("https://machine-" + n + ".example:10933/"), thumbprint(n));
    }

    protected Machine addMachine(String name) {
        return storage.machines().add(listening(name));
    }
}
