package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.ServerServiceDefinition;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.cli.ServiceActions;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @Mixin
    ServiceActions actions;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        ServiceActions.Result result = actions.perform(context().serviceManager(), ServiceName.octopusServer(instanceName()),
                this::definition);
        printer(format).print(result, out -> ServiceActions.print(result, out));
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
        return ServerServiceDefinition.of(target, root().locations(),
                ServerServiceDefinition.launcher(context().environment()), instance.config != null, actions.username(),
                actions.password());
    }
}
