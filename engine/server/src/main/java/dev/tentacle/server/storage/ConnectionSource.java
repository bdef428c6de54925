package dev.tentacle.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Borrows connections from the pool, reporting a database that cannot be reached as {@link StorageUnavailableException}. */
final class ConnectionSource {

    private final DataSource pool;
    private final DatabaseFailures failures;
    private volatile boolean closed;

    ConnectionSource(DataSource pool, DatabaseFailures failures) {
        this.pool = pool;
        this.failures = failures;
    }

    /** A connection with auto-commit off; the caller commits or rolls back, then closes it. */
    Connection borrow(String operation) {
        if (closed) {
            throw new IllegalStateException("Storage is closed; cannot go on " + operation + ". Open it again with "
                    + "Storage.open");
        }
        try {
            Connection connection = pool.getConnection();
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
            }
            return connection;
        } catch (SQLException e) {
            throw failures.translate(operation, e);
        }
    }

    void markClosed() {
        closed = true;
    }
}
