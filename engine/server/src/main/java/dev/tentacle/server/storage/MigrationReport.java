package dev.tentacle.server.storage;

/**
 * The database schema after {@link Storage#open}.
 *
 * @param schemaVersion the version of the newest migration applied, e.g. {@code "1"}
 * @param appliedAtOpen how many migrations this open applied: all of them for an empty database, 0 when the schema
 *     was already current
 */
public record MigrationReport(String schemaVersion, int appliedAtOpen) {
}
