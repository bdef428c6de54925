package dev.tentacle.testing.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP forwarder from its own loopback port to a loopback target, to put a bad network between a comms client and
 * server. Point the client at {@link #port()} instead of the server, then delay, pause, kill or refuse connections
 * while they are live. Every operation is thread-safe and applies to current connections at once.
 *
 * <pre>{@code
 * try (var forwarder = PortForwarder.start(server.port())) {
 *     client.connect(forwarder.port());
 *     forwarder.pause();      // the network black-holes: sockets stay open, nothing moves
 *     forwarder.resume();     // held bytes arrive, in order
 *     forwarder.killAll();    // both ends see a connection reset
 * }
 * }</pre>
 */
public final class PortForwarder implements AutoCloseable {
    private static final Duration TARGET_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final InetSocketAddress target;
    private final LoopbackAcceptor acceptor;
    private final Gate gate = new Gate();
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private volatile boolean rejectingNew;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicLong bytesToTarget = new AtomicLong();
    private final AtomicLong bytesToClient = new AtomicLong();

    private PortForwarder(InetSocketAddress target) throws IOException {
        this.target = target;
        this.acceptor = new LoopbackAcceptor("port-forwarder");
        acceptor.start(this::handle);
    }

    /** Forwards 127.0.0.1:{@link #port()} to 127.0.0.1:{@code targetPort}. */
    public static PortForwarder start(int targetPort) throws IOException {
        return start(Loopback.ADDRESS.getHostAddress(), targetPort);
    }

    /**
     * Forwards to {@code targetHost:targetPort}.
     *
     * @param targetHost {@code localhost} or a loopback IP literal; anything else is refused without a DNS lookup
     */
    public static PortForwarder start(String targetHost, int targetPort) throws IOException {
        return new PortForwarder(Loopback.requireLoopback(targetHost, targetPort));
    }

    public int port() {
        return acceptor.port();
    }

    public InetSocketAddress target() {
        return target;
    }

    /**
     * Holds every chunk, in both directions, for at least {@code delay} after it was read before passing it on.
     * Chunks keep their order. Chunks read before the change keep the delay they were read with.
     */
    public void setDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The delay cannot be negative, was " + delay + ".");
        }
        this.delay.set(delay);
    }

    public Duration delay() {
        return delay.get();
    }

    /**
     * Stops moving bytes, as a black-holed network does: sockets stay open and nothing arrives at either end. New
     * connections are accepted but not connected to the target until {@link #resume()}. A chunk whose write had
     * already begun when pause() was called still arrives.
     */
    public void pause() {
        gate.close();
    }

    /** Moves bytes again, delivering what was held back in order, and connects connections accepted while paused. */
    public void resume() {
        gate.open();
    }

    public boolean isPaused() {
        return !gate.isOpen();
    }

    /** Resets every current connection at both ends (RST, not an orderly close). New connections still work. */
    public void killAll() {
        List.copyOf(connections).forEach(Connection::abort);
    }

    /** While true, new connections are accepted and reset at once; current connections are left alone. */
    public void rejectNew(boolean reject) {
        this.rejectingNew = reject;
    }

    /** Connections accepted for forwarding since start, whether still open or not; rejected ones do not count. */
    public int connectionCount() {
        return accepted.get();
    }

    /** Connections reset by {@link #rejectNew(boolean)} since start. */
    public int rejectedCount() {
        return rejected.get();
    }

    /** Connections open now, including those accepted while paused and not yet connected to the target. */
    public int activeConnections() {
        return connections.size();
    }

    /** Bytes written to either end since start. */
    public long bytesForwarded() {
        return bytesToTarget.get() + bytesToClient.get();
    }

    public long bytesForwardedToTarget() {
        return bytesToTarget.get();
    }

    public long bytesForwardedToClient() {
        return bytesToClient.get();
    }

    /** Resets every connection and stops listening. */
    @Override
    public void close() {
        acceptor.close();
        killAll();
    }

    private void handle(Socket client) {
        if (rejectingNew) {
            rejected.incrementAndGet();
            acceptor.untrack(client);
            Sockets.reset(client);
            return;
        }
        accepted.incrementAndGet();
        Connection connection = new Connection(client, Thread.currentThread());
        connections.add(connection);
        if (acceptor.isClosed()) {
            connection.abort();
            return;
        }
        connection.connectAndRelay();
    }

    /** One client connection: first waiting for the gate and the target, then relaying. */
    private final class Connection implements Relay.Events {
        private final Socket client;
        private final Thread connector;
        private Socket targetSocket;
        private Relay relay;
        private boolean aborted;

        Connection(Socket client, Thread connector) {
            this.client = client;
            this.connector = connector;
        }

        void connectAndRelay() {
            Socket socket;
            try {
                // A black-holed network does not let the connection through to the target either.
                gate.awaitOpen();
                socket = new Socket();
                synchronized (this) {
                    if (aborted) {
                        return;
                    }
                    targetSocket = socket;
                }
                if (!acceptor.track(socket)) {
                    abort();
                    return;
                }
                socket.connect(target, (int) TARGET_CONNECT_TIMEOUT.toMillis());
            } catch (IOException | InterruptedException targetUnreachableOrAborted) {
                abort();
                return;
            }
            Relay started = new Relay(acceptor, client, socket, gate, delay::get, this);
            synchronized (this) {
                if (aborted) {
                    return;
                }
                relay = started;
            }
            started.start();
        }

        void abort() {
            Relay toAbort;
            synchronized (this) {
                if (aborted) {
                    return;
                }
                aborted = true;
                toAbort = relay;
            }
            if (toAbort != null) {
                toAbort.abort();
            } else {
                Socket socket = targetSocket();
                Sockets.reset(client);
                Sockets.reset(socket);
                acceptor.untrack(client);
                if (socket != null) {
                    acceptor.untrack(socket);
                }
                if (connector != Thread.currentThread()) {
                    connector.interrupt();
                }
                connections.remove(this);
            }
        }

        private synchronized Socket targetSocket() {
            return targetSocket;
        }

        @Override
        public void forwarded(Relay.Direction direction, int bytes) {
            (direction == Relay.Direction.TO_TARGET ? bytesToTarget : bytesToClient).addAndGet(bytes);
        }

        @Override
        public void ended(Relay ended) {
            connections.remove(this);
        }
    }
}
