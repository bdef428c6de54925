package dev.tentacle.server.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code service}: installs and controls the instance's OS service (systemd, or a Windows service). */
@Command(name = "service", mixinStandardHelpOptions = true,
        header = "Installs and controls the instance's OS service.",
        sortOptions = false,
        description = {"Installs and controls the instance's OS service: a systemd unit on Linux, a Windows service on"
                + " Windows. The service runs 'octopus-server run --instance NAME' and starts at boot.",
            "Several actions may be combined; they run in this order: --install/--reconfigure, --stop, --start,"
                + " --restart, --uninstall, --status. Changing services usually needs root or an administrator."})
final class ServiceCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--install", description = "Install the service, enable it at boot and start it.")
    boolean install;

    @Option(names = "--reconfigure", description = "Replace the installed service's definition (user, launcher) and"
            + " restart it; the same as --install.")
    boolean reconfigure;

    @Option(names = "--stop", description = "Stop the service.")
    boolean stop;

    @Option(names = "--start", description = "Start the service.")
    boolean start;

    @Option(names = "--restart", description = "Stop the service if it runs, then start it.")
    boolean restart;

    @Option(names = "--uninstall", description = "Stop the service and remove it.")
    boolean uninstall;

    @Option(names = "--status", description = "Show whether the service is installed and running.")
    boolean status;

    @Option(names = "--username", paramLabel = "USER",
            description = "With --install: the account the service runs as (default: root, or LocalSystem on Windows).")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "With --install on Windows: the account's password.")
    String password;

    @Mixin
    FormatOption format;

    /** @param status the status after the actions, when --status was given; else null */
    record Result(String instance, String service, List<String> actions, StatusView status) {
    }

    record StatusView(String state, String detail) {
    }

    @Override
    public Integer call() {
        if (!(install || reconfigure || stop || start || restart || uninstall || status)) {
            throw new IllegalArgumentException("Give at least one action: --install, --reconfigure, --start, --stop,"
                    + " --restart, --uninstall or --status.");
        }
        if ((username != null || password != null) && !(install || reconfigure)) {
            throw new IllegalArgumentException("--username and --password only apply with --install or --reconfigure.");
        }
        ServiceDefinition definition = install || reconfigure ? definition() : null;
        ServiceName service = definition != null ? definition.service() : ServiceName.octopusServer(instanceName());
        ServiceManager manager = context().serviceManager().get();
        List<String> actions = new ArrayList<>();
        if (definition != null) {
            manager.install(definition);
            actions.add("Installed the service '" + service.displayName() + "' to run " + definition.launcher() + " "
                    + String.join(" ", definition.arguments()) + definition.userName().map(u -> " as " + u).orElse("")
                    + ", enabled it at boot and started it.");
        }
        if (stop) {
            manager.stop(service);
            actions.add("Stopped the service '" + service.displayName() + "'.");
        }
        if (start) {
            manager.start(service);
            actions.add("Started the service '" + service.displayName() + "'.");
        }
        if (restart) {
            manager.restart(service);
            actions.add("Restarted the service '" + service.displayName() + "'.");
        }
        if (uninstall) {
            actions.add(manager.uninstall(service) ? "Uninstalled the service '" + service.displayName() + "'."
                    : "The service '" + service.displayName() + "' was not installed; nothing to uninstall.");
        }
        StatusView statusView = null;
        if (status) {
            ServiceStatus current = manager.status(service);
            statusView = new StatusView(current.state().name(), current.detail());
        }
        var result = new Result(service.instanceName(), service.displayName(), actions, statusView);
        printer(format).print(result, out -> {
            actions.forEach(out::println);
            if (result.status() != null) {
                out.println("Service '" + service.displayName() + "': " + result.status().state()
                        + (result.status().detail().isEmpty() ? "" : " (" + result.status().detail() + ")"));
            }
        });
        return 0;
    }

    /** The registered name when the instance is registered (names ignore case, service names do not), else as given. */
    private String instanceName() {
        if (instance.config != null) {
            return instance.name();
        }
        return registry().find(instance.name()).map(InstanceRecord::name).orElse(instance.name());
    }

    private ServiceDefinition definition() {
        ServerInstance target = instance.resolve(registry());
        Path home = target.configuration().homeDirectory();
        List<String> arguments = new ArrayList<>(ServiceDefinition.runArguments(target.name()));
        ServiceDefinition.Builder builder = ServiceDefinition.builder(ServiceName.octopusServer(target.name()),
                        launcher().toString())
                .userName(username)
                .password(password)
                .workingDirectory(home);
        if (instance.config != null) {
            arguments.addAll(List.of("--config", target.configFile().toString()));
        } else {
            // The service may run as another user, whose default registry differs: point it at this one.
            InstanceLocations locations = root().locations();
            if (locations.source() != InstanceLocations.Source.SYSTEM) {
                builder.environmentVariable(InstanceLocations.DIRECTORY_VARIABLE, locations.registryDirectory().toString());
            }
        }
        return builder.arguments(arguments).build();
    }

    private Path launcher() {
        String variable = ServerCliContext.LAUNCHER_VARIABLE;
        String value = context().environment().variable(variable).orElseThrow(() ->
                new IllegalStateException("Cannot install the service: it needs the full path of the octopus-server"
                        + " launcher, and " + variable + " is not set. Run this command through bin/octopus-server or"
                        + " the installed octopus-server program, or set " + variable + " to its full path."));
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalStateException(variable + " is '" + value + "', which is not a path: " + e.getReason()
                    + ". Set it to the full path of the octopus-server launcher.", e);
        }
        if (!path.isAbsolute() || !Files.isRegularFile(path)) {
            throw new IllegalStateException(variable + " is '" + value + "', which is not the full path of an existing"
                    + " file. Set it to the full path of the octopus-server launcher.");
        }
        return path;
    }
}
