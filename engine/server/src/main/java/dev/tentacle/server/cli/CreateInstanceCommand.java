package dev.tentacle.server.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.ServerInstanceSetup;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code create-instance}: registers a server instance and writes its default configuration. */
@Command(name = "create-instance", mixinStandardHelpOptions = true,
        header = "Registers an instance and writes its default configuration.",
        sortOptions = false,
        description = {"Registers an Octopus Server instance and writes its configuration file with the defaults: web"
                + " interface on https://localhost:8443/, comms on port 10943, the embedded database in HOME/Database,"
                + " no certificate yet (create one next with new-certificate).",
            "An existing configuration file is registered as it is."})
final class CreateInstanceCommand extends ServerCommand {
    @Option(names = "--instance", paramLabel = "NAME", description = "Name of the new instance (default: OctopusServer).")
    String instance;

    @Option(names = "--home", paramLabel = "DIR", description = "Its home directory, for its certificate and database"
            + " (default: the directory of --config, else a directory in the registry).")
    Path home;

    @Option(names = "--config", paramLabel = "FILE", description = "Its configuration file (default:"
            + " OctopusServer.config.json in the home directory).")
    Path config;

    @Mixin
    FormatOption format;

    record Result(String instance, String configFile, String homeDirectory, boolean createdConfigFile) {
    }

    @Override
    public Integer call() {
        ServerInstanceSetup.Created created = new ServerInstanceSetup(registry()).create(instance, home, config);
        ServerInstance target = created.instance();
        var result = new Result(target.name(), target.configFile().toString(), created.homeDirectory().toString(),
                created.createdConfigFile());
        if (created.alreadyExisted()) {
            printer(format).print(result, out -> out.println("The Octopus Server instance '" + target.name()
                    + "' already exists with the configuration file " + target.configFile() + "; nothing changed."));
            return 0;
        }
        printer(format).print(result, out -> {
            out.println((result.createdConfigFile() ? "Created" : "Registered") + " the Octopus Server instance '"
                    + target.name() + "'" + (result.createdConfigFile() ? "." : " with its existing configuration file."));
            out.println("  Configuration file: " + result.configFile());
            out.println("  Home directory:     " + result.homeDirectory());
            out.println("Next, create its certificate: octopus-server new-certificate --instance "
                    + shellQuoted(target.name()));
        });
        return 0;
    }
}
