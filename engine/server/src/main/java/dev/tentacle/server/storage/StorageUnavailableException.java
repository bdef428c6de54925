package dev.tentacle.server.storage;

/**
 * The database cannot be reached: PostgreSQL is down or unreachable, or another process holds the H2 database file.
 * Nothing was written by the failed operation. This is the one storage failure worth retrying (see
 * {@link StorageRetry}); the message names the database (without its password), the cause and what to check.
 */
public class StorageUnavailableException extends StorageException {

    private final String databaseUrl;

    public StorageUnavailableException(String message, String databaseUrl, Throwable cause) {
        super(message, cause);
        this.databaseUrl = databaseUrl;
    }

    /** The JDBC URL of the database that is unavailable, with any password in it replaced by asterisks. */
    public String databaseUrl() {
        return databaseUrl;
    }
}
