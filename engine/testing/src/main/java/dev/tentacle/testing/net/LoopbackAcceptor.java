package dev.tentacle.testing.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The part every test server shares: a server socket on 127.0.0.1 with an ephemeral port, an accept loop that hands
 * each connection to its own virtual thread, and a close that resets every socket and stops every thread it started.
 */
final class LoopbackAcceptor implements AutoCloseable {
    private static final int BACKLOG = 128;
    private static final Duration JOIN_ON_CLOSE = Duration.ofSeconds(5);

    private final String name;
    private final ServerSocket serverSocket;
    private final AtomicInteger threadNumbers = new AtomicInteger();
    private final Object lock = new Object();
    private final Set<Socket> sockets = new HashSet<>();
    private final Set<Thread> threads = new HashSet<>();
    private boolean closed;

    LoopbackAcceptor(String name) throws IOException {
        this.name = name;
        this.serverSocket = new ServerSocket();
        try {
            serverSocket.bind(new InetSocketAddress(Loopback.ADDRESS, 0), BACKLOG);
        } catch (IOException e) {
            serverSocket.close();
            throw e;
        }
    }

    /** Starts accepting; call it last in the owner's constructor, once the handler can run. */
    void start(Consumer<Socket> handler) {
        if (spawn("accept", () -> acceptLoop(handler)) == null) {
            throw new IllegalStateException(name + " was closed before it started.");
        }
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(Loopback.ADDRESS, port());
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * Registers a socket to be reset on close. Returns false, after resetting the socket, when this acceptor is closed
     * already, so that a handler racing with close does not keep a connection open.
     */
    boolean track(Socket socket) {
        synchronized (lock) {
            if (!closed) {
                sockets.add(socket);
                return true;
            }
        }
        Sockets.reset(socket);
        return false;
    }

    void untrack(Socket socket) {
        synchronized (lock) {
            sockets.remove(socket);
        }
    }

    /** Starts a virtual thread that close() interrupts and waits for; null when this acceptor is closed. */
    Thread spawn(String role, Runnable work) {
        Thread thread = Thread.ofVirtual()
                .name(name + "-" + port() + "-" + role + "-" + threadNumbers.incrementAndGet())
                .unstarted(() -> {
                    try {
                        work.run();
                    } finally {
                        synchronized (lock) {
                            threads.remove(Thread.currentThread());
                        }
                    }
                });
        synchronized (lock) {
            if (closed) {
                return null;
            }
            threads.add(thread);
        }
        thread.start();
        return thread;
    }

    private void acceptLoop(Consumer<Socket> handler) {
        // Ends when close() closes the server socket: accept() then throws.
        while (!isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException closedOrBroken) {
                return;
            }
            if (!track(socket)) {
                return;
            }
            if (spawn("connection", () -> handler.accept(socket)) == null) {
                Sockets.reset(socket);
            }
        }
    }

    @Override
    public void close() {
        List<Socket> toReset;
        List<Thread> toStop;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toReset = new ArrayList<>(sockets);
            toStop = new ArrayList<>(threads);
            sockets.clear();
        }
        Sockets.closeQuietly(serverSocket);
        toReset.forEach(Sockets::reset);
        toStop.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + JOIN_ON_CLOSE.toNanos();
        for (Thread thread : toStop) {
            if (thread == Thread.currentThread()) {
                continue;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            try {
                thread.join(Duration.ofNanos(remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
