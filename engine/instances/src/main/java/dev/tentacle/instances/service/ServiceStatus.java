package dev.tentacle.instances.service;

import java.util.Objects;

/**
 * Whether an instance's OS service is installed and running.
 *
 * @param detail more for people: why the state is {@link State#UNKNOWN}, or that a stopped service failed; empty when
 *     there is nothing to add
 */
public record ServiceStatus(State state, String detail) {

    /** The states every OS maps to. */
    public enum State {
        RUNNING,
        STOPPED,
        NOT_INSTALLED,
        /** The OS reported something else (starting, stopping, paused) or could not be asked; see the detail. */
        UNKNOWN
    }

    public ServiceStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        if (state == State.UNKNOWN && detail.isBlank()) {
            throw new IllegalArgumentException("An UNKNOWN service status needs a detail that says what was found.");
        }
    }

    public static ServiceStatus running() {
        return new ServiceStatus(State.RUNNING, "");
    }

    public static ServiceStatus stopped() {
        return new ServiceStatus(State.STOPPED, "");
    }

    public static ServiceStatus stopped(String detail) {
        return new ServiceStatus(State.STOPPED, detail);
    }

    public static ServiceStatus notInstalled() {
        return new ServiceStatus(State.NOT_INSTALLED, "");
    }

    public static ServiceStatus unknown(String detail) {
        return new ServiceStatus(State.UNKNOWN, detail);
    }

    @Override
    public String toString() {
        return detail.isEmpty() ? state.name() : state + " (" + detail + ")";
    }
}
