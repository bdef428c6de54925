package dev.tentacle.manager.instances;

import dev.tentacle.instances.service.ServiceStatus;
import java.util.Objects;

/**
 * The service status as the main window shows it: a short text and, when there is more to say, a detail.
 *
 * @param detail why the state is what it is, or what to do; empty when there is nothing to add
 */
public record ServiceStatusView(Kind kind, String text, String detail) {

    /** The states of {@link ServiceStatus}, plus asking and the service manager being unavailable. */
    public enum Kind {
        CHECKING,
        RUNNING,
        STOPPED,
        NOT_INSTALLED,
        UNKNOWN,
        /** This machine cannot run services this way (no systemd, an unsupported OS): nothing can be controlled. */
        UNAVAILABLE
    }

    public ServiceStatusView {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detail, "detail");
    }

    public static ServiceStatusView checking() {
        return new ServiceStatusView(Kind.CHECKING, "Checking…", "");
    }

    public static ServiceStatusView unavailable(String reason) {
        return new ServiceStatusView(Kind.UNAVAILABLE, "Service manager unavailable", reason);
    }

    public static ServiceStatusView of(ServiceStatus status) {
        return switch (status.state()) {
            case RUNNING -> new ServiceStatusView(Kind.RUNNING, "Running", status.detail());
            case STOPPED -> new ServiceStatusView(Kind.STOPPED, "Stopped", status.detail());
            case NOT_INSTALLED -> new ServiceStatusView(Kind.NOT_INSTALLED, "Not installed as a service",
                    "Install it with Install service to run the Tentacle in the background and at boot.");
            case UNKNOWN -> new ServiceStatusView(Kind.UNKNOWN, "Unknown", status.detail());
        };
    }

    /** True when the service exists and can be started, stopped and restarted. */
    public boolean isControllable() {
        return kind == Kind.RUNNING || kind == Kind.STOPPED || kind == Kind.UNKNOWN;
    }
}
