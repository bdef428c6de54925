package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.tentacle.instance.InstanceRemoval;
import dev.tentacle.tentacle.instance.InstanceRemoval.Removed;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code delete-instance}: removes an instance from the registry, keeping its files. */
@Command(name = "delete-instance",
        header = "Removes an instance from the registry, keeping its files.",
        sortOptions = false,
        description = {"Removes a Tentacle instance from the registry. Its configuration file, home directory and"
                + " certificate are kept; delete them by hand when they are no longer needed.",
            "Refuses while the instance's service is running: stop and uninstall it first."})
final class DeleteInstanceCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Mixin
    FormatOption format;

    record Result(String instance, String configFile, String homeDirectory, String serviceState) {
    }

    @Override
    public Integer call() {
        InstanceRegistry registry = context().registry();
        InstanceRecord record = instance.resolveRegistered(registry);
        Removed removed = new InstanceRemoval(registry, context().serviceManager().get()).delete(record);
        String home = removed.homeDirectory().map(Path::toString).orElse(null);
        printer(format).print(new Result(record.name(), record.configFile().toString(), home,
                removed.serviceStatus().state().name()), out -> {
                    out.println("Deleted the Tentacle instance '" + record.name() + "' from the registry.");
                    out.println("Its configuration file " + record.configFile()
                            + (home == null ? "" : " and home directory " + home) + " were kept.");
                    removed.notes().forEach(out::println);
                });
        return 0;
    }
}
