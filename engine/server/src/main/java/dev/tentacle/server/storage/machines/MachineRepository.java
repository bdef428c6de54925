package dev.tentacle.server.storage.machines;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.StorageConflictException;
import dev.tentacle.server.storage.StorageNotFoundException;
import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.internal.ConnectionScope;
import dev.tentacle.server.storage.internal.Names;
import dev.tentacle.server.storage.internal.SqlStates;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The machine registry. Machine names are unique ignoring case. */
public final class MachineRepository {

    private static final String SELECT = "SELECT m.id, m.name, m.communication_style, m.uri, m.thumbprint, m.created, "
            + "p.name AS policy_name FROM machines m JOIN machine_policies p ON p.id = m.policy_id ";

    private final ConnectionScope scope;
    private final InstantSource clock;

    /** Created by {@code Storage}; use {@code storage.machines()} or {@code tx.machines()}. */
    public MachineRepository(ConnectionScope scope, InstantSource clock) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Registers a machine.
     *
     * @throws StorageConflictException when a machine of that name (ignoring case) exists
     * @throws StorageNotFoundException when the named machine policy does not exist
     */
    public Machine add(NewMachine machine) {
        Objects.requireNonNull(machine, "machine");
        return scope.withConnection("adding machine '" + machine.name() + "'", connection -> {
            long policyId = policyId(connection, machine);
            String sql = "INSERT INTO machines (name, name_key, communication_style, uri, thumbprint, policy_id, created) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
                bindMachine(insert, machine, policyId);
                Columns.setInstant(insert, 7, clock.instant());
                insert.executeUpdate();
                MachineId id = new MachineId(Columns.generatedId(insert));
                insertTags(connection, id, machine);
                return require(connection, id);
            } catch (SQLException e) {
                if (SqlStates.isUniqueViolation(e)) {
                    throw nameTaken(machine.name(), e);
                }
                throw e;
            }
        });
    }

    /**
     * Replaces everything about a machine except its id and creation time.
     *
     * @throws StorageNotFoundException when no machine has that id, or the named policy does not exist
     * @throws StorageConflictException when another machine already has the new name
     */
    public Machine update(MachineId id, NewMachine machine) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(machine, "machine");
        return scope.withConnection("updating machine " + id + " ('" + machine.name() + "')", connection -> {
            long policyId = policyId(connection, machine);
            String sql = "UPDATE machines SET name = ?, name_key = ?, communication_style = ?, uri = ?, thumbprint = ?, "
                    + "policy_id = ? WHERE id = ?";
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                bindMachine(update, machine, policyId);
                update.setLong(7, id.value());
                if (update.executeUpdate() == 0) {
                    throw new StorageNotFoundException("There is no machine " + id + " to update; it may have been "
                            + "removed. Add it again instead");
                }
            } catch (SQLException e) {
                if (SqlStates.isUniqueViolation(e)) {
                    throw nameTaken(machine.name(), e);
                }
                throw e;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM machine_tags WHERE machine_id = ?")) {
                delete.setLong(1, id.value());
                delete.executeUpdate();
            }
            insertTags(connection, id, machine);
            return require(connection, id);
        });
    }

    public Optional<Machine> get(MachineId id) {
        Objects.requireNonNull(id, "id");
        return scope.withConnection("reading machine " + id, connection -> find(connection, id));
    }

    /** The machine with that name, ignoring case. */
    public Optional<Machine> findByName(String name) {
        String key = Names.key(Names.require(name, "machine name"));
        return scope.withConnection("reading machine '" + name + "'", connection -> {
            List<Machine> found = query(connection, new MachineQuery("m.name_key = ?", List.of(key)));
            return found.stream().findFirst();
        });
    }

    /** The machines that match every condition of the filter, by name. */
    public List<Machine> list(MachineFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return scope.withConnection("listing machines", connection -> query(connection, MachineQuery.of(filter)));
    }

    /**
     * Removes a machine with its health check history. Tasks that ran on it keep their record of it.
     *
     * @return false when no machine has that id
     */
    public boolean remove(MachineId id) {
        Objects.requireNonNull(id, "id");
        return scope.withConnection("removing machine " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM machines WHERE id = ?")) {
                delete.setLong(1, id.value());
                return delete.executeUpdate() == 1;
            }
        });
    }

    private static long policyId(Connection connection, NewMachine machine) throws SQLException {
        boolean useDefault = machine.policyName() == null;
        String sql = useDefault
                ? "SELECT id FROM machine_policies WHERE built_in = TRUE ORDER BY id"
                : "SELECT id FROM machine_policies WHERE name_key = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (!useDefault) {
                select.setString(1, Names.key(machine.policyName()));
            }
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return rows.getLong(1);
                }
            }
        }
        throw new StorageNotFoundException(useDefault
                ? "The database has no built-in '" + MachinePolicy.DEFAULT_POLICY_NAME + "' for machine '"
                        + machine.name() + "'; name a machine policy explicitly, or restore the built-in one"
                : "Machine policy '" + machine.policyName() + "' does not exist, so machine '" + machine.name()
                        + "' cannot use it; create the policy first, or leave the policy out to use '"
                        + MachinePolicy.DEFAULT_POLICY_NAME + "'");
    }

    private static void bindMachine(PreparedStatement statement, NewMachine machine, long policyId) throws SQLException {
        statement.setString(1, machine.name());
        statement.setString(2, Names.key(machine.name()));
        statement.setString(3, machine.communicationStyle().name());
        statement.setString(4, machine.uri().toString());
        statement.setString(5, machine.thumbprint().hex());
        statement.setLong(6, policyId);
    }

    private static void insertTags(Connection connection, MachineId id, NewMachine machine) throws SQLException {
        String sql = "INSERT INTO machine_tags (machine_id, tag_kind, tag_name, tag_key) VALUES (?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            addTagBatch(insert, id, TagKind.ENVIRONMENT, machine.environments());
            addTagBatch(insert, id, TagKind.ROLE, machine.roles());
            addTagBatch(insert, id, TagKind.TENANT, machine.tenants());
            insert.executeBatch();
        }
    }

    private static void addTagBatch(PreparedStatement insert, MachineId id, TagKind kind, List<String> names)
            throws SQLException {
        for (String name : names) {
            insert.setLong(1, id.value());
            insert.setString(2, kind.name());
            insert.setString(3, name);
            insert.setString(4, Names.key(name));
            insert.addBatch();
        }
    }

    private static Machine require(Connection connection, MachineId id) throws SQLException {
        return find(connection, id).orElseThrow(() -> new StorageNotFoundException("Machine " + id
                + " vanished while it was being written; another server node may have removed it"));
    }

    private static Optional<Machine> find(Connection connection, MachineId id) throws SQLException {
        return query(connection, new MachineQuery("m.id = ?", List.of(id.value()))).stream().findFirst();
    }

    private static List<Machine> query(Connection connection, MachineQuery query) throws SQLException {
        Map<Long, MachineTagSet> tags = MachineTagSet.load(connection, query);
        List<Machine> machines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE " + query.where() + " ORDER BY m.name_key")) {
            query.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    MachineTagSet machineTags = tags.getOrDefault(id, MachineTagSet.EMPTY);
                    machines.add(new Machine(
                            new MachineId(id),
                            rows.getString("name"),
                            CommunicationStyle.valueOf(rows.getString("communication_style")),
                            URI.create(rows.getString("uri")),
                            Thumbprint.parse(rows.getString("thumbprint")),
                            machineTags.environments(),
                            machineTags.roles(),
                            machineTags.tenants(),
                            rows.getString("policy_name"),
                            Columns.getInstant(rows, "created")));
                }
            }
        }
        return List.copyOf(machines);
    }

    private static StorageConflictException nameTaken(String name, SQLException e) {
        return new StorageConflictException("A machine named '" + name + "' already exists (names are compared "
                + "ignoring case); choose another name, or update or remove the existing machine", e);
    }
}
