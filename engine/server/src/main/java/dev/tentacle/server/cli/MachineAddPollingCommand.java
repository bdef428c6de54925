package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code machine add-polling}: registers a polling Tentacle by subscription id and thumbprint. */
@Command(name = "add-polling", mixinStandardHelpOptions = true,
        header = "Registers a polling Tentacle.",
        sortOptions = false,
        description = "Registers a polling Tentacle: the Tentacle connects to this server's polling port and asks for"
                + " work addressed to its subscription (poll://ID/); the server accepts it only if its certificate has"
                + " the thumbprint. The Tentacle must trust this server's thumbprint too (tentacle poll-server"
                + " --thumbprint, with the thumbprint octopus-server show-thumbprint prints).")
final class MachineAddPollingCommand extends ServerCommand {
    /** As the API accepts it: letters, digits, '-' and '.', starting with a letter or digit. */
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,199}");

    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "A unique name for the machine.")
    String name;

    @Option(names = "--subscription-id", required = true, paramLabel = "ID",
            description = "The subscription the Tentacle polls with, as 'tentacle poll-server' prints it: ID or"
                    + " poll://ID/.")
    String subscriptionId;

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
        NewMachine machine = new NewMachine(name, CommunicationStyle.POLLING,
                URI.create("poll://" + subscription() + "/"), pinned, tags.environments, tags.roles, tags.tenants,
                tags.policy);
        ServerInstance target = instance.resolve(registry());
        Machine added = MachineRegistration.add(target, machine);
        printer(format).print(MachineView.of(added), out -> out.println("Registered the polling Tentacle '"
                + added.name() + "' (" + added.id() + ") as " + added.uri() + " with thumbprint "
                + added.thumbprint().hex() + ". It can run tasks once it polls this server's port (octopus-server run)."));
        return 0;
    }

    /** The id, from "ID" or "poll://ID/". */
    private String subscription() {
        String text = subscriptionId.strip();
        if (text.toLowerCase(Locale.ROOT).startsWith("poll://")) {
            text = text.substring("poll://".length());
            if (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        if (!SUBSCRIPTION_ID.matcher(text).matches()) {
            throw new IllegalArgumentException("Invalid value for --subscription-id: '" + subscriptionId + "'. A"
                    + " subscription id is letters, digits, '-' and '.' (up to 200), as 'tentacle poll-server' prints it:"
                    + " poll://ID/ or ID.");
        }
        return text;
    }
}
