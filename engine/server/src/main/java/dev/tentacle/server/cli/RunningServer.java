package dev.tentacle.server.cli;

import dev.tentacle.server.admin.NodeRecords;
import dev.tentacle.server.node.ServerNode;
import dev.tentacle.server.storage.Storage;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server {@code octopus-server run} started: a server node and the storage it owns. Closing it stops the node,
 * then closes the storage; {@code run} returns once that is done.
 */
public final class RunningServer implements AutoCloseable {
    private final String instanceName;
    private final ServerNode node;
    private final Storage storage;
    private final PrintWriter out;
    private final Consumer<String> notices;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    RunningServer(String instanceName, ServerNode node, Storage storage, PrintWriter out, Consumer<String> notices) {
        this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
        this.node = Objects.requireNonNull(node, "node");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.out = Objects.requireNonNull(out, "out");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** The instance this server runs. */
    public String instanceName() {
        return instanceName;
    }

    /** The running node: its ports, API and thumbprints. */
    public ServerNode node() {
        return node;
    }

    /** Blocks until the server has stopped. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops the node (its running work is failed and recorded), forgets it among the database's nodes when nothing of
     * it is left running, closes the storage, and says so on standard output. A second call waits for the first to
     * finish. Called from the JVM's shutdown hook on Ctrl+C and SIGTERM, so it prints the last line itself: the
     * {@code run} command's thread may not get to run again before the JVM ends.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            NodeRecords.stopAndForget(node, storage, notices);
        } finally {
            try {
                storage.close();
                out.println("Octopus Server " + instanceName + " stopped.");
                out.flush();
            } finally {
                stopped.countDown();
            }
        }
    }
}
