package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.tentacle.instance.InstanceSetup;
import dev.tentacle.tentacle.instance.InstanceSetup.Created;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code create-instance}: registers an instance and writes its configuration with the defaults. */
@Command(name = "create-instance",
        header = "Registers an instance and writes its default configuration.",
        sortOptions = false,
        description = {"Registers a Tentacle instance and writes its configuration file with the defaults: listening on"
                + " port 10933, trusting no server, no certificate yet (create one next with new-certificate).",
            "Running it again for an instance that already exists with the same file changes nothing."})
final class CreateInstanceCommand extends BaseCommand {
    @Option(names = "--instance", paramLabel = "NAME", description = "Name of the new instance (default: Tentacle).")
    String instance;

    @Option(names = "--home", paramLabel = "DIR", description = "Its home directory, for its certificate and work"
            + " (default: the directory of --config, else a directory in the registry).")
    Path home;

    @Option(names = "--config", paramLabel = "FILE", description = "Its configuration file (default:"
            + " Tentacle.config.json in the home directory). An existing file is registered as it is.")
    Path config;

    @Mixin
    FormatOption format;

    record Result(String instance, String configFile, String homeDirectory, String outcome) {
    }

    @Override
    public Integer call() {
        String name = instance == null ? ApplicationKind.TENTACLE.defaultInstanceName() : instance;
        Created created = new InstanceSetup(context().registry()).create(name, home, config);
        String instanceName = created.instance().name();
        String file = created.instance().configFile().toString();
        String homeDirectory = created.homeDirectory().map(Path::toString).orElse(null);
        printer(format).print(new Result(instanceName, file, homeDirectory, created.outcome().name()), out -> {
            switch (created.outcome()) {
                case CREATED -> {
                    out.println("Created the Tentacle instance '" + instanceName + "'.");
                    out.println("  Configuration file: " + file);
                    out.println("  Home directory:     " + homeDirectory);
                    out.println("Next, create its certificate: tentacle new-certificate --instance "
                            + shellQuoted(instanceName));
                }
                case REGISTERED_EXISTING_FILE -> out.println("Registered the Tentacle instance '" + instanceName
                        + "' with the existing configuration file " + file + ", which was left unchanged.");
                case ALREADY_REGISTERED -> out.println("The Tentacle instance '" + instanceName + "' already exists"
                        + " with the configuration file " + file + "; nothing changed.");
            }
        });
        return 0;
    }
}
