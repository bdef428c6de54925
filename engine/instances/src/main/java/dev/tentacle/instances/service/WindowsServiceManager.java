package dev.tentacle.instances.service;

import dev.tentacle.comms.retry.Sleeper;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows services through {@code sc.exe} (and {@code reg.exe} for environment variables); see
 * {@link WindowsServiceCommands} for the exact commands.
 *
 * <p><strong>The launcher must speak the service control protocol.</strong> The service control manager starts the
 * {@code binPath} program and waits up to 30 s for it to call {@code StartServiceCtrlDispatcher}; a program that does
 * not is killed with error 1053. {@code binPath} therefore runs {@code run ... --service}, which registers with the
 * service control manager through the Foreign Function and Memory API
 * ({@link dev.tentacle.instances.service.windows.WindowsServiceDispatcher}); this works because a jpackage launcher
 * runs the JVM inside its own process. It still has to be proven on a Windows machine (decision record
 * {@code docs/decisions/0005-os-services.md}); a service wrapper (WinSW, Apache procrun) remains an alternative.
 *
 * <p>Also not done by {@code sc.exe}: granting a named account the "Log on as a service" right (the Services app
 * grants it, {@code sc.exe} does not); without it the service fails to start with error 1069. Windows services have
 * no working directory setting, so {@link ServiceDefinition#workingDirectory()} is not used: a service starts in
 * {@code %SystemRoot%\System32} and finds its home through its instance configuration.
 */
public final class WindowsServiceManager implements ServiceManager {
    private static final Logger log = LoggerFactory.getLogger(WindowsServiceManager.class);
    /** How often to ask whether a stopping service has stopped. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(60);

    private static final int ACCESS_DENIED = 5;
    private static final int ALREADY_RUNNING = 1056;
    private static final int NOT_STARTED = 1062;
    private static final int NO_TIMELY_RESPONSE = 1053;
    private static final int LOGON_FAILURE = 1069;
    private static final int MARKED_FOR_DELETE = 1072;

    private final WindowsServiceCommands commands;
    private final CommandRunner runner;
    private final Sleeper sleeper;
    private final Duration stopTimeout;

    /**
     * @param sleeper waits between status checks while a service stops
     * @param stopTimeout how long to wait for a service to stop before giving up
     */
    public WindowsServiceManager(WindowsServiceCommands commands, CommandRunner runner, Sleeper sleeper,
            Duration stopTimeout) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    public static WindowsServiceManager withDefaults(CommandRunner runner) {
        return new WindowsServiceManager(WindowsServiceCommands.standard(), runner, Sleeper.threadSleep(),
                DEFAULT_STOP_TIMEOUT);
    }

    @Override
    public boolean isSupported() {
        return runner.locate(scProgram()).isPresent();
    }

    @Override
    public String describe() {
        return runner.locate(scProgram())
                .map(path -> "Windows services, controlled with " + path + ".")
                .orElse("sc.exe was not found on the PATH, so Windows services cannot be managed: add "
                        + "%SystemRoot%\\System32 to the PATH.");
    }

    private String scProgram() {
        return commands.scProgram();
    }

    @Override
    public void install(ServiceDefinition definition) {
        ServiceName service = definition.service();
        Command create = commands.create(definition);
        ServiceStatus before = query(service);
        boolean replacing = before.state() != ServiceStatus.State.NOT_INSTALLED;
        run(service, replacing ? "reconfigured" : "installed", replacing ? commands.config(definition) : create);
        log.info("{} the Windows service {}", replacing ? "Reconfigured" : "Created", service.displayName());
        run(service, "given its description", commands.description(definition));
        run(service, "set to restart after a failure", commands.failureActions(service));
        run(service, "set to restart after a failure", commands.failureFlag(service));
        if (!definition.environment().isEmpty()) {
            run(service, "given its environment variables", commands.setEnvironment(definition));
        } else if (replacing) {
            // Drop variables of an earlier definition; reg.exe fails when there are none, which is fine.
            runner.run(commands.clearEnvironment(service));
        }
        if (before.state() == ServiceStatus.State.RUNNING) {
            restart(service);
        } else {
            start(service);
        }
    }

    @Override
    public boolean uninstall(ServiceName service) {
        ServiceStatus before = query(service);
        if (before.state() == ServiceStatus.State.NOT_INSTALLED) {
            log.info("The Windows service {} does not exist; nothing to uninstall", service.displayName());
            return false;
        }
        if (before.state() != ServiceStatus.State.STOPPED) {
            stopAndWait(service);
        }
        run(service, "deleted", commands.delete(service));
        return true;
    }

    @Override
    public void start(ServiceName service) {
        CommandResult result = runner.run(commands.start(service));
        if (!result.succeeded() && result.exitCode() != ALREADY_RUNNING) {
            throw failure(service, "started", result);
        }
    }

    @Override
    public void stop(ServiceName service) {
        stopAndWait(service);
    }

    @Override
    public void restart(ServiceName service) {
        stopAndWait(service);
        start(service);
    }

    @Override
    public ServiceStatus status(ServiceName service) {
        try {
            return WindowsServiceQuery.parse(runner.run(commands.query(service)));
        } catch (ServiceManagerException e) {
            return ServiceStatus.unknown(e.getMessage());
        }
    }

    /** Like {@link #status} but a failed query is an error, for operations that must know. */
    private ServiceStatus query(ServiceName service) {
        CommandResult result = runner.run(commands.query(service));
        if (!result.succeeded() && result.exitCode() != WindowsServiceQuery.SERVICE_DOES_NOT_EXIST) {
            throw failure(service, "queried", result);
        }
        return WindowsServiceQuery.parse(result);
    }

    private void stopAndWait(ServiceName service) {
        CommandResult result = runner.run(commands.stop(service));
        if (!result.succeeded() && result.exitCode() != NOT_STARTED) {
            throw failure(service, "stopped", result);
        }
        long polls = Math.max(1, stopTimeout.toMillis() / POLL_INTERVAL.toMillis());
        ServiceStatus status = query(service);
        for (long i = 0; i < polls && !isStopped(status); i++) {
            try {
                sleeper.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceManagerException("Interrupted while waiting for the Windows service "
                        + service.displayName() + " to stop; it may still be stopping.", e);
            }
            status = query(service);
        }
        if (!isStopped(status)) {
            throw new ServiceManagerException("The Windows service " + service.displayName() + " did not stop within "
                    + stopTimeout.toSeconds() + " s (last state: " + status + "). Wait for it, or end its process in "
                    + "Task Manager, then try again.");
        }
    }

    private static boolean isStopped(ServiceStatus status) {
        return status.state() == ServiceStatus.State.STOPPED || status.state() == ServiceStatus.State.NOT_INSTALLED;
    }

    private void run(ServiceName service, String done, Command command) {
        CommandResult result = runner.run(command);
        if (!result.succeeded()) {
            throw failure(service, done, result);
        }
    }

    private static ServiceManagerException failure(ServiceName service, String done, CommandResult result) {
        return new ServiceManagerException("The Windows service of " + service.describe() + " could not be " + done
                + ": " + result.describeFailure() + System.lineSeparator() + advice(service, result.exitCode()));
    }

    private static String advice(ServiceName service, int exitCode) {
        return switch (exitCode) {
            case ACCESS_DENIED -> "Changing Windows services needs administrator rights: run the command again from "
                    + "an elevated prompt (Run as administrator).";
            case WindowsServiceQuery.SERVICE_DOES_NOT_EXIST -> "The service is not installed: install it with `"
                    + service.installCommand() + "`.";
            case NO_TIMELY_RESPONSE -> "The launcher did not answer the service control manager: the program in "
                    + "binPath must speak the service control protocol (see docs/decisions/0005-os-services.md). "
                    + "Meanwhile run the agent in the foreground with `" + service.foregroundCommand() + "`.";
            case LOGON_FAILURE -> "Windows could not log on as the service's account: check the user name and "
                    + "password, and that the account has the \"Log on as a service\" right (Local Security Policy).";
            case MARKED_FOR_DELETE -> "The service is marked for deletion and Windows removes it once nothing holds "
                    + "it open: close the Services app and Event Viewer, then try again (or restart Windows).";
            default -> "Look in the Windows Event Viewer (Windows Logs > System) for the reason, fix it, and try again.";
        };
    }
}
