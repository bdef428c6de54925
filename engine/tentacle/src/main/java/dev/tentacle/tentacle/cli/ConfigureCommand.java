package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.TrueOrFalse;
import dev.tentacle.instances.cli.PortNumbers;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code configure}: changes the instance's home, listening settings and trusted servers. */
@Command(name = "configure",
        header = "Changes the home, listening and trusted-server settings.",
        sortOptions = false,
        description = {"Changes the instance's settings. Only the options given change; the others keep their values.",
            "Trust changes apply in this order: --reset-trust, --remove-trust, --trust."})
final class ConfigureCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Option(names = "--home", paramLabel = "DIR", description = "The home directory: certificate, logs, work.")
    Path home;

    @Option(names = "--app", paramLabel = "DIR", description = "Where deployed applications go.")
    Path app;

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on (default 10933).")
    Integer port;

    @Option(names = "--listenIpAddress", paramLabel = "ADDRESS",
            description = "Listen on this local address only; '*' or '' for all addresses.")
    String listenIpAddress;

    @Option(names = "--noListen", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "true: do not listen at all (a polling-only Tentacle); false: listen again.")
    String noListenText;

    @Option(names = "--trust", paramLabel = "THUMBPRINT",
            description = "Trust the Octopus Server with this thumbprint, which connects to this listening Tentacle."
                    + " Repeatable.")
    List<String> trust = new ArrayList<>();

    @Option(names = "--remove-trust", paramLabel = "THUMBPRINT",
            description = "Stop trusting the server with this thumbprint (listening or polling). Repeatable.")
    List<String> removeTrust = new ArrayList<>();

    @Option(names = "--reset-trust", description = "Stop trusting every server.")
    boolean resetTrust;

    @Option(names = "--pollingConnectionCount", paramLabel = "COUNT",
            description = "Connections kept to each polling server, 1 to 100 (default 5).")
    Integer pollingConnectionCount;

    @Mixin
    FormatOption format;

    record Result(String instance, String configFile, List<String> changes) {
    }

    @Override
    public Integer call() {
        Boolean noListen = TrueOrFalse.parse("--noListen", noListenText);
        if (home == null && app == null && port == null && listenIpAddress == null && noListen == null && trust.isEmpty()
                && removeTrust.isEmpty() && !resetTrust && pollingConnectionCount == null) {
            throw new IllegalArgumentException("Nothing to change: give at least one option, such as --trust"
                    + " THUMBPRINT or --port 10933. Run 'tentacle help configure' for the list.");
        }
        if (port != null) {
            PortNumbers.require("--port", port);
        }
        if (pollingConnectionCount != null && (pollingConnectionCount < 1
                || pollingConnectionCount > TentacleConfiguration.MAX_POLLING_CONNECTION_COUNT)) {
            throw new IllegalArgumentException("--pollingConnectionCount must be between 1 and "
                    + TentacleConfiguration.MAX_POLLING_CONNECTION_COUNT + ", was " + pollingConnectionCount + ".");
        }
        List<Thumbprint> toTrust = Thumbprints.parseAll("--trust", trust);
        List<Thumbprint> toRemove = Thumbprints.parseAll("--remove-trust", removeTrust);

        TentacleInstance target = instance.resolve(context());
        List<String> changes = new ArrayList<>();
        target.update(current -> {
            changes.clear();
            return apply(current, noListen, toTrust, toRemove, changes);
        });
        printer(format).print(new Result(target.name(), target.configFile().toString(), changes), out -> {
            changes.forEach(out::println);
            out.println("Saved " + target.configFile() + ".");
        });
        return 0;
    }

    private TentacleConfiguration apply(TentacleConfiguration c, Boolean noListen, List<Thumbprint> toTrust,
            List<Thumbprint> toRemove, List<String> changes) {
        if (home != null) {
            Path dir = home.toAbsolutePath().normalize();
            c = c.withHomeDirectory(dir);
            changes.add("Home directory: " + dir);
        }
        if (app != null) {
            Path dir = app.toAbsolutePath().normalize();
            c = c.withApplicationDirectory(dir);
            changes.add("Application directory: " + dir);
        }
        if (port != null) {
            c = c.withListenPort(port);
            changes.add("Listening port: " + port);
        }
        if (listenIpAddress != null) {
            String address = listenIpAddress.isBlank() || listenIpAddress.strip().equals("*") ? null : listenIpAddress;
            c = c.withListenAddress(address);
            changes.add("Listening address: " + (address == null ? "all addresses" : address));
        }
        if (noListen != null) {
            c = c.withNoListen(noListen);
            changes.add(noListen ? "Does not listen (polling only)" : "Listens on port " + c.listenPort());
        }
        if (resetTrust) {
            c = c.withTrustReset();
            changes.add("Trusts no server any more");
        }
        for (Thumbprint thumbprint : toRemove) {
            changes.add(c.trusts(thumbprint) ? "No longer trusts " + thumbprint
                    : thumbprint + " was not trusted; nothing to remove");
            c = c.withoutTrust(thumbprint);
        }
        for (Thumbprint thumbprint : toTrust) {
            TrustedServer server = TrustedServer.listening(thumbprint);
            boolean already = c.trustedServers().stream().anyMatch(server::sameEntryAs);
            c = c.withTrustedServer(server);
            changes.add(already ? "Already trusts " + thumbprint + " (listening)" : "Trusts " + thumbprint + " (listening)");
        }
        if (pollingConnectionCount != null) {
            c = c.withPollingConnectionCount(pollingConnectionCount);
            changes.add("Polling connections per server: " + pollingConnectionCount);
        }
        return c;
    }
}
