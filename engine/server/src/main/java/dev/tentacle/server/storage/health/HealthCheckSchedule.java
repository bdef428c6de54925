package dev.tentacle.server.storage.health;

import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.internal.ConnectionScope;
import dev.tentacle.server.storage.machines.MachineId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When each machine's next scheduled health check is due, by its machine policy's interval. Claiming a due check
 * moves the machine's due time forward in the same statement, so when several server nodes look at once, each due
 * check goes to exactly one of them.
 */
public final class HealthCheckSchedule {

    private final ConnectionScope scope;
    private final InstantSource clock;

    /** Created by {@code Storage}; use {@code storage.healthSchedule()}. */
    public HealthCheckSchedule(ConnectionScope scope, InstantSource clock) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Claims the machines whose health check is due: never checked on schedule, or due at or before now. Each claimed
     * machine's next check becomes due one policy interval from now.
     *
     * @return the machines this call claimed, at most {@code limit}
     */
    public List<MachineId> claimDue(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return scope.withConnection("claiming the scheduled health checks that are due", connection -> {
            Instant now = clock.instant();
            List<Candidate> due = new ArrayList<>();
            String sql = "SELECT m.id, m.next_health_check, p.health_check_interval_ms FROM machines m "
                    + "JOIN machine_policies p ON p.id = m.policy_id "
                    + "WHERE m.next_health_check IS NULL OR m.next_health_check <= ? ORDER BY m.id LIMIT ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                Columns.setInstant(select, 1, now);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Candidate(new MachineId(rows.getLong(1)), Columns.getInstant(rows, "next_health_check"),
                                rows.getLong(3)));
                    }
                }
            }
            List<MachineId> claimed = new ArrayList<>();
            for (Candidate candidate : due) {
                String claim = "UPDATE machines SET next_health_check = ? WHERE id = ? AND "
                        + (candidate.due() == null ? "next_health_check IS NULL" : "next_health_check = ?");
                try (PreparedStatement update = connection.prepareStatement(claim)) {
                    Columns.setInstant(update, 1, now.plusMillis(candidate.intervalMillis()));
                    update.setLong(2, candidate.machine().value());
                    if (candidate.due() != null) {
                        Columns.setInstant(update, 3, candidate.due());
                    }
                    if (update.executeUpdate() == 1) {
                        claimed.add(candidate.machine());
                    }
                }
            }
            return List.copyOf(claimed);
        });
    }

    private record Candidate(MachineId machine, Instant due, long intervalMillis) {
    }
}
