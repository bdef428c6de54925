package dev.tentacle.servermanager.server;

import dev.tentacle.instances.service.CommandLineSyntax;
import dev.tentacle.instances.service.ServiceStatus;
import java.util.Objects;

/**
 * The server's OS service status as the server window shows it: a short text and, when there is more to say, a detail
 * that says why or what to do.
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

    /** The service manager cannot be used here; {@code reason} says why (e.g. systemd is not running) and what to do. */
    public static ServiceStatusView unavailable(String reason) {
        return new ServiceStatusView(Kind.UNAVAILABLE, "Service manager unavailable", reason);
    }

    public static ServiceStatusView of(ServiceStatus status, String instance) {
        String quoted = CommandLineSyntax.POSIX.quote(instance);
        return switch (status.state()) {
            case RUNNING -> new ServiceStatusView(Kind.RUNNING, "Running", status.detail());
            case STOPPED -> new ServiceStatusView(Kind.STOPPED, "Stopped", status.detail().isEmpty()
                    ? "Polling Tentacles cannot connect and no scheduled health checks run until it is started."
                    : status.detail());
            case NOT_INSTALLED -> new ServiceStatusView(Kind.NOT_INSTALLED, "Not installed as a service",
                    "Install it (as root) with: octopus-server service --instance " + quoted + " --install, or run the"
                            + " server in the foreground with: octopus-server run --instance " + quoted);
            case UNKNOWN -> new ServiceStatusView(Kind.UNKNOWN, "Unknown", status.detail());
        };
    }

    /** True when the service exists and can be started, stopped and restarted. */
    public boolean isControllable() {
        return kind == Kind.RUNNING || kind == Kind.STOPPED || kind == Kind.UNKNOWN;
    }
}
