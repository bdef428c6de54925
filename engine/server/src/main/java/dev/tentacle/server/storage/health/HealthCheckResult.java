package dev.tentacle.server.storage.health;

import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.machines.MachineId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One health check of one machine. Times are kept to the microsecond and latency to the millisecond, as stored.
 *
 * @param checkedAt when the check finished
 * @param reason why the machine is unhealthy or unavailable; required for those, optional (a warning) when healthy
 * @param latency the round trip of the check's call, or null when the machine did not answer
 * @param agentVersion the Tentacle's version, or null when unknown
 * @param capabilities the services the Tentacle reported, such as {@code ScriptServiceV2}; empty when unknown
 * @param freeDiskBytes free space on the Tentacle's home disk, or null when unknown
 */
public record HealthCheckResult(
        MachineId machineId,
        Instant checkedAt,
        HealthStatus status,
        String reason,
        Duration latency,
        String agentVersion,
        List<String> capabilities,
        Long freeDiskBytes) {

    public static final int MAXIMUM_AGENT_VERSION_LENGTH = 100;

    public HealthCheckResult {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(status, "status");
        checkedAt = Columns.stored(Objects.requireNonNull(checkedAt, "checkedAt"));
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        if (reason == null && status != HealthStatus.HEALTHY) {
            throw new IllegalArgumentException("A health check of " + machineId + " that is " + status
                    + " needs a reason saying what is wrong");
        }
        if (latency != null) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("Health check latency cannot be negative, was " + latency);
            }
            latency = latency.truncatedTo(ChronoUnit.MILLIS);
        }
        if (agentVersion != null && agentVersion.length() > MAXIMUM_AGENT_VERSION_LENGTH) {
            throw new IllegalArgumentException("An agent version can be at most " + MAXIMUM_AGENT_VERSION_LENGTH
                    + " characters, was " + agentVersion.length());
        }
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        if (freeDiskBytes != null && freeDiskBytes < 0) {
            throw new IllegalArgumentException("Free disk space cannot be negative, was " + freeDiskBytes + " bytes");
        }
    }

    public static HealthCheckResult healthy(MachineId machineId, Instant checkedAt, Duration latency, String agentVersion,
            List<String> capabilities, Long freeDiskBytes) {
        return new HealthCheckResult(machineId, checkedAt, HealthStatus.HEALTHY, null, latency, agentVersion,
                capabilities, freeDiskBytes);
    }

    public static HealthCheckResult unhealthy(MachineId machineId, Instant checkedAt, String reason, Duration latency,
            String agentVersion, List<String> capabilities, Long freeDiskBytes) {
        return new HealthCheckResult(machineId, checkedAt, HealthStatus.UNHEALTHY, reason, latency, agentVersion,
                capabilities, freeDiskBytes);
    }

    public static HealthCheckResult unavailable(MachineId machineId, Instant checkedAt, String reason) {
        return new HealthCheckResult(machineId, checkedAt, HealthStatus.UNAVAILABLE, reason, null, null, List.of(), null);
    }
}
