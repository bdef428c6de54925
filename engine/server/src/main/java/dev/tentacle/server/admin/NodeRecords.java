package dev.tentacle.server.admin;

import dev.tentacle.server.node.NodeSettings;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageException;
import dev.tentacle.server.storage.nodes.ServerNodeRecord;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;

/** The server nodes recorded in the database, as the command line and the Server Manager see them: which is alive, and stopping one. */
public final class NodeRecords {
    /**
     * A node whose heartbeat is younger than three of its intervals is taken as running; the nodes themselves wait
     * longer before they take another node as stopped ({@link NodeSettings#silentNodeTimeout()}).
     */
    public static final Duration LIVE_WITHIN = NodeSettings.defaults(NodeNames.FALLBACK, new InetSocketAddress(0))
            .heartbeatInterval().multipliedBy(3);

    private NodeRecords() {
    }

    /** The most recently seen node that is alive by its heartbeat, other than {@code except}; empty when none is. */
    public static Optional<ServerNodeRecord> live(Storage storage, Clock clock, String except) {
        Instant since = clock.instant().minus(LIVE_WITHIN);
        return storage.nodes().list().stream()
                .filter(node -> !node.name().equals(except))
                .filter(node -> node.lastSeen().isAfter(since))
                .max(Comparator.comparing(ServerNodeRecord::lastSeen));
    }

    /**
     * Stops the node, then removes its record from the database when none of its work is left running, so that
     * commands stop counting on it at once. A node that stopped with work still running keeps its record: the other
     * nodes fail that work when its heartbeat is old enough, and it fails it itself when it starts again.
     *
     * <p>On the embedded H2 database, when the JVM is stopping (SIGTERM, Ctrl+C), H2's own shutdown hook closes the
     * database while this runs (H2 cannot share a database with AUTO_SERVER and leave closing it to the server), so
     * the record and the outcome of work still running usually cannot be written; the next start records that work as
     * failed, and commands stop counting on the node when its heartbeat is old.
     */
    public static void stopAndForget(ServerNode node, Storage storage, Consumer<String> notices) {
        node.close();
        if (node.runningTargets() > 0) {
            return;
        }
        try {
            storage.nodes().remove(node.name());
        } catch (StorageException e) {
            notices.accept("Note: server node " + node.name() + " could not remove itself from the database's list of"
                    + " nodes (" + e.getMessage() + "); commands stop counting on it when its last heartbeat is "
                    + LIVE_WITHIN.toSeconds() + " s old.");
        }
    }
}
