package dev.tentacle.manager.wizard;

import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.service.Command;
import dev.tentacle.instances.service.CommandRunner;
import dev.tentacle.instances.service.ProcessCommandRunner;
import dev.tentacle.tentacle.registration.LocalHostName;
import dev.tentacle.tentacle.registration.ServerCheck;
import dev.tentacle.tentacle.registration.TentacleRegistrar;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the setup wizard needs beyond the {@link dev.tentacle.manager.ManagerContext}: programs it runs (the firewall),
 * whether it runs elevated, this machine's host name, and the clients of the Octopus Server's API. Tests replace them.
 *
 * @param commands runs and locates {@code ufw}, {@code firewall-cmd} and {@code netsh}
 * @param elevated true when the app runs as root, or as an administrator on Windows
 * @param hostName this machine's host name, the default machine name on the server
 * @param serverCheck checks a server and its API key
 * @param registrar registers the machine, and removes it on rollback
 */
public record WizardServices(CommandRunner commands, boolean elevated, Supplier<Optional<String>> hostName,
        ServerCheck serverCheck, TentacleRegistrar registrar) {

    public WizardServices {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(serverCheck, "serverCheck");
        Objects.requireNonNull(registrar, "registrar");
    }

    /** This machine: real processes on the PATH, the real elevation, the OS's host name. */
    public static WizardServices forThisMachine(HostEnvironment environment) {
        CommandRunner runner = ProcessCommandRunner.withDefaults();
        return new WizardServices(runner, elevated(environment, runner), () -> LocalHostName.of(environment),
                new ServerCheck(), new TentacleRegistrar());
    }

    /** A copy that runs programs through this runner. */
    public WizardServices withCommands(CommandRunner runner, boolean runsElevated) {
        return new WizardServices(runner, runsElevated, hostName, serverCheck, registrar);
    }

    /**
     * Root on Linux and macOS; on Windows, an administrator: {@code net session} only succeeds in an elevated
     * process.
     */
    static boolean elevated(HostEnvironment environment, CommandRunner runner) {
        if (!environment.operatingSystem().isWindows()) {
            return environment.isRoot();
        }
        try {
            return runner.run(Command.windows("net", "session")).succeeded();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
