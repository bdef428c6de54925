package dev.tentacle.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tentacle.server.storage.apikeys.ApiKeyRepository;
import dev.tentacle.server.storage.health.HealthCheckRepository;
import dev.tentacle.server.storage.health.HealthCheckSchedule;
import dev.tentacle.server.storage.machines.MachinePolicyRepository;
import dev.tentacle.server.storage.machines.MachineRepository;
import dev.tentacle.server.storage.nodes.ServerNodeRepository;
import dev.tentacle.server.storage.tasks.TaskLogRepository;
import dev.tentacle.server.storage.tasks.TaskRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's database: a connection pool, a schema brought up to date at open, and the repositories.
 *
 * <p>Each repository call through this object is a transaction of its own. To change several things together, use
 * {@link #inTransaction}: everything done through the repositories it hands over is committed at the end or, if the
 * work throws, rolled back as a whole. A crash mid-transaction leaves nothing half-written, because nothing is
 * committed before the work returns.
 *
 * <p>When the database cannot be reached, at open or later, calls fail with {@link StorageUnavailableException}
 * after at most the configured connection timeout; the server waits for it with {@link #awaitAvailable} or
 * {@link #openWhenAvailable}. The pool reconnects by itself once the database is back.
 *
 * <p>Thread-safe. Close it to release the pool (and, for H2, the database file).
 */
public final class Storage implements Repositories, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);
    private static final String POOL_NAME = "octopus-storage";

    private final StorageConfiguration configuration;
    private final HikariDataSource pool;
    private final DatabaseFailures failures;
    private final ConnectionSource connections;
    private final PooledConnectionScope ownTransactions;
    private final InstantSource clock;
    private final Repositories repositories;
    private final MigrationReport migrations;
    private final StorageNotifications notifications;

    private Storage(StorageConfiguration configuration, HikariDataSource pool, DatabaseFailures failures,
            InstantSource clock) {
        this.configuration = configuration;
        this.pool = pool;
        this.failures = failures;
        this.connections = new ConnectionSource(pool, failures);
        this.ownTransactions = new PooledConnectionScope(connections, failures);
        this.clock = clock;
        this.repositories = BoundRepositories.in(ownTransactions, clock);
        ask("opening storage");
        this.migrations = SchemaMigrations.migrate(pool, failures);
        this.notifications = new StorageNotifications(configuration, this);
    }

    /**
     * Connects and migrates the schema, once.
     *
     * @throws StorageUnavailableException when the database cannot be reached
     * @throws StorageException when it rejects the login, does not exist, or has a schema this server does not know
     */
    public static Storage open(StorageConfiguration configuration) {
        return open(configuration, InstantSource.system());
    }

    /** {@link #open(StorageConfiguration)} with the clock that stamps creation and event times. */
    public static Storage open(StorageConfiguration configuration, InstantSource clock) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(clock, "clock");
        DatabaseFailures failures = new DatabaseFailures(configuration);
        H2AutoServer.prepare(configuration);
        HikariDataSource pool = new HikariDataSource(poolConfiguration(configuration));
        try {
            Storage storage = new Storage(configuration, pool, failures, clock);
            LOG.info("Storage open: {} at schema version {} ({} migration(s) applied now)",
                    configuration.redactedUrl(), storage.migrations.schemaVersion(), storage.migrations.appliedAtOpen());
            return storage;
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Opens storage, retrying while the database is unavailable, as the server does at start-up when the database
     * may come up after it.
     *
     * @throws StorageUnavailableException when the database stayed unavailable for the whole retry budget
     */
    public static Storage openWhenAvailable(StorageConfiguration configuration, StorageRetry retry) {
        Objects.requireNonNull(retry, "retry");
        return retry.call("Opening the Octopus Server database", () -> open(configuration));
    }

    /**
     * Runs {@code work} in one transaction and returns its result: committed if the work returns, rolled back as a
     * whole if it throws (the exception then reaches the caller unchanged). Use only the repositories passed to the
     * work; calls through this {@code Storage} inside it run in transactions of their own.
     *
     * <p>A repository call that fails inside the work undoes only its own statements, on H2 and PostgreSQL alike, so
     * the work may catch a {@link StorageConflictException} and go on.
     *
     * @throws StorageUnavailableException when the database cannot be reached, including at commit; then nothing of
     *     the work was saved
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        String operation = "running a transaction";
        Connection connection = connections.borrow(operation);
        TransactionConnectionScope scope = new TransactionConnectionScope(connection, failures);
        try {
            T result = work.run(BoundRepositories.in(scope, clock));
            scope.end();
            connection.commit();
            return result;
        } catch (SQLException e) {
            Transactions.rollbackQuietly(connection, e);
            throw failures.translate("committing a transaction", e);
        } catch (RuntimeException | Error e) {
            Transactions.rollbackQuietly(connection, e);
            throw e;
        } finally {
            scope.end();
            Transactions.closeQuietly(connection);
        }
    }

    /** {@link #inTransaction} for work without a result. */
    public void runInTransaction(TransactionAction action) {
        Objects.requireNonNull(action, "action");
        inTransaction(transaction -> {
            action.run(transaction);
            return null;
        });
    }

    /**
     * Asks the database a trivial question.
     *
     * @throws StorageUnavailableException naming the database, the cause and what to check
     */
    public void checkAvailable() {
        ask("checking that the database is available");
    }

    /**
     * Waits until the database answers, retrying with the default backoff, for at most {@code budget}.
     *
     * @throws StorageUnavailableException when it is still unavailable when the budget is spent
     */
    public void awaitAvailable(Duration budget) {
        awaitAvailable(StorageRetry.within(budget));
    }

    /** Waits until the database answers, as {@code retry} says. */
    public void awaitAvailable(StorageRetry retry) {
        Objects.requireNonNull(retry, "retry");
        retry.run("Waiting for the Octopus Server database", this::checkAvailable);
    }

    public StorageConfiguration configuration() {
        return configuration;
    }

    /** What the schema migration at open found and did. */
    public MigrationReport migrations() {
        return migrations;
    }

    /** Change announcements shared by every server node on this database. */
    public StorageNotifications notifications() {
        return notifications;
    }

    @Override
    public MachineRepository machines() {
        return repositories.machines();
    }

    @Override
    public MachinePolicyRepository machinePolicies() {
        return repositories.machinePolicies();
    }

    @Override
    public HealthCheckRepository healthChecks() {
        return repositories.healthChecks();
    }

    @Override
    public TaskRepository tasks() {
        return repositories.tasks();
    }

    @Override
    public TaskLogRepository taskLogs() {
        return repositories.taskLogs();
    }

    @Override
    public ApiKeyRepository apiKeys() {
        return repositories.apiKeys();
    }

    @Override
    public HealthCheckSchedule healthSchedule() {
        return repositories.healthSchedule();
    }

    @Override
    public ServerNodeRepository nodes() {
        return repositories.nodes();
    }

    /** Closes the pool; uncommitted transactions are rolled back by the database. Calling it twice is harmless. */
    @Override
    public void close() {
        notifications.close();
        connections.markClosed();
        pool.close();
    }

    /** PostgreSQL only: {@code NOTIFY} on the channel, in a transaction of its own. */
    void announce(StorageChannel channel) {
        ownTransactions.withConnection("announcing a change on " + channel.sqlName(), connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("NOTIFY " + channel.sqlName());
            }
            return null;
        });
    }

    private void ask(String operation) {
        ownTransactions.withConnection(operation, connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return null;
        });
    }

    private static HikariConfig poolConfiguration(StorageConfiguration configuration) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(configuration.jdbcUrl());
        config.setUsername(configuration.user());
        config.setPassword(configuration.password());
        config.setMaximumPoolSize(configuration.maximumPoolSize());
        config.setMinimumIdle(Math.min(2, configuration.maximumPoolSize()));
        config.setAutoCommit(false);
        long timeoutMillis = configuration.connectionTimeout().toMillis();
        config.setConnectionTimeout(timeoutMillis);
        config.setValidationTimeout(Math.min(timeoutMillis, Duration.ofSeconds(5).toMillis()));
        // Do not connect while building the pool: the first check in the constructor does, and reports an
        // unreachable database as StorageUnavailableException rather than as the pool's own exception.
        config.setInitializationFailTimeout(-1);
        if (configuration.kind() == DatabaseKind.POSTGRESQL) {
            // Seconds; bounds a connection attempt to a host that does not answer at all.
            config.addDataSourceProperty("connectTimeout", Math.max(1, configuration.connectionTimeout().toSeconds()));
        }
        return config;
    }
}
