package dev.tentacle.server.storage.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.server.storage.StorageException;
import dev.tentacle.server.storage.StorageNotFoundException;
import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.internal.ConnectionScope;
import dev.tentacle.server.storage.internal.SqlStates;
import dev.tentacle.server.storage.machines.MachineId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Health check history. Newest means latest {@code checkedAt}; results recorded with the same time are ordered by the
 * order they were recorded in. Removing a machine removes its history.
 */
public final class HealthCheckRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };
    private static final String COLUMNS = "machine_id, checked_at, status, reason, latency_ms, agent_version, "
            + "capabilities, free_disk_bytes";
    private static final String NEWEST_FIRST = "checked_at DESC, id DESC";

    private final ConnectionScope scope;

    /** Created by {@code Storage}; use {@code storage.healthChecks()} or {@code tx.healthChecks()}. */
    public HealthCheckRepository(ConnectionScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Adds a result to its machine's history.
     *
     * @throws StorageNotFoundException when the machine is not registered (any more)
     */
    public HealthCheckResult record(HealthCheckResult result) {
        Objects.requireNonNull(result, "result");
        return scope.withConnection("recording a health check of " + result.machineId(), connection -> {
            String sql = "INSERT INTO health_checks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setLong(1, result.machineId().value());
                Columns.setInstant(insert, 2, result.checkedAt());
                insert.setString(3, result.status().name());
                insert.setString(4, result.reason());
                Columns.setNullableLong(insert, 5, result.latency() == null ? null : result.latency().toMillis());
                insert.setString(6, result.agentVersion());
                insert.setString(7, toJson(result.capabilities()));
                Columns.setNullableLong(insert, 8, result.freeDiskBytes());
                insert.executeUpdate();
                return result;
            } catch (SQLException e) {
                if (SqlStates.isForeignKeyViolation(e)) {
                    throw new StorageNotFoundException("Cannot record a health check of " + result.machineId()
                            + ": no such machine is registered; it may have been removed while it was being checked");
                }
                throw e;
            }
        });
    }

    /** Up to {@code limit} results for the machine, newest first. */
    public List<HealthCheckResult> history(MachineId machineId, int limit) {
        Objects.requireNonNull(machineId, "machineId");
        requirePositive(limit, "limit");
        return scope.withConnection("reading the health check history of " + machineId, connection -> {
            String sql = "SELECT " + COLUMNS + " FROM health_checks WHERE machine_id = ? ORDER BY " + NEWEST_FIRST
                    + " LIMIT ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, machineId.value());
                select.setInt(2, limit);
                return readAll(select);
            }
        });
    }

    /** The machine's newest result, if it was ever checked. */
    public Optional<HealthCheckResult> latest(MachineId machineId) {
        return history(machineId, 1).stream().findFirst();
    }

    /** The newest result of every machine that was ever checked, by machine id. */
    public Map<MachineId, HealthCheckResult> latestOfEachMachine() {
        return scope.withConnection("reading the latest health check of each machine", connection -> {
            String sql = "SELECT " + COLUMNS + " FROM (SELECT h.*, ROW_NUMBER() OVER (PARTITION BY machine_id ORDER BY "
                    + NEWEST_FIRST + ") AS newness FROM health_checks h) ranked WHERE newness = 1 ORDER BY machine_id";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                Map<MachineId, HealthCheckResult> latest = new LinkedHashMap<>();
                for (HealthCheckResult result : readAll(select)) {
                    latest.put(result.machineId(), result);
                }
                return Map.copyOf(latest);
            }
        });
    }

    /**
     * Deletes all but the newest {@code keepPerMachine} results of every machine.
     *
     * @return how many results were deleted
     */
    public int prune(int keepPerMachine) {
        requirePositive(keepPerMachine, "keepPerMachine");
        return scope.withConnection("pruning the health check history", connection -> {
            String sql = "DELETE FROM health_checks WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER "
                    + "(PARTITION BY machine_id ORDER BY " + NEWEST_FIRST + ") AS newness FROM health_checks) ranked "
                    + "WHERE newness > ?)";
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setInt(1, keepPerMachine);
                return delete.executeUpdate();
            }
        });
    }

    private static List<HealthCheckResult> readAll(PreparedStatement select) throws SQLException {
        List<HealthCheckResult> results = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Long latencyMillis = Columns.getNullableLong(rows, "latency_ms");
                results.add(new HealthCheckResult(
                        new MachineId(rows.getLong("machine_id")),
                        Columns.getInstant(rows, "checked_at"),
                        HealthStatus.valueOf(rows.getString("status")),
                        rows.getString("reason"),
                        latencyMillis == null ? null : Duration.ofMillis(latencyMillis),
                        rows.getString("agent_version"),
                        fromJson(rows.getString("capabilities")),
                        Columns.getNullableLong(rows, "free_disk_bytes")));
            }
        }
        return List.copyOf(results);
    }

    private static String toJson(List<String> capabilities) {
        try {
            return JSON.writeValueAsString(capabilities);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings could not be written as JSON", e);
        }
    }

    private static List<String> fromJson(String json) {
        try {
            return JSON.readValue(json, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new StorageException("The capabilities column of a health check holds '" + json + "', which is not a "
                    + "JSON list of strings; the row was changed outside the server. Fix or delete the row", e);
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
