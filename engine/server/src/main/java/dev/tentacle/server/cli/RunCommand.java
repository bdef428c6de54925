package dev.tentacle.server.cli;

import dev.tentacle.server.admin.DatabaseWaitNotices;
import dev.tentacle.server.admin.NodeNames;
import dev.tentacle.server.admin.NodeStarter;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.api.ApiServerSettings;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.config.WebListenAddress;
import dev.tentacle.server.node.NodeSettings;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageRetry;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: runs the server in the foreground until it is stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Runs the server in the foreground until it is stopped.",
        sortOptions = false,
        description = {"Runs the Octopus Server instance in the foreground: serves the API at the web listen address,"
                + " listens for polling Tentacles on the comms port, runs queued health checks and scripts, and checks"
                + " the machines' health on schedule, until stopped with Ctrl+C (or SIGTERM). The OS service runs this"
                + " command.",
            "It waits for the database while it is down (--wait-for-storage), so a server that boots before its"
                + " database simply waits for it."})
final class RunCommand extends ServerCommand {
    static final long DEFAULT_STORAGE_WAIT_SECONDS = 300;

    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--node-name", paramLabel = "NAME",
            description = "This node's name among the nodes sharing the database (default: the host name).")
    String nodeName;

    @Option(names = "--wait-for-storage", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_STORAGE_WAIT_SECONDS,
            description = "How long to wait for the database at start before giving up (default: ${DEFAULT-VALUE};"
                    + " 0 tries once).")
    long waitForStorage;

    @Override
    public Integer call() {
        if (waitForStorage < 0 || waitForStorage > StorageRetry.LONGEST_BUDGET.toSeconds()) {
            throw new IllegalArgumentException("--wait-for-storage must be between 0 and "
                    + StorageRetry.LONGEST_BUDGET.toSeconds() + " seconds, was " + waitForStorage + ".");
        }
        String node = nodeName();
        ServerInstance target = instance.resolve(registry());
        ServerConfiguration configuration = target.configuration();
        CertificateIdentity identity = target.certificates().load(configuration);
        Storage storage = Storage.openWhenAvailable(configuration.storage(),
                StorageRetry.builder(Duration.ofSeconds(waitForStorage)).listener(new DatabaseWaitNotices(notices())).build());
        RunningServer running;
        try {
            NodeSettings settings = NodeSettings.defaults(node, new InetSocketAddress(configuration.commsListenPort()));
            ServerNode started = NodeStarter.start(target, storage, identity, settings, context().commsOptions(),
                    Optional.of(apiSettings(identity, configuration)));
            running = new RunningServer(target.name(), started, storage, out(), notices());
        } catch (RuntimeException | Error e) {
            storage.close();
            throw e;
        }
        announce(target, configuration, running.node(), storage);
        try {
            context().lifecycle().started(running);
            running.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.close();
        }
        return 0;
    }

    private String nodeName() {
        if (nodeName == null) {
            return NodeNames.forThisHost();
        }
        try {
            return NodeSettings.defaults(nodeName, new InetSocketAddress(0)).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for --node-name: " + e.getMessage() + ".", e);
        }
    }

    /** The API where the configuration says: all addresses for "+" or "*", else the address or host name given. */
    private static ApiServerSettings apiSettings(CertificateIdentity identity, ServerConfiguration configuration) {
        WebListenAddress web = configuration.webListen();
        return new ApiServerSettings(identity, web.bindAddress() == null ? "0.0.0.0" : web.bindAddress(), web.port(),
                configuration.commsListenPort());
    }

    private void announce(ServerInstance target, ServerConfiguration configuration, ServerNode node, Storage storage) {
        PrintWriter err = err();
        if (storage.apiKeys().list().isEmpty()) {
            err.println("Warning: there is no API key yet, so nothing can call the API but GET /api. Create one with:"
                    + " octopus-server create-api-key --instance " + shellQuoted(target.name()) + " --name NAME");
        }
        err.flush();
        CertificateThumbprints thumbprints = node.thumbprints();
        out().println("Octopus Server " + target.name() + " is running as node " + node.name() + ": API at "
                + apiUrl(configuration.webListen(), node) + ", polling Tentacles connect on port " + node.commsPort()
                + ", thumbprint " + describe(thumbprints) + ". Press Ctrl+C to stop.");
        out().flush();
    }

    /** Where a client on this machine reaches the API: localhost when it listens everywhere. */
    private static String apiUrl(WebListenAddress web, ServerNode node) {
        int port = node.api().orElseThrow().port();
        String host = web.bindAddress() == null ? "localhost"
                : web.bindAddress().contains(":") ? "[" + web.bindAddress() + "]" : web.bindAddress();
        return "https://" + host + ":" + port + "/api";
    }
}
