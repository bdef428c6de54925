package dev.tentacle.servermanager.server;

import dev.tentacle.instances.service.CommandLineSyntax;
import dev.tentacle.server.admin.NodeRecords;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.nodes.ServerNodeRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds out whether the comms port listens, and whether by this server: a TCP connection to the port on the loopback
 * address (closed at once, before any TLS), and the server's nodes recorded in its storage, one of which is taken as
 * holding the port when its heartbeat is recent ({@link NodeRecords#LIVE_WITHIN}) and it reports the same port.
 */
final class CommsPortCheck {
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    private final Clock clock;

    CommsPortCheck(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param instance the instance's name, for the advice in the texts
     * @param storage opens (or gives the open) storage of the instance; may throw when the database is unavailable
     */
    CommsPortStatus check(String instance, int port, Supplier<Storage> storage) {
        boolean accepts = accepts(port);
        Optional<ServerNodeRecord> node;
        String storageProblem = null;
        try {
            node = liveNodeOn(storage.get(), port);
        } catch (RuntimeException e) {
            node = Optional.empty();
            storageProblem = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        String quoted = CommandLineSyntax.POSIX.quote(instance);
        if (accepts && node.isPresent()) {
            return new CommsPortStatus(port, CommsPortStatus.State.LISTENING, "Listening on port " + port
                    + ", by this server", "Server node '" + node.get().name() + "' reported " + age(node.get()) + ".");
        }
        if (accepts) {
            String detail = storageProblem != null
                    ? "Could not ask the database whether this server holds the port: " + storageProblem
                    : "No node of this server has reported in the last " + NodeRecords.LIVE_WITHIN.toSeconds()
                            + " s. The server may be starting; otherwise another program holds the port (find it with:"
                            + " ss -ltnp 'sport = :" + port + "'), and polling Tentacles would reach that program.";
            return new CommsPortStatus(port, CommsPortStatus.State.LISTENING_UNCONFIRMED, "Port " + port
                    + " accepts connections, but not known to be this server's", detail);
        }
        if (node.isPresent()) {
            return new CommsPortStatus(port, CommsPortStatus.State.NOT_LISTENING, "Not listening on port " + port,
                    "Server node '" + node.get().name() + "' reported " + age(node.get()) + ", but the port does not"
                            + " accept connections on the loopback address: the node may be stopping, or listening on"
                            + " another address only.");
        }
        return new CommsPortStatus(port, CommsPortStatus.State.NOT_LISTENING, "Not listening on port " + port,
                storageProblem != null ? "The server is not running, or cannot reach its database: " + storageProblem
                        : "The server is not running, so polling Tentacles cannot connect. Start the service, or run"
                                + " it in the foreground with: octopus-server run --instance " + quoted);
    }

    private Optional<ServerNodeRecord> liveNodeOn(Storage storage, int port) {
        Instant since = clock.instant().minus(NodeRecords.LIVE_WITHIN);
        List<ServerNodeRecord> nodes = storage.nodes().list();
        return nodes.stream()
                .filter(node -> node.commsPort() != null && node.commsPort() == port)
                .filter(node -> node.lastSeen().isAfter(since))
                .max(Comparator.comparing(ServerNodeRecord::lastSeen));
    }

    private String age(ServerNodeRecord node) {
        long seconds = Math.max(0, Duration.between(node.lastSeen(), clock.instant()).toSeconds());
        return seconds < 1 ? "just now" : seconds + " s ago";
    }

    /** True when a TCP connection to the port on the loopback address (IPv4, then IPv6) succeeds. */
    static boolean accepts(int port) {
        for (InetAddress address : List.of(InetAddress.getLoopbackAddress(), loopback6())) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) CONNECT_TIMEOUT.toMillis());
                return true;
            } catch (IOException e) {
                // Refused or timed out on this address: try the next.
            }
        }
        return false;
    }

    private static InetAddress loopback6() {
        try {
            return InetAddress.getByName("::1");
        } catch (IOException e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
