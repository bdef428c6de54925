package dev.tentacle.server.admin;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL that asks for passwords, as a production one does: the superuser {@code postgres} gets in from
 * this machine without one (to create users and databases), every other user needs its password (scram-sha-256).
 */
final class PasswordPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final AtomicInteger count = new AtomicInteger();

    private PasswordPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PasswordPostgres start(Path directory) {
        try {
            Path hba = Files.createDirectories(directory).resolve("pg_hba.conf");
            Files.writeString(hba, """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            return new PasswordPostgres(EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString())
                    .setServerConfig("password_encryption", "scram-sha-256").start());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** A new user with this password, owning a new database; returns the database's name. */
    String newDatabase(String user, String password) {
        String database = "setup_" + count.incrementAndGet();
        execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
        execute("CREATE DATABASE " + database + " OWNER \"" + user + "\"");
        return database;
    }

    private void execute(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
