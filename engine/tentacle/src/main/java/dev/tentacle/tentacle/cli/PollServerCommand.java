package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.tentacle.instance.PollingServerAddress;
import dev.tentacle.tentacle.instance.SubscriptionIds;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code poll-server}: makes the instance poll an Octopus Server. */
@Command(name = "poll-server",
        header = "Makes the instance poll an Octopus Server.",
        sortOptions = false,
        description = {"Makes the instance poll an Octopus Server: it connects out to the server's polling port and"
                + " trusts the server's thumbprint. The server must know this Tentacle's thumbprint and subscription"
                + " id. Listening stays as configured; turn it off with: tentacle configure --noListen true",
            "Running it again for the same server and address keeps the subscription id already configured."})
final class PollServerCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Option(names = "--server-comms-address", required = true, paramLabel = "ADDRESS",
            description = "The server's polling endpoint: a host name, or https://HOST:PORT/.")
    String address;

    @Option(names = "--server-comms-port", paramLabel = "PORT",
            description = "The polling port, when the address has none (default 10943).")
    Integer port;

    @Option(names = "--thumbprint", required = true, paramLabel = "THUMBPRINT",
            description = "The Octopus Server's certificate thumbprint.")
    String thumbprint;

    @Option(names = "--subscription-id", paramLabel = "ID",
            description = "The id to poll as (poll://ID/). Default: the one already configured for this server,"
                    + " else a new random one, printed.")
    String subscriptionId;

    @Mixin
    FormatOption format;

    record Result(String instance, String configFile, String address, String thumbprint, String subscriptionId,
            String pollingUri, boolean subscriptionIdGenerated, boolean listening, int listenPort) {
    }

    @Override
    public Integer call() {
        Thumbprint serverThumbprint = Thumbprints.parse("--thumbprint", thumbprint);
        URI serverAddress = PollingServerAddress.parse(address, port);
        TentacleInstance target = instance.resolve(context());
        var generated = new AtomicReference<Boolean>(false);
        TentacleConfiguration saved = target.update(c -> {
            String id = subscriptionId != null ? subscriptionId : existingSubscription(c, serverThumbprint, serverAddress);
            generated.set(id == null);
            return c.withTrustedServer(TrustedServer.polling(serverThumbprint, serverAddress,
                    id != null ? id : SubscriptionIds.secure().next()));
        });
        TrustedServer server = saved.pollingServers().stream()
                .filter(s -> s.thumbprint().equals(serverThumbprint) && s.address().equals(serverAddress))
                .findFirst().orElseThrow();
        var result = new Result(target.name(), target.configFile().toString(), server.address().toString(),
                serverThumbprint.hex(), server.subscriptionId(), server.pollingUri().toString(), generated.get(),
                !saved.noListen(), saved.listenPort());
        printer(format).print(result, out -> {
            out.println("The Tentacle instance '" + target.name() + "' will poll " + server.address()
                    + " (thumbprint " + serverThumbprint + ") as " + server.pollingUri() + ".");
            out.println((generated.get() ? "Generated the subscription id " : "Subscription id: ") + server.subscriptionId()
                    + ". Register this Tentacle on the Octopus Server with this subscription id and its thumbprint"
                    + " (tentacle show-thumbprint).");
            out.println(saved.noListen() ? "It does not listen for connections (--noListen)."
                    : "It still listens on port " + saved.listenPort() + "; for a polling-only Tentacle run:"
                            + " tentacle configure --noListen true");
        });
        return 0;
    }

    private static String existingSubscription(TentacleConfiguration c, Thumbprint thumbprint, URI address) {
        return c.pollingServers().stream().filter(s -> s.thumbprint().equals(thumbprint) && s.address().equals(address))
                .map(TrustedServer::subscriptionId).findFirst().orElse(null);
    }
}
