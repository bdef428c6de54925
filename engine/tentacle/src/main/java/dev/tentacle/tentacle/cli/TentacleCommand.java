package dev.tentacle.tentacle.cli;

import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code tentacle} command: holds the subcommands and the context they share. */
@Command(name = "tentacle",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        sortOptions = false,
        description = "Sets up, configures and runs Tentacle instances: the agent an Octopus Server deploys through.",
        subcommands = {
            CreateInstanceCommand.class,
            DeleteInstanceCommand.class,
            ListInstancesCommand.class,
            NewCertificateCommand.class,
            ImportCertificateCommand.class,
            ShowThumbprintCommand.class,
            ShowConfigurationCommand.class,
            ConfigureCommand.class,
            UpdateTrustCommand.class,
            PollServerCommand.class,
            RegisterWithCommand.class,
            DeregisterFromCommand.class,
            ProxyCommand.class,
            PollingProxyCommand.class,
            ServiceCommand.class,
            RunCommand.class,
            CheckCommand.class,
            VersionCommand.class,
            HelpCommand.class
        },
        footer = {"", "Every instance command takes --instance NAME (default: Tentacle) or --config FILE.",
            "Run 'tentacle help COMMAND' for a command's options; docs/cli.md describes them all."})
final class TentacleCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    TentacleCommand(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    CliContext context() {
        return context;
    }

    /** Without a command: the list of commands, as {@code tentacle help} prints it. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
