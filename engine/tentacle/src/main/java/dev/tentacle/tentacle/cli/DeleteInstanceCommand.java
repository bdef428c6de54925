package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import dev.tentacle.tentacle.instance.InstanceRemoval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        ServiceManager manager = context().serviceManager().get();
        InstanceRemoval removal = new InstanceRemoval(registry, manager);
        InstanceRemoval.Plan plan = removal.plan(record.name());
        removal.unregister(plan);

        ServiceName service = plan.service();
        ServiceStatus status = plan.serviceStatus();
        String home = plan.homeDirectory().map(Path::toString).orElse(null);
        List<String> notes = new ArrayList<>();
        if (status.state() == ServiceStatus.State.STOPPED) {
            notes.add("Its service '" + service.displayName() + "' is still installed (stopped); remove it with:"
                    + " tentacle service --instance " + shellQuoted(record.name()) + " --uninstall");
        } else if (status.state() == ServiceStatus.State.UNKNOWN && plan.servicesSupported()) {
            notes.add("Could not tell whether its service '" + service.displayName() + "' is installed: "
                    + status.detail());
        }
        printer(format).print(new Result(record.name(), record.configFile().toString(), home, status.state().name()),
                out -> {
                    out.println("Deleted the Tentacle instance '" + record.name() + "' from the registry.");
                    out.println("Its configuration file " + record.configFile()
                            + (home == null ? "" : " and home directory " + home) + " were kept.");
                    notes.forEach(out::println);
                });
        return 0;
    }
}
