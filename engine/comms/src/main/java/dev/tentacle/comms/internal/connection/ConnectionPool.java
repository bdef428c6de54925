package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.internal.preamble.Preamble;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Reusable connections to listening endpoints. Calls share a connection (they are multiplexed) until it carries
 * {@link #MAX_CALLS_PER_CONNECTION} calls; then another is opened. A connection that has been idle for longer
 * than {@code pooledConnectionMaxIdle} is probed with a heartbeat before reuse, so a connection that died
 * silently (a NAT or firewall dropped it) is discarded instead of failing the call.
 */
public final class ConnectionPool implements AutoCloseable {
    static final int MAX_CALLS_PER_CONNECTION = 32;
    private static final long LONGEST_PROBE_MILLIS = 5_000;

    private final RuntimeContext context;
    private final Connector connector;
    private final Map<ServiceEndpoint, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private static final class Entry {
        final List<Connection> connections = new CopyOnWriteArrayList<>();
        CompletableFuture<Connection> connecting;
    }

    public ConnectionPool(RuntimeContext context) {
        this.context = context;
        this.connector = new Connector(context);
    }

    /** A live connection to the endpoint: an existing one with spare capacity, or a new one. */
    public CompletableFuture<Connection> acquire(ServiceEndpoint endpoint) {
        if (closed) {
            return CompletableFuture.failedFuture(new CommsException(ErrorCode.SHUTTING_DOWN, "The comms runtime is shutting down."));
        }
        Entry entry = entries.computeIfAbsent(endpoint, e -> new Entry());
        Optional<Connection> reusable = pickReusable(entry);
        if (reusable.isPresent()) {
            return CompletableFuture.completedFuture(reusable.get());
        }
        synchronized (entry) {
            if (entry.connecting == null || entry.connecting.isDone()) {
                entry.connecting = connector.connect(endpoint, Preamble.Identity.client());
                entry.connecting.thenAccept(connection -> {
                    entry.connections.add(connection);
                    connection.onClose(reason -> entry.connections.remove(connection));
                });
            }
            return entry.connecting;
        }
    }

    private Optional<Connection> pickReusable(Entry entry) {
        long maxIdle = context.options().pooledConnectionMaxIdle().toNanos();
        while (true) {
            Optional<Connection> candidate = entry.connections.stream()
                    .filter(Connection::isOpen)
                    .filter(c -> c.inFlight() < MAX_CALLS_PER_CONNECTION)
                    .min(Comparator.comparingInt(Connection::inFlight));
            if (candidate.isEmpty()) {
                entry.connections.removeIf(c -> !c.isOpen());
                return Optional.empty();
            }
            Connection connection = candidate.get();
            if (connection.inFlight() > 0 || connection.idleNanos() < maxIdle || isAlive(connection, probeTimeoutMillis())) {
                return candidate;
            }
            entry.connections.remove(connection);
            connection.close(new CommsException(ErrorCode.CONNECTION_LOST, "A pooled connection did not answer a heartbeat and was discarded."));
        }
    }

    /** A probe waits at most one heartbeat interval, and never more than 5 s. */
    private long probeTimeoutMillis() {
        return Math.min(LONGEST_PROBE_MILLIS, context.options().heartbeatInterval().toMillis());
    }

    private static boolean isAlive(Connection connection, long timeoutMillis) {
        try {
            connection.ping(timeoutMillis, TimeUnit.MILLISECONDS).join();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Number of open connections to the endpoint; for tests and diagnostics. */
    public int openConnections(ServiceEndpoint endpoint) {
        Entry entry = entries.get(endpoint);
        return entry == null ? 0 : (int) entry.connections.stream().filter(Connection::isOpen).count();
    }

    @Override
    public void close() {
        closed = true;
        entries.values().forEach(entry -> entry.connections.forEach(c -> c.close(
                new CommsException(ErrorCode.SHUTTING_DOWN, "The comms runtime is shutting down."))));
        entries.clear();
    }
}
