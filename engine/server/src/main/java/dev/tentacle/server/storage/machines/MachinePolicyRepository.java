package dev.tentacle.server.storage.machines;

import dev.tentacle.server.storage.StorageConflictException;
import dev.tentacle.server.storage.StorageNotFoundException;
import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.internal.ConnectionScope;
import dev.tentacle.server.storage.internal.Names;
import dev.tentacle.server.storage.internal.SqlStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Machine policies. The built-in {@value MachinePolicy#DEFAULT_POLICY_NAME} always exists and cannot be removed. */
public final class MachinePolicyRepository {

    private static final String SELECT = "SELECT id, name, health_check_interval_ms, rpc_retry_enabled, "
            + "rpc_retry_duration_ms, built_in, created FROM machine_policies ";

    private final ConnectionScope scope;
    private final InstantSource clock;

    /** Created by {@code Storage}; use {@code storage.machinePolicies()} or {@code tx.machinePolicies()}. */
    public MachinePolicyRepository(ConnectionScope scope, InstantSource clock) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws StorageConflictException when a policy of that name (ignoring case) exists */
    public MachinePolicy add(MachinePolicySettings settings) {
        Objects.requireNonNull(settings, "settings");
        return scope.withConnection("adding machine policy '" + settings.name() + "'", connection -> {
            String sql = "INSERT INTO machine_policies (name, name_key, health_check_interval_ms, rpc_retry_enabled, "
                    + "rpc_retry_duration_ms, built_in, created) VALUES (?, ?, ?, ?, ?, FALSE, ?)";
            try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
                bindSettings(insert, settings);
                Columns.setInstant(insert, 6, clock.instant());
                insert.executeUpdate();
                return require(connection, new MachinePolicyId(Columns.generatedId(insert)));
            } catch (SQLException e) {
                if (SqlStates.isUniqueViolation(e)) {
                    throw nameTaken(settings.name(), e);
                }
                throw e;
            }
        });
    }

    public Optional<MachinePolicy> get(MachinePolicyId id) {
        Objects.requireNonNull(id, "id");
        return scope.withConnection("reading machine policy " + id, connection -> find(connection, id));
    }

    /** The policy with that name, ignoring case. */
    public Optional<MachinePolicy> findByName(String name) {
        String key = Names.key(Names.require(name, "machine policy name"));
        return scope.withConnection("reading machine policy '" + name + "'", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE name_key = ?")) {
                select.setString(1, key);
                return single(select);
            }
        });
    }

    /** The built-in {@value MachinePolicy#DEFAULT_POLICY_NAME}. */
    public MachinePolicy defaultPolicy() {
        return scope.withConnection("reading the default machine policy", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE built_in = TRUE ORDER BY id")) {
                return single(select).orElseThrow(() -> new StorageNotFoundException("The database has no built-in '"
                        + MachinePolicy.DEFAULT_POLICY_NAME + "'; it was removed outside the server. Restore it from a "
                        + "backup, or re-create it with built_in = TRUE"));
            }
        });
    }

    /** All policies: the built-in one first, then by name. */
    public List<MachinePolicy> list() {
        return scope.withConnection("listing machine policies", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + "ORDER BY built_in DESC, name_key");
                 ResultSet rows = select.executeQuery()) {
                List<MachinePolicy> policies = new ArrayList<>();
                while (rows.next()) {
                    policies.add(map(rows));
                }
                return List.copyOf(policies);
            }
        });
    }

    /**
     * Replaces the policy's settings; renaming the built-in policy is allowed, as in Octopus.
     *
     * @throws StorageNotFoundException when no policy has that id
     * @throws StorageConflictException when another policy already has the new name
     */
    public MachinePolicy update(MachinePolicyId id, MachinePolicySettings settings) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
        return scope.withConnection("updating machine policy " + id, connection -> {
            String sql = "UPDATE machine_policies SET name = ?, name_key = ?, health_check_interval_ms = ?, "
                    + "rpc_retry_enabled = ?, rpc_retry_duration_ms = ? WHERE id = ?";
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                bindSettings(update, settings);
                update.setLong(6, id.value());
                if (update.executeUpdate() == 0) {
                    throw notFound(id);
                }
                return require(connection, id);
            } catch (SQLException e) {
                if (SqlStates.isUniqueViolation(e)) {
                    throw nameTaken(settings.name(), e);
                }
                throw e;
            }
        });
    }

    /**
     * Removes a policy no machine uses.
     *
     * @return false when no policy has that id
     * @throws StorageConflictException for the built-in policy, or while machines use the policy
     */
    public boolean remove(MachinePolicyId id) {
        Objects.requireNonNull(id, "id");
        return scope.withConnection("removing machine policy " + id, connection -> {
            Optional<MachinePolicy> policy = find(connection, id);
            if (policy.isEmpty()) {
                return false;
            }
            if (policy.get().builtIn()) {
                throw new StorageConflictException("'" + policy.get().name() + "' is the built-in machine policy and "
                        + "cannot be removed; change its settings instead");
            }
            long users = machinesUsing(connection, id);
            if (users > 0) {
                throw new StorageConflictException("Machine policy '" + policy.get().name() + "' is used by " + users
                        + " machine(s); move them to another policy before removing it");
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM machine_policies WHERE id = ?")) {
                delete.setLong(1, id.value());
                return delete.executeUpdate() == 1;
            } catch (SQLException e) {
                if (SqlStates.isForeignKeyViolation(e)) {
                    throw new StorageConflictException("Machine policy '" + policy.get().name() + "' was given to a "
                            + "machine while it was being removed; move the machine to another policy and try again", e);
                }
                throw e;
            }
        });
    }

    private static long machinesUsing(Connection connection, MachinePolicyId id) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM machines WHERE policy_id = ?")) {
            count.setLong(1, id.value());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void bindSettings(PreparedStatement statement, MachinePolicySettings settings) throws SQLException {
        statement.setString(1, settings.name());
        statement.setString(2, Names.key(settings.name()));
        statement.setLong(3, settings.healthCheckInterval().toMillis());
        statement.setBoolean(4, settings.rpcRetryEnabled());
        statement.setLong(5, settings.rpcRetryDuration().toMillis());
    }

    private static MachinePolicy require(Connection connection, MachinePolicyId id) throws SQLException {
        return find(connection, id).orElseThrow(() -> notFound(id));
    }

    private static Optional<MachinePolicy> find(Connection connection, MachinePolicyId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE id = ?")) {
            select.setLong(1, id.value());
            return single(select);
        }
    }

    private static Optional<MachinePolicy> single(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(map(rows)) : Optional.empty();
        }
    }

    private static MachinePolicy map(ResultSet rows) throws SQLException {
        MachinePolicySettings settings = new MachinePolicySettings(
                rows.getString("name"),
                Duration.ofMillis(rows.getLong("health_check_interval_ms")),
                rows.getBoolean("rpc_retry_enabled"),
                Duration.ofMillis(rows.getLong("rpc_retry_duration_ms")));
        return new MachinePolicy(new MachinePolicyId(rows.getLong("id")), settings, rows.getBoolean("built_in"),
                Columns.getInstant(rows, "created"));
    }

    private static StorageNotFoundException notFound(MachinePolicyId id) {
        return new StorageNotFoundException("There is no machine policy " + id + "; list the policies to find its id");
    }

    private static StorageConflictException nameTaken(String name, SQLException e) {
        return new StorageConflictException("A machine policy named '" + name + "' already exists (names are "
                + "compared ignoring case); choose another name or change the existing policy", e);
    }
}
