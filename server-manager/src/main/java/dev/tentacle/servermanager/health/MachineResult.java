package dev.tentacle.servermanager.health;

import dev.tentacle.server.admin.HealthHint;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.servermanager.machines.Formats;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One machine's line in the health check: waiting, or how its check ended, with the hints for a failure.
 *
 * @param result the health check result its part recorded, or null (waiting, or the part ended without one)
 * @param message why the check failed or what happened to it; empty for a healthy machine and while it waits
 * @param hints what to check, for a machine that is not healthy
 */
public record MachineResult(Machine machine, State state, HealthCheckResult result, String message,
        List<HealthHint> hints) {

    /** Where a machine's check stands. */
    public enum State {
        WAITING("Checking…"), HEALTHY("Healthy"), UNHEALTHY("Unhealthy"), UNAVAILABLE("Unavailable"),
        CANCELLED("Cancelled"), FAILED("Not checked");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** True for a machine that is not healthy or was not checked: its line needs attention. */
        public boolean needsAttention() {
            return this != WAITING && this != HEALTHY;
        }

        static State of(HealthStatus status) {
            return switch (status) {
                case HEALTHY -> HEALTHY;
                case UNHEALTHY -> UNHEALTHY;
                case UNAVAILABLE -> UNAVAILABLE;
            };
        }
    }

    public MachineResult {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
        hints = List.copyOf(hints);
    }

    static MachineResult waiting(Machine machine) {
        return new MachineResult(machine, State.WAITING, null, "", List.of());
    }

    public String name() {
        return machine.name();
    }

    public Optional<HealthCheckResult> health() {
        return Optional.ofNullable(result);
    }

    /** The round trip, when the machine answered. */
    public String latency() {
        return health().map(r -> Formats.latency(r.latency())).orElse("");
    }

    /** {@code Healthy in 12 ms, agent 1.2.3}: the state with what the check learnt. */
    public String summary() {
        StringBuilder text = new StringBuilder(state.label());
        health().ifPresent(r -> {
            if (r.latency() != null) {
                text.append(" in ").append(Formats.latency(r.latency()));
            }
            if (r.agentVersion() != null) {
                text.append(", agent ").append(r.agentVersion());
            }
        });
        return text.toString();
    }

    /** The hints as lines of text: title, then what to check. */
    public String hintText() {
        return String.join(System.lineSeparator(), hints.stream().map(HealthHint::text).toList());
    }

    /** The status icon's status; null while waiting or when the check recorded nothing. */
    public HealthStatus status() {
        return result == null ? null : result.status();
    }
}
