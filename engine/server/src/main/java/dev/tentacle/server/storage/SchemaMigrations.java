package dev.tentacle.server.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway. Each migration runs in a transaction, so a crash mid-migration leaves the
 * previous version in place on PostgreSQL and on H2 alike.
 */
final class SchemaMigrations {

    /** Where the SQL migrations live; the same files serve H2 and PostgreSQL. */
    static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {
    }

    static MigrationReport migrate(DataSource dataSource, DatabaseFailures failures) {
        // No ignore patterns: a database migrated by a newer server has migrations this one does not know, and
        // running an older server on it could damage data, so validation must fail rather than skip them.
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .ignoreMigrationPatterns(new String[0])
                .cleanDisabled(true)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            MigrationInfo current = flyway.info().current();
            String version = current == null ? "none" : current.getVersion().getVersion();
            return new MigrationReport(version, result.migrationsExecuted);
        } catch (FlywayValidateException e) {
            throw new StorageException("The schema of the database does not match this Octopus Server: "
                    + e.getMessage().strip() + ". If a newer server version used this database, run that version "
                    + "or restore the backup taken before the upgrade; never edit flyway_schema_history by hand.", e);
        } catch (FlywayException e) {
            throw failures.translate("migrating the database schema", e);
        }
    }
}
