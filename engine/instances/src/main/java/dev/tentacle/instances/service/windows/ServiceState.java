package dev.tentacle.instances.service.windows;

/** The {@code dwCurrentState} values a service reports (winsvc.h); Tentacle never pauses, so those are left out. */
public enum ServiceState {
    STOPPED(1),
    START_PENDING(2),
    STOP_PENDING(3),
    RUNNING(4);

    private final int code;

    ServiceState(int code) {
        this.code = code;
    }

    /** The {@code SERVICE_*} constant Windows expects. */
    public int code() {
        return code;
    }

    public boolean isPending() {
        return this == START_PENDING || this == STOP_PENDING;
    }
}
