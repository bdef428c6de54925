package dev.tentacle.server.storage.internal;

/**
 * Where a repository's statements run: either a transaction of their own, committed when the work returns, or a
 * transaction the caller opened with {@code Storage.inTransaction}, committed or rolled back as a whole later.
 */
public interface ConnectionScope {

    /**
     * Runs {@code work} on a connection of this scope.
     *
     * @param operation what the work does, for error messages, e.g. {@code "adding machine 'web01'"}
     * @throws dev.tentacle.server.storage.StorageUnavailableException when the database cannot be reached
     * @throws dev.tentacle.server.storage.StorageException for any other SQL error the work did not translate itself
     */
    <T> T withConnection(String operation, SqlWork<T> work);
}
