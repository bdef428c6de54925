package dev.tentacle.server.storage;

import dev.tentacle.server.storage.internal.ConnectionScope;
import dev.tentacle.server.storage.internal.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs each piece of work in a transaction of its own on a pooled connection: committed on return, else rolled back. */
final class PooledConnectionScope implements ConnectionScope {

    private final ConnectionSource connections;
    private final DatabaseFailures failures;

    PooledConnectionScope(ConnectionSource connections, DatabaseFailures failures) {
        this.connections = connections;
        this.failures = failures;
    }

    @Override
    public <T> T withConnection(String operation, SqlWork<T> work) {
        Connection connection = connections.borrow(operation);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            Transactions.rollbackQuietly(connection, e);
            throw failures.translate(operation, e);
        } catch (RuntimeException | Error e) {
            Transactions.rollbackQuietly(connection, e);
            throw e;
        } finally {
            Transactions.closeQuietly(connection);
        }
    }
}
