package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.MachineFilter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code machine list}: the registered machines. */
@Command(name = "list", mixinStandardHelpOptions = true,
        header = "Lists the registered machines.",
        description = "Lists the machines registered with this server, with their addresses and thumbprints.")
final class MachineListCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Mixin
    FormatOption format;

    record Result(List<MachineView> machines) {
    }

    @Override
    public Integer call() {
        ServerInstance target = instance.resolve(registry());
        List<MachineView> machines;
        try (Storage storage = target.openStorage()) {
            machines = storage.machines().list(MachineFilter.all()).stream().map(MachineView::of).toList();
        }
        printer(format).print(new Result(machines), out -> {
            if (machines.isEmpty()) {
                out.println("No machines are registered. Add a listening Tentacle with: octopus-server machine"
                        + " add-listening --name NAME --url https://HOST:10933 --thumbprint THUMBPRINT, or a polling"
                        + " one with: octopus-server machine add-polling --name NAME --subscription-id ID --thumbprint"
                        + " THUMBPRINT");
                return;
            }
            machines.forEach(m -> out.println(m.name() + "  " + m.communicationStyle() + "  " + m.uri() + "  "
                    + m.thumbprint() + (m.environments().isEmpty() ? "" : "  environments: " + m.environments())
                    + (m.roles().isEmpty() ? "" : "  roles: " + m.roles())
                    + (m.tenants().isEmpty() ? "" : "  tenants: " + m.tenants())));
        });
        return 0;
    }
}
