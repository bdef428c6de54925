package dev.tentacle.server.admin;

import dev.tentacle.server.storage.DatabaseKind;
import dev.tentacle.server.storage.PostgresAddress;
import dev.tentacle.server.storage.StorageConfiguration;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a server instance keeps its data, as a person chooses it: the embedded H2 database in the home directory, a
 * PostgreSQL database given by its host, port, name and login, or a connection string as {@code octopus-server
 * configure --storageConnectionString} takes it. Each becomes the configuration's storage connection string
 * ({@link dev.tentacle.server.config.ServerConfiguration#withStorageConnectionString}).
 */
public sealed interface StorageChoice {
    /** The value of {@code --storageConnectionString} that selects the embedded database. */
    String DEFAULT_KEYWORD = "default";

    /** The configuration's storage connection string; null for the embedded database. */
    String connectionString();

    /** How the storage of a server with this home directory is opened. */
    default StorageConfiguration configuration(Path homeDirectory) {
        String text = connectionString();
        return text == null ? StorageConfiguration.defaultFor(homeDirectory)
                : StorageConfiguration.parse(text, null, null);
    }

    default DatabaseKind kind() {
        String text = connectionString();
        return text == null ? DatabaseKind.H2 : StorageConfiguration.parse(text, null, null).kind();
    }

    /** The connection string with any password masked, for summaries and scripts that may be shared. */
    default String describe(Path homeDirectory) {
        return configuration(homeDirectory).redactedUrl();
    }

    /** The embedded H2 database in HOME/Database: nothing to install. */
    static StorageChoice embedded() {
        return new Embedded();
    }

    /**
     * A connection string as the command line takes it; {@value #DEFAULT_KEYWORD} (any case) for the embedded database.
     *
     * @throws IllegalArgumentException naming the accepted forms when it is none of them
     */
    static StorageChoice parse(String connectionString) {
        Objects.requireNonNull(connectionString, "connectionString");
        if (connectionString.strip().equalsIgnoreCase(DEFAULT_KEYWORD)) {
            return embedded();
        }
        StorageConfiguration.parse(connectionString, null, null);
        return new ConnectionString(connectionString.strip());
    }

    /** The embedded H2 database under the home directory. */
    record Embedded() implements StorageChoice {
        @Override
        public String connectionString() {
            return null;
        }
    }

    /**
     * A PostgreSQL database; the user and password go into the connection string, so that the configuration alone
     * opens it (the configuration file is readable by its owner only).
     *
     * @param password null or empty when the server lets this user in without one
     */
    record Postgres(String host, int port, String database, String user, String password) implements StorageChoice {
        public Postgres {
            PostgresAddress.jdbcUrl(host, port, database, user, password);
            host = host.strip();
            database = database.strip();
            user = user.strip();
        }

        @Override
        public String connectionString() {
            return PostgresAddress.jdbcUrl(host, port, database, user, password);
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Postgres[host=" + host + ", port=" + port + ", database=" + database + ", user=" + user
                    + ", password=" + (password == null || password.isEmpty() ? "(none)" : "(hidden)") + "]";
        }
    }

    /** A connection string in any form {@link StorageConfiguration#parse} reads. */
    record ConnectionString(String value) implements StorageChoice {
        private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

        public ConnectionString {
            StorageConfiguration.parse(value, null, null);
        }

        @Override
        public String connectionString() {
            return value;
        }

        /** Never shows a password written into the string. */
        @Override
        public String toString() {
            return "ConnectionString[" + PASSWORD.matcher(value).replaceAll("$1*****") + "]";
        }
    }
}
