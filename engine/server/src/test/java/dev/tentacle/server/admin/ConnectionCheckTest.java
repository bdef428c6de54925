package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.server.storage.ConnectionCheck;
import dev.tentacle.server.storage.ConnectionCheck.Problem;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageConfiguration;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Test connection" against a real PostgreSQL that asks for passwords: each failure is named, with what to do. */
class ConnectionCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    @TempDir
    static Path temp;
    static PasswordPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = PasswordPostgres.start(temp.resolve("pg"));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static ConnectionCheck.Result check(String host, int port, String database, String user, String password) {
        StorageChoice choice = new StorageChoice.Postgres(host, port, database, user, password);
        return ConnectionCheck.test(choice.configuration(temp), TIMEOUT);
    }

    @Test
    void logsInWithAPasswordOfAnyCharacters() {
        String password = "p@ss w&rd=?/#%'+";
        String database = postgres.newDatabase("odd", password);

        ConnectionCheck.Result result = check("localhost", postgres.port(), database, "odd", password);

        assertThat(result).isInstanceOfSatisfying(ConnectionCheck.Connected.class, connected -> {
            assertThat(connected.hasServerSchema()).isFalse();
            assertThat(connected.message()).contains("Connected to PostgreSQL at localhost:" + postgres.port(),
                    "as 'odd'", "tables will be created");
        });
    }

    @Test
    void saysWhenTheDatabaseHoldsAServerAlready() {
        String database = postgres.newDatabase("shared", "secret");
        StorageChoice choice = new StorageChoice.Postgres("localhost", postgres.port(), database, "shared", "secret");
        try (Storage storage = Storage.open(choice.configuration(temp))) {
            assertThat(storage.migrations().appliedAtOpen()).isPositive();
        }

        ConnectionCheck.Result result = ConnectionCheck.test(choice.configuration(temp), TIMEOUT);

        assertThat(result).isInstanceOfSatisfying(ConnectionCheck.Connected.class, connected -> {
            assertThat(connected.hasServerSchema()).isTrue();
            assertThat(connected.message()).contains("already holds an Octopus Server's data");
        });
    }

    @Test
    void aWrongPasswordIsARejectedLoginAndTheMessageNeverShowsIt() {
        String database = postgres.newDatabase("octopus_user", "right-password");

        ConnectionCheck.Result result = check("localhost", postgres.port(), database, "octopus_user", "wrong-password");

        assertThat(result).isInstanceOfSatisfying(ConnectionCheck.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(Problem.LOGIN_REJECTED);
            assertThat(failed.message()).contains("rejected the login of user 'octopus_user'",
                    "Check the user name and the password").doesNotContain("wrong-password");
        });
    }

    @Test
    void anUnknownDatabaseIsNamedAsMissing() {
        postgres.newDatabase("lonely", "secret");

        ConnectionCheck.Result result = check("localhost", postgres.port(), "no_such_database", "lonely", "secret");

        assertThat(result).isInstanceOfSatisfying(ConnectionCheck.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(Problem.DATABASE_MISSING);
            assertThat(failed.message()).contains("no_such_database", "createdb");
        });
    }

    @Test
    void aPortWhereNothingListensIsRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        ConnectionCheck.Result result = check("127.0.0.1", closed, "octopus", "octopus", "secret");

        assertThat(result).isInstanceOfSatisfying(ConnectionCheck.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(Problem.REFUSED);
            assertThat(failed.message()).contains("127.0.0.1:" + closed, "refused", "Is PostgreSQL running there");
        });
    }

    @Test
    void aHostNameThatDoesNotResolveIsUnknown() {
        ConnectionCheck.Result result = check("no-such-host.invalid", 5432, "octopus", "octopus", "secret");

        assertThat(result).isInstanceOfSatisfying(ConnectionCheck.Failed.class, failed -> {
            assertThat(failed.problem()).isEqualTo(Problem.UNKNOWN_HOST);
            assertThat(failed.message()).contains("no-such-host.invalid", "does not resolve");
        });
    }

    @Test
    void anEmbeddedDatabaseIsNotTestedBecauseConnectingWouldCreateIt() {
        assertThatThrownBy(() -> ConnectionCheck.test(StorageConfiguration.defaultFor(temp.resolve("home")), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Only a PostgreSQL connection");
    }
}
