package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code list-instances}: the registered instances and their configuration files. */
@Command(name = "list-instances",
        header = "Lists the registered instances.",
        sortOptions = false,
        description = "Lists the Tentacle instances registered on this machine, with their configuration files.")
final class ListInstancesCommand extends BaseCommand {
    @Mixin
    FormatOption format;

    record Instance(String name, String configFile) {
    }

    record Result(String registry, List<Instance> instances) {
    }

    @Override
    public Integer call() {
        var registry = context().registry();
        List<InstanceRecord> records = registry.list();
        InstanceLocations locations = registry.locations();
        var result = new Result(locations.registryDirectory().toString(),
                records.stream().map(r -> new Instance(r.name(), r.configFile().toString())).toList());
        printer(format).print(result, out -> {
            if (records.isEmpty()) {
                out.println("No Tentacle instances are registered in " + locations.describe() + ".");
                out.println("Create one with: tentacle create-instance --instance NAME");
                return;
            }
            int width = records.stream().mapToInt(r -> r.name().length()).max().orElse(0);
            out.println("Tentacle instances registered in " + locations.describe() + ":");
            records.forEach(r -> out.println("  " + padded(r.name(), width) + "  " + r.configFile()));
        });
        return 0;
    }

    private static String padded(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
