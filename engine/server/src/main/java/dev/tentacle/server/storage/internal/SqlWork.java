package dev.tentacle.server.storage.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on one JDBC connection; the scope that runs it owns the transaction and turns SQL errors into storage errors. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
