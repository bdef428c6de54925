package dev.tentacle.server.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on embedded H2 file databases, one per test. */
class H2StorageTest {

    @TempDir
    static Path root;
    static H2TestDatabases h2;

    @BeforeAll
    static void databasesUnderATemporaryDirectory() {
        h2 = new H2TestDatabases(root);
    }

    @Nested
    class Machines extends MachineContract {
        @Override
        protected TestDatabases databases() {
            return h2;
        }
    }

    @Nested
    class MachinePolicies extends MachinePolicyContract {
        @Override
        protected TestDatabases databases() {
            return h2;
        }
    }

    @Nested
    class HealthChecks extends HealthCheckContract {
        @Override
        protected TestDatabases databases() {
            return h2;
        }
    }

    @Nested
    class Nodes extends NodeContract {
        @Override
        protected TestDatabases databases() {
            return h2;
        }
    }

    @Nested
    class Tasks extends TaskContract {
        @Override
        protected TestDatabases databases() {
            return h2;
        }
    }

    @Nested
    class TaskLogs extends TaskLogContract {
        @Override
        protected TestDatabases databases() {
            return h2;
        }
    }

    @Nested
    class ApiKeys extends ApiKeyContract {
        @Override
        protected TestDatabases databases() {
            return h2;
        }
    }

    @Nested
    class Transactions extends TransactionContract {
        @Override
        protected TestDatabases databases() {
            return h2;
        }
    }

    @Nested
    class Migrations extends MigrationContract {
        @Override
        protected TestDatabases databases() {
            return h2;
        }
    }

    @Nested
    class Crashes extends CrashContract {
        @Override
        protected TestDatabases databases() {
            return h2;
        }
    }
}
