package dev.tentacle.comms.internal.polling;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.internal.connection.Connection;
import dev.tentacle.comms.internal.connection.Connector;
import dev.tentacle.comms.internal.connection.RuntimeContext;
import dev.tentacle.comms.internal.preamble.Preamble;
import dev.tentacle.comms.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tentacle side of polling: keeps {@code pollingConnectionCount} connections open to one server, each serving the
 * calls the server pushes to it. A connection that fails or drops is re-established after an exponential delay
 * with full jitter, so that many Tentacles do not reconnect in lockstep after a server restart.
 */
public final class PollingSubscriber implements AutoCloseable {
    private final RuntimeContext context;
    private final String subscriptionId;
    private final ServiceEndpoint server;
    private final Connector connector;
    private final Backoff backoff;
    private final List<Thread> loops = new ArrayList<>();
    private final List<Connection> live = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public PollingSubscriber(RuntimeContext context, String subscriptionId, ServiceEndpoint server) {
        this.context = context;
        this.subscriptionId = subscriptionId;
        this.server = server;
        this.connector = new Connector(context);
        this.backoff = new Backoff(context.options().pollingReconnectMinimum(), context.options().pollingReconnectMaximum());
    }

    public void start() {
        for (int i = 0; i < context.options().pollingConnectionCount(); i++) {
            loops.add(Thread.ofVirtual().name("polling-" + subscriptionId + "-" + i).start(this::loop));
        }
    }

    /** Connections currently established; for diagnostics and tests. */
    public int liveConnections() {
        return (int) live.stream().filter(Connection::isOpen).count();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            CommsException reason;
            try {
                Connection connection = connector.connect(server, Preamble.Identity.subscriber(subscriptionId)).get();
                failures = 0;
                live.add(connection);
                context.listener().subscriberConnected(subscriptionId, connection.remoteAddress());
                CompletableFuture<CommsException> closed = new CompletableFuture<>();
                connection.onClose(closed::complete);
                reason = closed.get();
                live.remove(connection);
                context.listener().subscriberDisconnected(subscriptionId, connection.remoteAddress());
            } catch (InterruptedException e) {
                return;
            } catch (ExecutionException | RuntimeException e) {
                reason = e.getCause() instanceof CommsException comms ? comms
                        : e instanceof CommsException comms ? comms
                        : new CommsException(ErrorCode.CONNECTION_LOST, "Polling " + server.uri() + " failed: " + e.getMessage(), e);
            }
            if (!running) {
                return;
            }
            // Attempt n ≥ 1 draws from [minimum, minimum·2ⁿ], so even the first reconnect after a server restart is spread out.
            Duration delay = backoff.delay(++failures, ThreadLocalRandom.current());
            context.listener().pollingReconnectScheduled(subscriptionId, reason, delay);
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        loops.forEach(Thread::interrupt);
        live.forEach(c -> c.close(new CommsException(ErrorCode.SHUTTING_DOWN, "Polling stopped.")));
    }
}
