package dev.tentacle.instances.service.windows;

import java.util.Objects;

/**
 * One {@code SERVICE_STATUS} as passed to {@code SetServiceStatus} (the service type is always
 * {@code SERVICE_WIN32_OWN_PROCESS} and is added by the dispatcher).
 *
 * @param state the service's state
 * @param win32ExitCode 0, or {@code ERROR_SERVICE_SPECIFIC_ERROR} (1066) when {@code serviceExitCode} says why it
 *     stopped
 * @param serviceExitCode the service's own exit code; only read when {@code win32ExitCode} is 1066
 * @param checkPoint grows while a start or stop makes progress; 0 outside pending states
 * @param waitHintMillis how long the service control manager should wait for the next report; 0 outside pending states
 * @param controlsAccepted the {@code SERVICE_ACCEPT_*} bits
 */
public record ServiceStatusReport(ServiceState state, int win32ExitCode, int serviceExitCode, int checkPoint,
        int waitHintMillis, int controlsAccepted) {
    public ServiceStatusReport {
        Objects.requireNonNull(state, "state");
    }
}
