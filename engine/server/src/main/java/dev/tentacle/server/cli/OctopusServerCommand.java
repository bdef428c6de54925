package dev.tentacle.server.cli;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code octopus-server} command: holds the subcommands and the environment they share. */
@Command(name = "octopus-server",
        mixinStandardHelpOptions = true,
        versionProvider = ServerVersion.class,
        sortOptions = false,
        description = "Sets up, configures and runs Octopus Server instances, registers the Tentacles they manage, and"
                + " checks their health and runs scripts on them.",
        subcommands = {
            CreateInstanceCommand.class,
            DeleteInstanceCommand.class,
            ListInstancesCommand.class,
            NewCertificateCommand.class,
            ShowThumbprintCommand.class,
            ConfigureCommand.class,
            CreateApiKeyCommand.class,
            MachineCommand.class,
            MachinePolicyCommand.class,
            HealthCheckCommand.class,
            RunScriptCommand.class,
            RunCommand.class,
            ServiceCommand.class,
            VersionCommand.class,
            HelpCommand.class
        },
        footer = {"", "Every instance command takes --instance NAME (default: OctopusServer) or --config FILE.",
            "Run 'octopus-server help COMMAND' for a command's options; docs/cli.md describes them all."})
final class OctopusServerCommand implements Runnable {
    private final ServerCliContext context;

    @Spec
    CommandSpec spec;

    OctopusServerCommand(ServerCliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    ServerCliContext context() {
        return context;
    }

    /** Where instances are registered: under OCTOPUS_INSTANCES_DIR when set. */
    InstanceLocations locations() {
        return InstanceLocations.resolve(context.environment());
    }

    /** The Octopus Server instance registry: under OCTOPUS_INSTANCES_DIR when set. */
    InstanceRegistry registry() {
        return new InstanceRegistry(locations(), ApplicationKind.SERVER);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
