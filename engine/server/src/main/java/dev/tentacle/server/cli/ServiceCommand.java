package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.cli.ServiceActions;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceName;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Path home = target.configuration().homeDirectory();
        List<String> arguments = new ArrayList<>(ServiceDefinition.runArguments(target.name()));
        ServiceDefinition.Builder builder = ServiceDefinition.builder(ServiceName.octopusServer(target.name()),
                        launcher().toString())
                .userName(actions.username())
                .password(actions.password())
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
