package dev.tentacle.instances.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services as systemd units. {@link #install} writes {@code /etc/systemd/system/UNIT} (see {@link SystemdUnitFile}
 * and {@link SystemdUnitNames}), then runs {@code systemctl daemon-reload}, {@code enable UNIT} and {@code start UNIT}
 * ({@code restart UNIT} when it replaced an existing unit). {@link #uninstall} runs {@code stop} and {@code disable},
 * deletes the file and runs {@code daemon-reload}.
 *
 * <p>Every operation first checks that systemd is running ({@code /run/systemd/system} exists, as
 * {@code sd_booted()} checks): containers usually lack it, and then nothing is written and the message says to run
 * the agent in the foreground instead. A failed {@code systemctl} call is reported with the command, its exit code
 * and output, and what to do. Nothing is rolled back after a failed step: the message says what is in place.
 */
public final class SystemdServiceManager implements ServiceManager {
    private static final Logger log = LoggerFactory.getLogger(SystemdServiceManager.class);

    private final Settings settings;
    private final CommandRunner runner;

    /**
     * Where units go, which program is {@code systemctl}, and how to tell that systemd is running. Tests point all
     * three at temporary files.
     *
     * @param unitDirectory where unit files are written, {@code /etc/systemd/system}
     * @param systemctl the program name (searched by the runner) or path of {@code systemctl}
     * @param runtimeDirectory exists exactly when systemd is the running init system: {@code /run/systemd/system}
     */
    public record Settings(Path unitDirectory, String systemctl, Path runtimeDirectory) {
        public Settings {
            Objects.requireNonNull(unitDirectory, "unitDirectory");
            Objects.requireNonNull(systemctl, "systemctl");
            Objects.requireNonNull(runtimeDirectory, "runtimeDirectory");
        }

        public static Settings defaults() {
            return new Settings(Path.of("/etc/systemd/system"), "systemctl", Path.of("/run/systemd/system"));
        }

        public Settings withUnitDirectory(Path directory) {
            return new Settings(directory, systemctl, runtimeDirectory);
        }

        public Settings withSystemctl(String program) {
            return new Settings(unitDirectory, program, runtimeDirectory);
        }

        public Settings withRuntimeDirectory(Path directory) {
            return new Settings(unitDirectory, systemctl, directory);
        }
    }

    public SystemdServiceManager(Settings settings, CommandRunner runner) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** The real locations, with {@code systemctl} from this process's {@code PATH}. */
    public static SystemdServiceManager withDefaults() {
        return new SystemdServiceManager(Settings.defaults(), ProcessCommandRunner.withDefaults());
    }

    /** The unit's file, whether or not it exists. */
    public Path unitFile(ServiceName service) {
        return settings.unitDirectory().resolve(SystemdUnitNames.unitName(service));
    }

    @Override
    public boolean isSupported() {
        return systemdIsRunning() && runner.locate(settings.systemctl()).isPresent();
    }

    @Override
    public String describe() {
        if (!systemdIsRunning()) {
            return "systemd is not running on this machine (" + settings.runtimeDirectory() + " does not exist; "
                    + "containers often lack it), so instances cannot run as OS services here: run them in the "
                    + "foreground instead.";
        }
        return runner.locate(settings.systemctl())
                .map(path -> "systemd units in " + settings.unitDirectory() + ", controlled with " + path + ".")
                .orElse("systemd is running but " + settings.systemctl() + " was not found on the PATH: install "
                        + "systemd's tools or add their directory to the PATH.");
    }

    @Override
    public void install(ServiceDefinition definition) {
        ServiceName service = definition.service();
        String unitName = SystemdUnitNames.unitName(service);
        String content = SystemdUnitFile.render(definition);
        requireSystemdRunning(service, "installed");
        Path unitFile = unitFile(service);
        boolean replacing = Files.exists(unitFile);
        write(service, unitFile, content);
        log.info("Wrote systemd unit {} for {}", unitFile, service.describe());
        Step step = new Step(service, "was written to " + unitFile + " but could not be ");
        systemctl(step, "enabled", "daemon-reload");
        systemctl(step, "enabled", "enable", unitName);
        systemctl(step, "started", replacing ? "restart" : "start", unitName);
    }

    @Override
    public boolean uninstall(ServiceName service) {
        Path unitFile = unitFile(service);
        if (!Files.exists(unitFile)) {
            log.info("{} has no systemd unit at {}; nothing to uninstall", service.describe(), unitFile);
            return false;
        }
        requireSystemdRunning(service, "uninstalled");
        String unitName = SystemdUnitNames.unitName(service);
        Step step = new Step(service, "is still installed because it could not be ");
        systemctl(step, "stopped", "stop", unitName);
        systemctl(step, "disabled", "disable", unitName);
        try {
            Files.delete(unitFile);
        } catch (IOException e) {
            throw new ServiceManagerException("The OS service of " + service.describe() + " was stopped and disabled, "
                    + "but its unit file " + unitFile + " could not be deleted: " + describe(e)
                    + ". Delete it by hand (as root) and run `systemctl daemon-reload`.", e);
        }
        systemctl(new Step(service, "was removed (" + unitFile + " deleted) but systemd could not be "),
                "told to forget it", "daemon-reload");
        return true;
    }

    @Override
    public void start(ServiceName service) {
        control(service, "start", "started");
    }

    @Override
    public void stop(ServiceName service) {
        control(service, "stop", "stopped");
    }

    @Override
    public void restart(ServiceName service) {
        control(service, "restart", "restarted");
    }

    private void control(ServiceName service, String verb, String done) {
        requireInstalled(service);
        requireSystemdRunning(service, done);
        systemctl(new Step(service, "could not be "), done, verb, SystemdUnitNames.unitName(service));
    }

    @Override
    public ServiceStatus status(ServiceName service) {
        Path unitFile;
        try {
            unitFile = unitFile(service);
        } catch (ServiceManagerException e) {
            return ServiceStatus.unknown(e.getMessage());
        }
        if (!Files.exists(unitFile)) {
            return ServiceStatus.notInstalled();
        }
        if (!systemdIsRunning()) {
            return ServiceStatus.unknown("the unit " + unitFile + " is installed but systemd is not running "
                    + "on this machine");
        }
        String unitName = SystemdUnitNames.unitName(service);
        CommandResult result;
        try {
            result = runner.run(Command.posix(settings.systemctl(), "is-active", unitName));
        } catch (ServiceManagerException e) {
            return ServiceStatus.unknown(e.getMessage());
        }
        String state = result.stdout().strip().lines().findFirst().orElse("");
        return switch (state) {
            case "active", "reloading", "refreshing" -> ServiceStatus.running();
            case "inactive" -> ServiceStatus.stopped();
            case "failed" -> ServiceStatus.stopped("it failed and systemd stopped restarting it; see "
                    + "`journalctl -u " + CommandLineSyntax.POSIX.quote(unitName) + "`");
            case "activating" -> ServiceStatus.unknown("starting (activating); ask again in a moment");
            case "deactivating" -> ServiceStatus.unknown("stopping (deactivating); ask again in a moment");
            default -> ServiceStatus.unknown("`" + result.command().display() + "` answered with exit code "
                    + result.exitCode() + ": " + result.output());
        };
    }

    private boolean systemdIsRunning() {
        return Files.isDirectory(settings.runtimeDirectory());
    }

    private void requireSystemdRunning(ServiceName service, String done) {
        if (!systemdIsRunning()) {
            throw new ServiceManagerException("systemd is not running on this machine (" + settings.runtimeDirectory()
                    + " does not exist; containers often lack it), so the OS service of " + service.describe()
                    + " cannot be " + done + ". Run the agent in the foreground with `" + service.foregroundCommand()
                    + "` instead, or use a machine or container that boots with systemd.");
        }
    }

    private void requireInstalled(ServiceName service) {
        Path unitFile = unitFile(service);
        if (!Files.exists(unitFile)) {
            throw new ServiceManagerException("The OS service of " + service.describe() + " is not installed (there is "
                    + "no " + unitFile + "). Install it with `" + service.installCommand() + "`.");
        }
    }

    private void write(ServiceName service, Path unitFile, String content) {
        try {
            Files.createDirectories(settings.unitDirectory());
            Path temporary = Files.createTempFile(settings.unitDirectory(), ".tentacle-", ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(temporary, unitFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new ServiceManagerException("Could not write the systemd unit " + unitFile + " for "
                    + service.describe() + ": " + describe(e) + ". Installing an OS service changes "
                    + settings.unitDirectory() + ", which needs root: run the command with sudo.", e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return e.getMessage() + " exists and is not a directory";
        }
        return e.toString();
    }

    private void systemctl(Step step, String done, String... arguments) {
        CommandResult result = runner.run(Command.posix(settings.systemctl(), arguments));
        if (!result.succeeded()) {
            throw new ServiceManagerException("The OS service of " + step.service().describe() + " " + step.state()
                    + done + ": " + result.describeFailure() + System.lineSeparator()
                    + advice(step.service(), result));
        }
    }

    private String advice(ServiceName service, CommandResult result) {
        String output = result.output().toLowerCase(Locale.ROOT);
        if (output.contains("not been booted with systemd") || output.contains("failed to connect to bus")) {
            return "systemd is not running on this machine (containers often lack it): run the agent in the "
                    + "foreground with `" + service.foregroundCommand() + "` instead.";
        }
        if (output.contains("access denied") || output.contains("authentication required")
                || output.contains("permission denied")) {
            return "Changing system services needs root: run the command again with sudo.";
        }
        String unit = CommandLineSyntax.POSIX.quote(SystemdUnitNames.unitName(service));
        return "See `systemctl status " + unit + "` and `journalctl -u " + unit + "` for the reason, fix it, and try "
                + "again.";
    }

    /** Which service a systemctl call is for, and what state the service is left in if the call fails. */
    private record Step(ServiceName service, String state) {
    }
}
