package dev.tentacle.server.cli;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.registry.HostEnvironment;
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
        description = "Sets up and configures Octopus Server instances, and registers the Tentacles they manage.",
        subcommands = {
            CreateInstanceCommand.class,
            DeleteInstanceCommand.class,
            ListInstancesCommand.class,
            NewCertificateCommand.class,
            ShowThumbprintCommand.class,
            ConfigureCommand.class,
            CreateApiKeyCommand.class,
            MachineCommand.class,
            VersionCommand.class,
            HelpCommand.class
        },
        footer = {"", "Every instance command takes --instance NAME (default: OctopusServer) or --config FILE.",
            "Run 'octopus-server help COMMAND' for a command's options; docs/cli.md describes them all."})
final class OctopusServerCommand implements Runnable {
    private final HostEnvironment environment;

    @Spec
    CommandSpec spec;

    OctopusServerCommand(HostEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The Octopus Server instance registry: under OCTOPUS_INSTANCES_DIR when set. */
    InstanceRegistry registry() {
        return new InstanceRegistry(InstanceLocations.resolve(environment), ApplicationKind.SERVER);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
