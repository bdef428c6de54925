package dev.tentacle.server.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.registry.InstanceRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code list-instances}: the registered server instances and their configuration files. */
@Command(name = "list-instances", mixinStandardHelpOptions = true,
        header = "Lists the registered instances.",
        description = "Lists the Octopus Server instances registered on this machine, with their configuration files.")
final class ListInstancesCommand extends ServerCommand {
    @Mixin
    FormatOption format;

    record Instance(String name, String configFile) {
    }

    record Result(String registry, List<Instance> instances) {
    }

    @Override
    public Integer call() {
        var registry = registry();
        List<InstanceRecord> records = registry.list();
        var result = new Result(registry.locations().registryDirectory().toString(),
                records.stream().map(r -> new Instance(r.name(), r.configFile().toString())).toList());
        printer(format).print(result, out -> {
            if (records.isEmpty()) {
                out.println("No Octopus Server instances are registered in " + registry.locations().describe() + ".");
                out.println("Create one with: octopus-server create-instance --instance NAME --home DIR");
                return;
            }
            out.println("Octopus Server instances registered in " + registry.locations().describe() + ":");
            records.forEach(r -> out.println("  " + r.name() + "  " + r.configFile()));
        });
        return 0;
    }
}
