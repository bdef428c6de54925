package dev.tentacle.server.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A real PostgreSQL, started once, with a new database for every test. */
public final class PostgresTestDatabases implements TestDatabases, AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final AtomicInteger count = new AtomicInteger();

    private PostgresTestDatabases(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresTestDatabases start() {
        try {
            return new PostgresTestDatabases(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }

    @Override
    public StorageConfiguration newDatabase() {
        String name = "contract_" + count.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return urlFor(postgres.getPort(), name);
    }

    static StorageConfiguration urlFor(int port, String database) {
        return StorageConfiguration.parse("jdbc:postgresql://localhost:" + port + "/" + database, USER, null)
                .withConnectionTimeout(Duration.ofSeconds(2));
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
