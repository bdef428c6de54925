/**
 * The Octopus Server's storage: an embedded H2 file database by default, PostgreSQL by JDBC URL, with the schema
 * migrated by Flyway at open.
 *
 * <p>Start with {@link dev.tentacle.server.storage.StorageConfiguration} and
 * {@link dev.tentacle.server.storage.Storage}; the repositories live in the sub-packages {@code machines},
 * {@code health}, {@code tasks} and {@code apikeys}. A database that cannot be reached surfaces as
 * {@link dev.tentacle.server.storage.StorageUnavailableException}, which {@link dev.tentacle.server.storage.StorageRetry}
 * waits out.
 */
package dev.tentacle.server.storage;
