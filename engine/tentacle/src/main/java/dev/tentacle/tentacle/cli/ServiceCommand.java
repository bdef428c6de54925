package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.instance.TentacleServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code service}: installs and controls the instance's OS service (systemd, or a Windows service). */
@Command(name = "service",
        header = "Installs and controls the instance's OS service.",
        sortOptions = false,
        description = {"Installs and controls the instance's OS service: a systemd unit on Linux, a Windows service on"
                + " Windows. The service runs 'tentacle run --instance NAME' and starts at boot.",
            "Several actions may be combined; they run in this order: --install/--reconfigure, --stop, --start,"
                + " --restart, --uninstall, --status. Changing services usually needs root or an administrator."})
final class ServiceCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

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
        ServiceName service = definition != null ? definition.service() : ServiceName.tentacle(instanceName());
        ServiceManager manager = context().serviceManager().get();
        List<String> actions = new ArrayList<>();
        if (definition != null) {
            manager.install(definition);
            actions.add("Installed the service '" + service.displayName() + "' to run " + definition.launcher() + " "
                    + String.join(" ", definition.arguments()) + (definition.userName().map(u -> " as " + u).orElse(""))
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
        if (instance.hasConfigFile()) {
            return instance.name();
        }
        return context().registry().find(instance.name()).map(InstanceRecord::name).orElse(instance.name());
    }

    private ServiceDefinition definition() {
        TentacleInstance target = instance.resolve(context());
        return TentacleServiceDefinition.of(target, context().locations(),
                TentacleServiceDefinition.launcher(context().environment()), instance.hasConfigFile(), username, password);
    }
}
