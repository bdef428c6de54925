package dev.tentacle.servermanager.machines;

import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One machine of the table: as registered, with its newest health check.
 *
 * @param latest its newest health check result, or null when it was never checked
 */
public record MachineRow(Machine machine, HealthCheckResult latest) {
    public MachineRow {
        Objects.requireNonNull(machine, "machine");
    }

    public MachineId id() {
        return machine.id();
    }

    public String name() {
        return machine.name();
    }

    public boolean polling() {
        return machine.communicationStyle() == CommunicationStyle.POLLING;
    }

    /** "Listening" or "Polling". */
    public String mode() {
        return polling() ? "Polling" : "Listening";
    }

    /** The listening address ({@code https://web01:10933/}) or the polling subscription ({@code poll://x7k2m9qp4w/}). */
    public String address() {
        return machine.uri().toString();
    }

    public String environments() {
        return Formats.list(machine.environments());
    }

    public String roles() {
        return Formats.list(machine.roles());
    }

    public Optional<HealthCheckResult> health() {
        return Optional.ofNullable(latest);
    }

    /** The newest health status; empty when never checked. */
    public Optional<HealthStatus> status() {
        return health().map(HealthCheckResult::status);
    }

    /** "Healthy", "Unhealthy", "Unavailable" or "Not checked". */
    public String statusText() {
        return status().map(MachineRow::label).orElse("Not checked");
    }

    /** When the newest check finished, in local time; empty when never checked. */
    public String checkedAt() {
        return health().map(h -> Formats.time(h.checkedAt())).orElse("");
    }

    public String latency() {
        return health().map(h -> Formats.latency(h.latency())).orElse("");
    }

    /** The agent version the newest check that reached the agent reported; empty when unknown. */
    public String agentVersion() {
        return health().map(HealthCheckResult::agentVersion).orElse("");
    }

    /** Why the machine is not healthy, from its newest check; empty when healthy or never checked. */
    public String reason() {
        return health().map(HealthCheckResult::reason).orElse("");
    }

    /** A status as a word, capitalised: "Healthy". */
    public static String label(HealthStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
