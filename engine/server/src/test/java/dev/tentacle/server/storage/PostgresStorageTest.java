package dev.tentacle.server.storage;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The storage contract on a real PostgreSQL, started once for all of it, with a new database per test. */
class PostgresStorageTest {

    static PostgresTestDatabases postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresTestDatabases.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Nested
    class Machines extends MachineContract {
        @Override
        protected TestDatabases databases() {
            return postgres;
        }
    }

    @Nested
    class MachinePolicies extends MachinePolicyContract {
        @Override
        protected TestDatabases databases() {
            return postgres;
        }
    }

    @Nested
    class HealthChecks extends HealthCheckContract {
        @Override
        protected TestDatabases databases() {
            return postgres;
        }
    }

    @Nested
    class Nodes extends NodeContract {
        @Override
        protected TestDatabases databases() {
            return postgres;
        }
    }

    @Nested
    class Tasks extends TaskContract {
        @Override
        protected TestDatabases databases() {
            return postgres;
        }
    }

    @Nested
    class TaskLogs extends TaskLogContract {
        @Override
        protected TestDatabases databases() {
            return postgres;
        }
    }

    @Nested
    class ApiKeys extends ApiKeyContract {
        @Override
        protected TestDatabases databases() {
            return postgres;
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected TestDatabases databases() {
            return postgres;
        }
    }

    @Nested
    class Migrations extends MigrationContract {
        @Override
        protected TestDatabases databases() {
            return postgres;
        }
    }

    @Nested
    class Crashes extends CrashContract {
        @Override
        protected TestDatabases databases() {
            return postgres;
        }
    }
}
