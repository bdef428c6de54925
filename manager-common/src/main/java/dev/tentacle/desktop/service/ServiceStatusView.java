package dev.tentacle.desktop.service;

import dev.tentacle.instances.service.ServiceStatus;
import java.util.Locale;
import java.util.Objects;

/**
 * An instance's OS service status as a manager window shows it: a short text and, when there is more to say, a detail.
 * Both managers show it the same way; each passes its own advice for a stopped service and for one not installed.
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
        UNAVAILABLE;

        /** The style class that colours it: {@code status-running}, {@code status-not-installed}, ... */
        public String styleClass() {
            return "status-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public ServiceStatusView {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detail, "detail");
    }

    public static ServiceStatusView checking() {
        return new ServiceStatusView(Kind.CHECKING, "Checking…", "");
    }

    /**
     * The service manager cannot be used here; {@code reason} says why (e.g. systemd is not running) and what to do.
     */
    public static ServiceStatusView unavailable(String reason) {
        return new ServiceStatusView(Kind.UNAVAILABLE, "Service manager unavailable", reason);
    }

    /**
     * @param stoppedAdvice the detail of a stopped service when the service manager gives none; empty for none
     * @param notInstalledAdvice the detail of a service that is not installed: what to do
     */
    public static ServiceStatusView of(ServiceStatus status, String stoppedAdvice, String notInstalledAdvice) {
        Objects.requireNonNull(stoppedAdvice, "stoppedAdvice");
        Objects.requireNonNull(notInstalledAdvice, "notInstalledAdvice");
        return switch (status.state()) {
            case RUNNING -> new ServiceStatusView(Kind.RUNNING, "Running", status.detail());
            case STOPPED -> new ServiceStatusView(Kind.STOPPED, "Stopped", status.detail().isEmpty() ? stoppedAdvice
                    : status.detail());
            case NOT_INSTALLED -> new ServiceStatusView(Kind.NOT_INSTALLED, "Not installed as a service",
                    notInstalledAdvice);
            case UNKNOWN -> new ServiceStatusView(Kind.UNKNOWN, "Unknown", status.detail());
        };
    }

    /** True when the service exists and can be started, stopped and restarted. */
    public boolean isControllable() {
        return kind == Kind.RUNNING || kind == Kind.STOPPED || kind == Kind.UNKNOWN;
    }
}
