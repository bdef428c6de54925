package dev.tentacle.server.storage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * "Test connection": logs in to a PostgreSQL database once, without a pool and without changing anything, and says
 * exactly what failed, so that a person setting up a server can fix it before anything is installed. Failures are
 * classified by SQL state and exception type, never by message text.
 *
 * <p>Only for PostgreSQL: connecting to an embedded H2 database would create it.
 */
public final class ConnectionCheck {
    /** What kept the connection from working. */
    public enum Problem {
        /** The server rejected the user name or password. */
        LOGIN_REJECTED,
        /** The server has no database of that name. */
        DATABASE_MISSING,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The host answered, but nothing listens on the port. */
        REFUSED,
        /** No route to the host, or its network is unreachable. */
        UNREACHABLE,
        /** No answer in time: the host is down, or a firewall drops the packets. */
        TIMED_OUT,
        /** Anything else, such as a program on the port that does not speak PostgreSQL. */
        OTHER
    }

    /** How the check ended. */
    public sealed interface Result {
        boolean succeeded();

        /** What to show the user: what was found, or what failed and what to do. */
        String message();
    }

    /**
     * Logged in.
     *
     * @param serverVersion the PostgreSQL server's version
     * @param hasServerSchema true when the database already holds an Octopus Server's tables (another node, or a
     *     server set up before): the new server will share its machines and API keys
     */
    public record Connected(String serverVersion, boolean hasServerSchema, String message) implements Result {
        @Override
        public boolean succeeded() {
            return true;
        }
    }

    /** Did not log in: why, and what to do. */
    public record Failed(Problem problem, String message) implements Result {
        public Failed {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public boolean succeeded() {
            return false;
        }
    }

    private static final Set<String> LOGIN_REJECTED_STATES = Set.of("28000", "28P01");
    private static final String DATABASE_MISSING_STATE = "3D000";
    private static final String SCHEMA_HISTORY_TABLE = "flyway_schema_history";

    private ConnectionCheck() {
    }

    /**
     * Connects to the database once and closes the connection.
     *
     * @param timeout how long connecting and logging in may take, at least one second
     * @throws IllegalArgumentException for an H2 configuration
     */
    public static Result test(StorageConfiguration configuration, Duration timeout) {
        Objects.requireNonNull(configuration, "configuration");
        if (configuration.kind() != DatabaseKind.POSTGRESQL) {
            throw new IllegalArgumentException("Only a PostgreSQL connection can be tested; the embedded H2 database is"
                    + " created when the server is set up.");
        }
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        Properties properties = new Properties();
        if (configuration.user() != null) {
            properties.setProperty("user", configuration.user());
        }
        if (configuration.password() != null) {
            properties.setProperty("password", configuration.password());
        }
        // Connect and read time out before the login timeout, so that the failure names the network cause.
        properties.setProperty("connectTimeout", Integer.toString(seconds));
        properties.setProperty("loginTimeout", Integer.toString(seconds * 2 + 1));
        properties.setProperty("socketTimeout", Integer.toString(seconds * 2));
        String where = "PostgreSQL at " + PostgresAddress.hostsAndPorts(configuration.jdbcUrl());
        try (Connection connection = DriverManager.getConnection(configuration.jdbcUrl(), properties)) {
            DatabaseMetaData metaData = connection.getMetaData();
            boolean hasSchema;
            try (ResultSet tables = metaData.getTables(null, null, SCHEMA_HISTORY_TABLE, new String[] {"TABLE"})) {
                hasSchema = tables.next();
            }
            String version = metaData.getDatabaseProductVersion();
            return new Connected(version, hasSchema, "Connected to " + where + " (PostgreSQL " + version + ") as '"
                    + metaData.getUserName() + "'. " + (hasSchema
                            ? "The database already holds an Octopus Server's data: the new server will share its"
                                    + " machines and API keys, as another node of the same server."
                            : "The server's tables will be created in it when the server is set up."));
        } catch (SQLException | RuntimeException e) {
            return failed(configuration, where, seconds, e);
        }
    }

    private static Failed failed(StorageConfiguration configuration, String where, int seconds, Throwable failure) {
        String cause = DatabaseFailures.describe(failure);
        if (DatabaseFailures.findState(failure, LOGIN_REJECTED_STATES) != null) {
            return new Failed(Problem.LOGIN_REJECTED, where + " rejected the login of user '" + PostgresAddress.user(configuration)
                    + "' (" + cause + "). Check the user name and the password; the user must be allowed to log in with"
                    + " a password from this machine (pg_hba.conf on the database server).");
        }
        if (DatabaseFailures.findState(failure, Set.of(DATABASE_MISSING_STATE)) != null) {
            return new Failed(Problem.DATABASE_MISSING, where + " has no such database (" + cause + "). Create it"
                    + " and make the server's user its owner (for example: createdb -O USER DATABASE), or correct the"
                    + " name.");
        }
        for (Throwable step : DatabaseFailures.chain(failure)) {
            if (step instanceof UnknownHostException) {
                return new Failed(Problem.UNKNOWN_HOST, "The host name of " + where + " is unknown: it does not"
                        + " resolve (" + cause + "). Check its spelling, or give the database server's IP address.");
            }
            if (step instanceof ConnectException) {
                return new Failed(Problem.REFUSED, where + " refused the connection (" + cause + "): nothing"
                        + " listens on that port. Is PostgreSQL running there, and does it listen on that address and"
                        + " port (listen_addresses and port in postgresql.conf)? Check the host and port.");
            }
            if (step instanceof NoRouteToHostException) {
                return new Failed(Problem.UNREACHABLE, where + " cannot be reached from this machine (" + cause
                        + "): there is no route to the host. Check the address, the network and any firewall between.");
            }
            if (step instanceof SocketTimeoutException) {
                return new Failed(Problem.TIMED_OUT, where + " did not answer within " + seconds + " s (" + cause
                        + "). The host may be down, or a firewall drops the connection; check the address and the"
                        + " firewall.");
            }
        }
        return new Failed(Problem.OTHER, "Could not log in to " + where + ": " + cause + ". Check that the host and port"
                + " are those of a PostgreSQL server and that the settings are right.");
    }
}
