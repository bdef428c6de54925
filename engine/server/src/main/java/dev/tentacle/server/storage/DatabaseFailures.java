package dev.tentacle.server.storage;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns JDBC and Flyway failures into storage exceptions whose messages name the database (without its password),
 * the cause and what to check. The classification looks at exception types and SQL states, never at message text.
 */
final class DatabaseFailures {

    static final String CONFIGURE_HINT = "Check the connection string with octopus-server configure --storageConnectionString";

    /**
     * Connection-level SQL states beyond class 08: PostgreSQL shutting down, starting up or out of connection slots;
     * H2's "database in use by another process", "connection broken", "database closed", "closed at shutdown" and
     * file I/O errors.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", "57P02", "57P03", "53300",
            H2States.DATABASE_IN_USE, "90067", "90098", "90121", "90028", "90031");
    private static final Set<String> LOGIN_REJECTED_STATES = Set.of("28000", "28P01");
    private static final String DATABASE_MISSING_STATE = "3D000";

    private final StorageConfiguration configuration;

    DatabaseFailures(StorageConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The storage exception for a failure while doing {@code operation}, e.g. "adding machine 'web01'". */
    StorageException translate(String operation, Throwable failure) {
        // Login and missing-database errors come first: the pool wraps them in a connection timeout, but waiting
        // will not fix them.
        SQLException rejected = findState(failure, LOGIN_REJECTED_STATES);
        if (rejected != null) {
            return new StorageException("The " + kindName() + " database " + configuration.redactedUrl()
                    + " rejected the login of user '" + PostgresAddress.user(configuration) + "' while " + operation + ": "
                    + describe(rejected) + ". Check the user and password. " + CONFIGURE_HINT + ".", failure);
        }
        SQLException missing = findState(failure, Set.of(DATABASE_MISSING_STATE));
        if (missing != null) {
            return new StorageException("The database named in " + configuration.redactedUrl() + " does not exist ("
                    + describe(missing) + "). Create it (for example with createdb) and give the server's user "
                    + "ownership of it, or correct the name. " + CONFIGURE_HINT + ".", failure);
        }
        if (isConnectionFailure(failure)) {
            return unavailable(operation, failure);
        }
        SQLException sql = deepestSqlException(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : " (SQL state " + sql.getSQLState() + ")";
        return new StorageException("Storage failed while " + operation + " in " + configuration.redactedUrl() + ": "
                + describe(failure) + state + ". Nothing of this operation was saved.", failure);
    }

    StorageUnavailableException unavailable(String operation, Throwable failure) {
        return new StorageUnavailableException("Cannot reach the Octopus Server database " + configuration.redactedUrl()
                + " while " + operation + ": " + describe(failure) + ". " + whatToCheck(failure),
                configuration.redactedUrl(), failure);
    }

    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof SocketException
                    || cause instanceof EOFException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private String whatToCheck(Throwable failure) {
        if (configuration.kind() == DatabaseKind.POSTGRESQL) {
            return "Is PostgreSQL running on " + PostgresAddress.hostsAndPorts(configuration.jdbcUrl())
                    + " and accepting connections? " + CONFIGURE_HINT + ".";
        }
        if (findState(failure, Set.of(H2States.DATABASE_IN_USE)) != null) {
            return "Another process has the H2 database file open: is another Octopus Server running with this home "
                    + "directory? Stop it, or give this server its own database; a jdbc:h2: URL must end in "
                    + "AUTO_SERVER=TRUE for other processes to share it. " + CONFIGURE_HINT + ".";
        }
        return "Check that the database directory exists, that this user may write to it and that the disk is not "
                + "full. " + CONFIGURE_HINT + ".";
    }

    private String kindName() {
        return configuration.kind().displayName();
    }

    /**
     * The most specific message in the chain: the driver's own, not the pool's or Flyway's wrapper, followed by the
     * network error beneath it, if any.
     */
    static String describe(Throwable failure) {
        SQLException sql = deepestSqlException(failure);
        Throwable root = rootCause(failure);
        Throwable chosen = sql != null ? sql : root;
        String message = withoutFinalPeriod(chosen.getMessage() == null ? chosen.getClass().getSimpleName()
                : chosen.getMessage().strip());
        if (root != chosen && root instanceof IOException && root.getMessage() != null) {
            message += " (" + root.getClass().getSimpleName() + ": " + withoutFinalPeriod(root.getMessage().strip()) + ")";
        }
        return message;
    }

    private static String withoutFinalPeriod(String message) {
        String result = message;
        while (result.endsWith(".")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static SQLException deepestSqlException(Throwable failure) {
        SQLException deepest = null;
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLException sql) {
                deepest = sql;
            }
        }
        return deepest;
    }

    static SQLException findState(Throwable failure, Set<String> states) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && states.contains(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        List<Throwable> causes = chain(failure);
        return causes.getLast();
    }

    /** The failure, its causes and any chained SQL exceptions, outermost first, each once. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        Throwable current = failure;
        while (current != null && !causes.contains(current) && causes.size() < 50) {
            causes.add(current);
            if (current instanceof SQLException sql && sql.getNextException() != null
                    && !causes.contains(sql.getNextException())) {
                causes.add(sql.getNextException());
            }
            current = current.getCause();
        }
        return causes;
    }

    /** H2's SQL states, which are its error codes. */
    static final class H2States {
        /** "Database may be already in use": another process holds the file lock. */
        static final String DATABASE_IN_USE = "90020";

        private H2States() {
        }
    }
}
