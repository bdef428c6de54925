package dev.tentacle.server.cli;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.server.admin.ServerInstanceRemoval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code delete-instance}: removes a server instance from the registry, keeping its files. */
@Command(name = "delete-instance", mixinStandardHelpOptions = true,
        header = "Removes an instance from the registry, keeping its files.",
        description = "Removes an Octopus Server instance from the registry. Its configuration file, home directory,"
                + " certificate and database are kept; delete them by hand when they are no longer needed.")
final class DeleteInstanceCommand extends ServerCommand {
    @Option(names = "--instance", paramLabel = "NAME", description = "The instance (default: OctopusServer).")
    String instance;

    @Mixin
    FormatOption format;

    record Result(String instance, String configFile) {
    }

    @Override
    public Integer call() {
        InstanceRecord removed = new ServerInstanceRemoval(registry(), context().serviceManager())
                .delete(instance == null ? ApplicationKind.SERVER.defaultInstanceName() : instance).record();
        printer(format).print(new Result(removed.name(), removed.configFile().toString()), out -> {
            out.println("Deleted the Octopus Server instance '" + removed.name() + "' from the registry.");
            out.println("Its configuration file " + removed.configFile() + " and its home directory were kept.");
        });
        return 0;
    }
}
