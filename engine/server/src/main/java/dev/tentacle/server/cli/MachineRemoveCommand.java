package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageChannel;
import dev.tentacle.server.storage.machines.Machine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code machine remove}: unregisters a machine by name. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        header = "Unregisters a machine.",
        description = "Unregisters a machine: the server stops connecting to it. The Tentacle itself is not changed.")
final class MachineRemoveCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The machine's name.")
    String name;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        ServerInstance target = instance.resolve(registry());
        Machine removed;
        try (Storage storage = target.openStorage()) {
            removed = storage.machines().findByName(name).orElseThrow(() -> new IllegalArgumentException(
                    "No machine is named '" + name + "'. See the registered ones with: octopus-server machine list"));
            storage.machines().remove(removed.id());
            storage.notifications().publish(StorageChannel.MACHINES);
        }
        printer(format).done("Removed the machine '" + removed.name() + "' (" + removed.id() + ").");
        return 0;
    }
}
