package dev.tentacle.server.cli;

import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.server.config.ServerConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
        String name = instance == null ? ApplicationKind.SERVER.defaultInstanceName() : instance;
        InstanceRegistry registry = registry();
        Path homeDirectory = home != null ? home.toAbsolutePath().normalize()
                : config != null ? config.toAbsolutePath().normalize().getParent()
                : registry.defaultHomeDirectory(name);
        Path file = config != null ? config : ApplicationKind.SERVER.configFileIn(homeDirectory);
        Path absoluteFile = file.toAbsolutePath().normalize();
        Optional<InstanceRecord> registered = registry.find(name).filter(r -> r.configFile().equals(absoluteFile));
        if (registered.isPresent()) {
            InstanceRecord record = registered.get();
            printer(format).print(new Result(record.name(), absoluteFile.toString(),
                    ServerConfiguration.store().read(absoluteFile).homeDirectory().toString(), false),
                    out -> out.println("The Octopus Server instance '" + record.name() + "' already exists with the"
                            + " configuration file " + absoluteFile + "; nothing changed."));
            return 0;
        }
        Optional<ServerConfiguration> existing = ServerConfiguration.store().readIfExists(file);
        InstanceRecord record = registry.create(name, file);
        if (existing.isEmpty()) {
            try {
                Files.createDirectories(homeDirectory);
                ServerConfiguration.store().write(record.configFile(), ServerConfiguration.defaults(homeDirectory));
            } catch (IOException e) {
                registry.delete(record.name());
                throw new UncheckedIOException("Could not create the home directory " + homeDirectory + ": " + e
                        + ". The instance was not created; choose a writable directory with --home.", e);
            } catch (RuntimeException e) {
                registry.delete(record.name());
                throw e;
            }
        }
        Path actualHome = existing.map(ServerConfiguration::homeDirectory).orElse(homeDirectory);
        var result = new Result(record.name(), record.configFile().toString(), actualHome.toString(), existing.isEmpty());
        printer(format).print(result, out -> {
            out.println((existing.isEmpty() ? "Created" : "Registered") + " the Octopus Server instance '"
                    + record.name() + "'" + (existing.isEmpty() ? "." : " with its existing configuration file."));
            out.println("  Configuration file: " + result.configFile());
            out.println("  Home directory:     " + result.homeDirectory());
            out.println("Next, create its certificate: octopus-server new-certificate --instance "
                    + shellQuoted(record.name()));
        });
        return 0;
    }
}
