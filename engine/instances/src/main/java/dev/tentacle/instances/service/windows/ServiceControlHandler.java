package dev.tentacle.instances.service.windows;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service side of the Windows service control protocol, without any Windows call: {@link #run} reports
 * START_PENDING, starts the {@link ServiceBody}, reports RUNNING, and waits for the body to end; {@link #handleControl}
 * answers the controls the service control manager sends (from its own thread). STOP and SHUTDOWN report STOP_PENDING
 * and ask the body to stop; INTERROGATE repeats the last status; every other control is refused. While a start or stop
 * is pending the check point grows each {@code progressInterval}, so the manager sees progress. The last report is
 * STOPPED with exit code 0 after a requested stop, or {@code ERROR_SERVICE_SPECIFIC_ERROR} with
 * {@link #START_FAILED} (the body could not start) or {@link #STOPPED_UNEXPECTEDLY} (it ended without being asked),
 * which makes Windows apply the service's failure actions.
 */
public final class ServiceControlHandler {
    private static final Logger log = LoggerFactory.getLogger(ServiceControlHandler.class);

    public static final int SERVICE_CONTROL_STOP = 0x1;
    public static final int SERVICE_CONTROL_INTERROGATE = 0x4;
    public static final int SERVICE_CONTROL_SHUTDOWN = 0x5;
    public static final int SERVICE_ACCEPT_STOP = 0x1;
    public static final int SERVICE_ACCEPT_SHUTDOWN = 0x4;
    public static final int NO_ERROR = 0;
    public static final int ERROR_CALL_NOT_IMPLEMENTED = 120;
    public static final int ERROR_SERVICE_CANNOT_ACCEPT_CTRL = 1061;
    public static final int ERROR_SERVICE_SPECIFIC_ERROR = 1066;
    /** Service-specific exit code: the agent could not start (configuration, certificate, port in use...). */
    public static final int START_FAILED = 1;
    /** Service-specific exit code: the agent stopped although nobody asked it to. */
    public static final int STOPPED_UNEXPECTEDLY = 2;

    public static final Duration DEFAULT_START_WAIT_HINT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STOP_WAIT_HINT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);

    private final ServiceStatusReporter reporter;
    private final Duration startWaitHint;
    private final Duration stopWaitHint;
    private final Duration progressInterval;

    private ServiceState state = ServiceState.STOPPED;
    private int checkPoint;
    private int win32ExitCode;
    private int serviceExitCode;
    private ServiceBody body;

    public ServiceControlHandler(ServiceStatusReporter reporter, Duration startWaitHint, Duration stopWaitHint,
            Duration progressInterval) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.startWaitHint = positive(startWaitHint, "startWaitHint");
        this.stopWaitHint = positive(stopWaitHint, "stopWaitHint");
        this.progressInterval = positive(progressInterval, "progressInterval");
    }

    public static ServiceControlHandler withDefaults(ServiceStatusReporter reporter) {
        return new ServiceControlHandler(reporter, DEFAULT_START_WAIT_HINT, DEFAULT_STOP_WAIT_HINT,
                DEFAULT_PROGRESS_INTERVAL);
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and " + Integer.MAX_VALUE + " ms, not "
                    + duration);
        }
        return duration;
    }

    /**
     * Runs the service from start to STOPPED; call it on the thread of {@code ServiceMain}.
     *
     * @return the service-specific exit code: 0, {@link #START_FAILED} or {@link #STOPPED_UNEXPECTEDLY}
     */
    public int run(ServiceBody serviceBody) {
        Objects.requireNonNull(serviceBody, "serviceBody");
        synchronized (this) {
            if (body != null) {
                throw new IllegalStateException("This service has already run; make a new handler for each run.");
            }
            body = serviceBody;
            enter(ServiceState.START_PENDING);
        }
        try {
            serviceBody.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stopped(START_FAILED);
        } catch (Exception | LinkageError e) {
            log.error("The service could not start: {}", e.getMessage(), e);
            return stopped(START_FAILED);
        }
        synchronized (this) {
            enter(ServiceState.RUNNING);
        }
        try {
            while (!serviceBody.awaitStop(progressInterval)) {
                synchronized (this) {
                    if (state.isPending()) {
                        checkPoint++;
                        reportCurrent();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            serviceBody.requestStop();
        }
        synchronized (this) {
            return stopped(state == ServiceState.STOP_PENDING ? 0 : STOPPED_UNEXPECTEDLY);
        }
    }

    /**
     * Answers one control from the service control manager ({@code HandlerEx}); returns at once.
     *
     * @return {@link #NO_ERROR}, {@link #ERROR_SERVICE_CANNOT_ACCEPT_CTRL} (not now) or
     *     {@link #ERROR_CALL_NOT_IMPLEMENTED} (never)
     */
    public int handleControl(int control) {
        ServiceBody toStop;
        synchronized (this) {
            switch (control) {
                case SERVICE_CONTROL_INTERROGATE -> {
                    reportCurrent();
                    return NO_ERROR;
                }
                case SERVICE_CONTROL_STOP, SERVICE_CONTROL_SHUTDOWN -> {
                    if (state == ServiceState.STOP_PENDING) {
                        reportCurrent();
                        return NO_ERROR;
                    }
                    if (state != ServiceState.RUNNING) {
                        return ERROR_SERVICE_CANNOT_ACCEPT_CTRL;
                    }
                    log.info("Windows asked the service to stop ({})",
                            control == SERVICE_CONTROL_STOP ? "STOP" : "SHUTDOWN");
                    enter(ServiceState.STOP_PENDING);
                    toStop = body;
                }
                default -> {
                    return ERROR_CALL_NOT_IMPLEMENTED;
                }
            }
        }
        toStop.requestStop();
        return NO_ERROR;
    }

    /** The state last reported. */
    public synchronized ServiceState state() {
        return state;
    }

    private int stopped(int exitCode) {
        synchronized (this) {
            win32ExitCode = exitCode == 0 ? NO_ERROR : ERROR_SERVICE_SPECIFIC_ERROR;
            serviceExitCode = exitCode;
            enter(ServiceState.STOPPED);
        }
        return exitCode;
    }

    private void enter(ServiceState next) {
        state = next;
        checkPoint = next.isPending() ? 1 : 0;
        reportCurrent();
    }

    private void reportCurrent() {
        int waitHint = switch (state) {
            case START_PENDING -> (int) startWaitHint.toMillis();
            case STOP_PENDING -> (int) stopWaitHint.toMillis();
            default -> 0;
        };
        int controls = state == ServiceState.RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
        boolean stopped = state == ServiceState.STOPPED;
        reporter.report(new ServiceStatusReport(state, stopped ? win32ExitCode : NO_ERROR,
                stopped ? serviceExitCode : 0, checkPoint, waitHint, controls));
    }
}
