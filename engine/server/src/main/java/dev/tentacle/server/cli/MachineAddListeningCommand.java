package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ListeningTentacleRegistration;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code machine add-listening}: registers a listening Tentacle by address and thumbprint. */
@Command(name = "add-listening", mixinStandardHelpOptions = true,
        header = "Registers a listening Tentacle.",
        sortOptions = false,
        description = "Registers a listening Tentacle: the server will connect to it at the URL and accept it only"
                + " if its certificate has the thumbprint. The Tentacle must trust this server's thumbprint too"
                + " (octopus-server show-thumbprint).")
final class MachineAddListeningCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "A unique name for the machine.")
    String name;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "Where it listens: https://HOST:10933")
    String url;

    @Option(names = "--thumbprint", required = true, paramLabel = "THUMBPRINT",
            description = "Its certificate's thumbprint, as 'tentacle show-thumbprint' prints it.")
    String thumbprint;

    @Mixin
    MachineTagOptions tags;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        Thumbprint pinned = MachineRegistration.thumbprint(thumbprint);
        NewMachine machine = new NewMachine(name, CommunicationStyle.LISTENING, parseUrl(), pinned, tags.environments,
                tags.roles, tags.tenants, tags.policy);
        ServerInstance target = instance.resolve(registry());
        Machine added = ListeningTentacleRegistration.add(target, machine);
        printer(format).print(MachineView.of(added), out -> out.println("Registered the listening Tentacle '"
                + added.name() + "' (" + added.id() + ") at " + added.uri() + " with thumbprint "
                + added.thumbprint().hex() + "."));
        return 0;
    }

    private URI parseUrl() {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid value for --url: '" + url + "' is not a URL; give"
                    + " https://HOST:10933", e);
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("Invalid value for --url: '" + url + "' is not an https://HOST:PORT URL;"
                    + " a listening Tentacle is reached at https://HOST:10933");
        }
        return uri;
    }
}
