package dev.tentacle.server.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the server keeps its data and how it connects: a JDBC URL, the credentials and the connection pool's size and
 * wait. Build one with {@link #parse} from what a user typed, or with {@link #defaultFor} for the embedded H2 database
 * under the server's home.
 *
 * <p>H2 URLs always carry the settings the schema migrations rely on ({@link #H2_COMPATIBILITY_SETTINGS}): they are
 * appended when missing, and a URL that sets one of them differently is rejected. {@link #H2_DURABILITY_SETTINGS} are
 * appended when missing too, but a URL may set them otherwise.
 *
 * <p>{@link #toString()} never shows the password, nor a password written into the URL.
 *
 * @param jdbcUrl a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
 * @param user the database user; for H2 {@code sa} when not given; for PostgreSQL null takes the user from the URL
 * @param password the user's password, or null for none
 * @param maximumPoolSize how many connections the pool may open, 1 to 100
 * @param connectionTimeout how long an operation waits for a connection before it reports the database as
 *     unavailable; 250 ms to 10 min
 */
public record StorageConfiguration(
        String jdbcUrl, String user, String password, int maximumPoolSize, Duration connectionTimeout) {

    /** The H2 settings the migrations need: PostgreSQL syntax, lower-case names, nulls sorted last as PostgreSQL does. */
    public static final String H2_COMPATIBILITY_SETTINGS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    /**
     * Write each commit to the file before the commit returns. H2 otherwise delays writes by up to 500 ms, and a
     * server killed in that window would lose work it had already reported as saved.
     */
    public static final String H2_DURABILITY_SETTINGS = "WRITE_DELAY=0";
    /**
     * H2's automatic mixed mode, on the file databases {@link #h2In} and {@link #defaultFor} make: the first process to
     * open the file owns it and serves it to later ones over a TCP connection, so that {@code octopus-server} commands
     * work while {@code octopus-server run} holds the database. The owner listens on a random port of the loopback
     * address (see {@link H2AutoServer}) and accepts only clients that present the random key it writes into the
     * database's lock file, so only users who can read the database directory can connect.
     */
    public static final String H2_SHARING_SETTINGS = "AUTO_SERVER=TRUE";
    public static final String DEFAULT_H2_USER = "sa";
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** The directory under the server home that holds the default H2 database. */
    public static final String DEFAULT_DATABASE_DIRECTORY = "Database";
    /** The name of the H2 database file (H2 adds {@code .mv.db}). */
    public static final String H2_DATABASE_NAME = "octopus";

    private static final String H2_PREFIX = "jdbc:h2:";
    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final String FORMS = "Use h2:<directory> for an embedded database, jdbc:h2:<url>, or "
            + "jdbc:postgresql://<host>:<port>/<database>.";

    public StorageConfiguration {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("A storage connection string is required. " + FORMS);
        }
        jdbcUrl = jdbcUrl.strip();
        if (startsWithIgnoringCase(jdbcUrl, H2_PREFIX)) {
            jdbcUrl = withH2Settings(jdbcUrl);
            if (user == null || user.isEmpty()) {
                user = DEFAULT_H2_USER;
            }
        } else if (!startsWithIgnoringCase(jdbcUrl, POSTGRESQL_PREFIX)) {
            throw new IllegalArgumentException("Unsupported storage connection string '" + redact(jdbcUrl) + "'. " + FORMS);
        }
        if (maximumPoolSize < 1 || maximumPoolSize > 100) {
            throw new IllegalArgumentException("The storage connection pool size must be between 1 and 100, was "
                    + maximumPoolSize);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0 || connectionTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("The storage connection timeout must be between 250 ms and 10 minutes, was "
                    + connectionTimeout);
        }
    }

    /**
     * Reads a connection string as a user writes it.
     *
     * @param connectionString {@code h2:<directory>} (an H2 file database named {@value #H2_DATABASE_NAME} in that
     *     directory, created on first use), a {@code jdbc:h2:} URL, a {@code jdbc:postgresql://host:port/database} URL,
     *     or the same without its {@code jdbc:} prefix
     * @throws IllegalArgumentException naming the accepted forms when the string is none of them
     */
    public static StorageConfiguration parse(String connectionString, String user, String password) {
        if (connectionString == null || connectionString.isBlank()) {
            throw new IllegalArgumentException("A storage connection string is required. " + FORMS);
        }
        String text = connectionString.strip();
        if (startsWithIgnoringCase(text, "h2:")) {
            String directory = text.substring("h2:".length());
            if (directory.isBlank()) {
                throw new IllegalArgumentException("The storage connection string 'h2:' names no directory. " + FORMS);
            }
            return h2In(Path.of(directory), user, password);
        }
        if (startsWithIgnoringCase(text, "postgresql:")) {
            text = "jdbc:" + text;
        }
        return new StorageConfiguration(text, user, password, DEFAULT_MAXIMUM_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** The embedded H2 database of a server installation: {@code <serverHome>/Database/octopus}. */
    public static StorageConfiguration defaultFor(Path serverHome) {
        Objects.requireNonNull(serverHome, "serverHome");
        return h2In(serverHome.resolve(DEFAULT_DATABASE_DIRECTORY), null, null);
    }

    /**
     * An H2 file database named {@value #H2_DATABASE_NAME} in {@code directory}, shared by the processes that open it
     * ({@link #H2_SHARING_SETTINGS}).
     */
    public static StorageConfiguration h2In(Path directory, String user, String password) {
        Path absolute = directory.toAbsolutePath().normalize();
        String path = absolute.resolve(H2_DATABASE_NAME).toString().replace('\\', '/');
        if (path.indexOf(';') >= 0) {
            throw new IllegalArgumentException("The H2 database directory '" + absolute
                    + "' contains a semicolon, which H2 cannot accept in a path; choose another directory");
        }
        return new StorageConfiguration(H2_PREFIX + "file:" + path + ";" + H2_SHARING_SETTINGS, user, password,
                DEFAULT_MAXIMUM_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    public DatabaseKind kind() {
        return startsWithIgnoringCase(jdbcUrl, H2_PREFIX) ? DatabaseKind.H2 : DatabaseKind.POSTGRESQL;
    }

    /** The JDBC URL with any password in it replaced by asterisks: safe for logs and error messages. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    public StorageConfiguration withMaximumPoolSize(int newMaximumPoolSize) {
        return new StorageConfiguration(jdbcUrl, user, password, newMaximumPoolSize, connectionTimeout);
    }

    public StorageConfiguration withConnectionTimeout(Duration newConnectionTimeout) {
        return new StorageConfiguration(jdbcUrl, user, password, maximumPoolSize, newConnectionTimeout);
    }

    @Override
    public String toString() {
        return "StorageConfiguration[jdbcUrl=" + redactedUrl() + ", user=" + user
                + ", password=" + (password == null || password.isEmpty() ? "(none)" : "(hidden)")
                + ", maximumPoolSize=" + maximumPoolSize + ", connectionTimeout=" + connectionTimeout + "]";
    }

    static String redact(String url) {
        return URL_PASSWORD.matcher(url).replaceAll("$1*****");
    }

    private static String withH2Settings(String url) {
        StringBuilder result = new StringBuilder(url);
        for (String setting : H2_COMPATIBILITY_SETTINGS.split(";")) {
            String name = setting.substring(0, setting.indexOf('='));
            String present = h2Setting(url, name);
            if (present == null) {
                result.append(';').append(setting);
            } else if (!present.equalsIgnoreCase(setting)) {
                throw new IllegalArgumentException("The H2 URL sets " + present + " but the server's schema needs "
                        + setting + "; remove " + name + " from the URL and the server adds the right value");
            }
        }
        for (String setting : H2_DURABILITY_SETTINGS.split(";")) {
            if (h2Setting(url, setting.substring(0, setting.indexOf('='))) == null) {
                result.append(';').append(setting);
            }
        }
        return result.toString();
    }

    private static String h2Setting(String url, String name) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int equals = part.indexOf('=');
            if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase(name)) {
                return part.substring(0, equals).strip().toUpperCase(Locale.ROOT) + "=" + part.substring(equals + 1).strip();
            }
        }
        return null;
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
