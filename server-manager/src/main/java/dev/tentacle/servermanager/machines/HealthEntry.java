package dev.tentacle.servermanager.machines;

import dev.tentacle.server.storage.health.HealthCheckResult;
import java.util.Objects;

/** A row of a machine's health history: when, how it went, the round trip and why it was not healthy. */
public record HealthEntry(HealthCheckResult result) {
    public HealthEntry {
        Objects.requireNonNull(result, "result");
    }

    public String time() {
        return Formats.time(result.checkedAt());
    }

    public String status() {
        return MachineRow.label(result.status());
    }

    public String latency() {
        return Formats.latency(result.latency());
    }

    /** Why it was not healthy; empty when it was. */
    public String reason() {
        return result.reason() == null ? "" : result.reason();
    }
}
