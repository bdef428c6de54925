package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerConfigurationChange;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.StorageChoice;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.cli.PortNumbers;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.config.WebListenAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code configure}: changes where the server listens and where it keeps its data. */
@Command(name = "configure", mixinStandardHelpOptions = true,
        header = "Changes the instance's listen addresses and storage.",
        sortOptions = false,
        description = "Changes the given settings of the instance's configuration and leaves the others as they are."
                + " The server uses them the next time it starts.")
final class ConfigureCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--webListenPrefixes", paramLabel = "URL",
            description = "Where the web interface listens, as Octopus Server writes it: https://localhost:8443/"
                    + " (+ or * as the host for all addresses).")
    String webListenPrefixes;

    @Option(names = "--webPort", paramLabel = "PORT", description = "The web interface's port, keeping its address.")
    Integer webPort;

    @Option(names = "--commsListenPort", paramLabel = "PORT",
            description = "The port polling Tentacles connect to (default 10943).")
    Integer commsListenPort;

    @Option(names = "--storageConnectionString", paramLabel = "TEXT",
            description = "h2:DIR, jdbc:h2:URL or jdbc:postgresql://HOST:PORT/DATABASE; 'default' for the embedded"
                    + " database under the home directory.")
    String storageConnectionString;

    @Mixin
    FormatOption format;

    record Result(String instance, String webListenPrefix, int commsListenPort, String storage) {
    }

    @Override
    public Integer call() {
        if (webListenPrefixes != null && webPort != null) {
            throw new IllegalArgumentException("Give either --webListenPrefixes or --webPort, not both.");
        }
        if (webListenPrefixes == null && webPort == null && commsListenPort == null && storageConnectionString == null) {
            throw new IllegalArgumentException("Nothing to change: give --webListenPrefixes, --webPort,"
                    + " --commsListenPort or --storageConnectionString.");
        }
        ServerInstance target = instance.resolve(registry());
        ServerConfigurationChange change = change();
        ServerConfiguration saved = target.update(change::apply);
        var result = new Result(target.name(), saved.webListen().prefix(), saved.commsListenPort(),
                saved.storage().redactedUrl());
        printer(format).print(result, out -> {
            out.println("Updated the Octopus Server instance '" + target.name() + "':");
            out.println("  Web interface:    " + result.webListenPrefix());
            out.println("  Comms port:       " + result.commsListenPort());
            out.println("  Storage:          " + result.storage());
        });
        return 0;
    }

    private ServerConfigurationChange change() {
        ServerConfigurationChange change = ServerConfigurationChange.none();
        if (webListenPrefixes != null) {
            change = change.withWebListen(WebListenAddress.parsePrefix(webListenPrefixes));
        }
        if (webPort != null) {
            change = change.withWebPort(PortNumbers.require("--webPort", webPort));
        }
        if (commsListenPort != null) {
            change = change.withCommsListenPort(PortNumbers.require("--commsListenPort", commsListenPort));
        }
        if (storageConnectionString != null) {
            change = change.withStorage(StorageChoice.parse(storageConnectionString));
        }
        return change;
    }
}
