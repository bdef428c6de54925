package dev.tentacle.testing.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accepts connections and never writes a byte, holding them open until the peer or {@link #close()} ends them: a
 * server that hangs during the TLS handshake or the preamble, for testing connect, handshake and pre-authentication
 * timeouts. What the peer sends is read and discarded, so the server notices, and reports, when the peer hangs up.
 */
public final class SilentServer implements AutoCloseable {
    /** A snapshot of one accepted connection. */
    public record HeldConnection(
            int number, long bytesReceived, boolean peerClosed, boolean peerReset, Optional<Duration> peerClosedAfter) {}

    private final LoopbackAcceptor acceptor;
    private final List<Held> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger numbers = new AtomicInteger();

    private SilentServer() throws IOException {
        this.acceptor = new LoopbackAcceptor("silent-server");
        acceptor.start(this::handle);
    }

    public static SilentServer start() throws IOException {
        return new SilentServer();
    }

    public int port() {
        return acceptor.port();
    }

    public int connectionCount() {
        return held.size();
    }

    /** Connections the peer has closed or reset. */
    public int peerClosedCount() {
        return (int) held.stream().filter(h -> h.closedAfterNanos >= 0).count();
    }

    /** Connections still held open. */
    public int openConnections() {
        return connectionCount() - peerClosedCount();
    }

    /** All connections accepted since start, in order. */
    public List<HeldConnection> connections() {
        return held.stream().map(Held::snapshot).sorted(Comparator.comparingInt(HeldConnection::number)).toList();
    }

    /** Resets every held connection and stops listening. */
    @Override
    public void close() {
        acceptor.close();
    }

    private void handle(Socket socket) {
        Held connection = new Held(numbers.incrementAndGet(), System.nanoTime());
        held.add(connection);
        byte[] discard = new byte[8 * 1024];
        try {
            InputStream in = socket.getInputStream();
            int n;
            // Ends when the peer closes, or when close() resets the socket.
            while ((n = in.read(discard)) >= 0) {
                connection.bytesReceived.addAndGet(n);
            }
            connection.peerClosed(false);
        } catch (IOException resetOrClosedHere) {
            if (!acceptor.isClosed()) {
                connection.peerClosed(true);
            }
        }
        acceptor.untrack(socket);
        Sockets.closeQuietly(socket);
    }

    private static final class Held {
        final int number;
        final long acceptedAtNanos;
        final AtomicLong bytesReceived = new AtomicLong();
        volatile boolean reset;
        volatile long closedAfterNanos = -1;

        Held(int number, long acceptedAtNanos) {
            this.number = number;
            this.acceptedAtNanos = acceptedAtNanos;
        }

        void peerClosed(boolean byReset) {
            reset = byReset;
            closedAfterNanos = System.nanoTime() - acceptedAtNanos;
        }

        HeldConnection snapshot() {
            long after = closedAfterNanos;
            return new HeldConnection(number, bytesReceived.get(), after >= 0, reset,
                    after >= 0 ? Optional.of(Duration.ofNanos(after)) : Optional.empty());
        }
    }
}
