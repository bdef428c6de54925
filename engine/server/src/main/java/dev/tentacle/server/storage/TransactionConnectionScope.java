package dev.tentacle.server.storage;

import dev.tentacle.server.storage.internal.ConnectionScope;
import dev.tentacle.server.storage.internal.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs work inside a transaction opened by {@link Storage#inTransaction}. Each piece of work runs under a savepoint:
 * if it fails, only its own statements are undone and the transaction stays usable. Without that, a failed statement
 * would spoil the rest of the transaction on PostgreSQL but not on H2; with it, both behave the same.
 */
final class TransactionConnectionScope implements ConnectionScope {

    private final Connection connection;
    private final DatabaseFailures failures;
    private boolean open = true;

    TransactionConnectionScope(Connection connection, DatabaseFailures failures) {
        this.connection = connection;
        this.failures = failures;
    }

    @Override
    public <T> T withConnection(String operation, SqlWork<T> work) {
        if (!open) {
            throw new IllegalStateException("The transaction is over: " + operation + " must run inside the "
                    + "inTransaction callback that received these repositories, or through storage directly");
        }
        Savepoint savepoint = null;
        try {
            savepoint = connection.setSavepoint();
            T result = work.run(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            undo(savepoint, e);
            throw failures.translate(operation, e);
        } catch (RuntimeException | Error e) {
            undo(savepoint, e);
            throw e;
        }
    }

    void end() {
        open = false;
    }

    private void undo(Savepoint savepoint, Throwable failure) {
        if (savepoint == null) {
            return;
        }
        try {
            connection.rollback(savepoint);
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
