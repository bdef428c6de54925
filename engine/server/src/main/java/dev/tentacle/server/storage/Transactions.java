package dev.tentacle.server.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Rolling back and closing without hiding the failure that made it necessary. */
final class Transactions {

    private Transactions() {
    }

    static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            // The connection is probably broken, so the database rolls the transaction back itself.
            failure.addSuppressed(rollbackFailure);
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Returning a connection to the pool fails only when it is already broken; the pool discards it.
        }
    }
}
