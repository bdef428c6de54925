package dev.tentacle.testing.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Moves bytes both ways between two connected sockets until both sides have ended their stream, or until either
 * side fails, in which case both are reset.
 *
 * <p>Each direction has a reader and a writer thread joined by a small bounded queue. The reader stamps each chunk
 * with the time it may leave, now plus the current delay; the writer waits for that time and for the gate to be open.
 * So a delay adds latency without capping throughput, chunks keep their order, and a full queue pushes back on the
 * sender through TCP as a slow network would.
 */
final class Relay {
    enum Direction {
        TO_TARGET,
        TO_CLIENT
    }

    interface Events {
        void forwarded(Direction direction, int bytes);

        void ended(Relay relay);
    }

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int QUEUE_CHUNKS = 16;

    private record Chunk(byte[] bytes, long readyAtNanos) {
        boolean isEndOfStream() {
            return bytes == null;
        }
    }

    private final LoopbackAcceptor acceptor;
    private final Socket client;
    private final Socket target;
    private final Gate gate;
    private final Supplier<Duration> delay;
    private final Events events;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger directionsEnded = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();

    Relay(LoopbackAcceptor acceptor, Socket client, Socket target, Gate gate, Supplier<Duration> delay, Events events) {
        this.acceptor = acceptor;
        this.client = client;
        this.target = target;
        this.gate = gate;
        this.delay = delay;
        this.events = events;
    }

    void start() {
        try {
            client.setTcpNoDelay(true);
            target.setTcpNoDelay(true);
        } catch (IOException broken) {
            abort();
            return;
        }
        if (!startDirection(client, target, Direction.TO_TARGET)
                || !startDirection(target, client, Direction.TO_CLIENT)) {
            abort();
        }
    }

    /** Resets both sockets and stops the threads. Safe to call more than once and from any thread. */
    void abort() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        Sockets.reset(client);
        Sockets.reset(target);
        finish();
        List<Thread> running;
        synchronized (threads) {
            running = List.copyOf(threads);
        }
        for (Thread thread : running) {
            if (thread != Thread.currentThread()) {
                thread.interrupt();
            }
        }
    }

    private boolean startDirection(Socket from, Socket to, Direction direction) {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
        String role = direction.name().toLowerCase(Locale.ROOT);
        synchronized (threads) {
            // abort() sets ended before it reads the thread list under this lock: no thread starts unseen by it.
            if (ended.get()) {
                return false;
            }
            Thread reader = acceptor.spawn(role + "-read", () -> read(from, queue));
            if (reader == null) {
                return false;
            }
            threads.add(reader);
            Thread writer = acceptor.spawn(role + "-write", () -> write(queue, to, direction));
            if (writer == null) {
                return false;
            }
            threads.add(writer);
        }
        return true;
    }

    private void read(Socket from, BlockingQueue<Chunk> queue) {
        byte[] buffer = new byte[CHUNK_BYTES];
        try {
            InputStream in = from.getInputStream();
            // Ends at the end of the stream, or when the socket fails or abort() closes it.
            while (true) {
                gate.awaitOpen();
                int n = in.read(buffer);
                long readyAt = System.nanoTime() + delay.get().toNanos();
                if (n < 0) {
                    queue.put(new Chunk(null, readyAt));
                    return;
                }
                queue.put(new Chunk(Arrays.copyOf(buffer, n), readyAt));
            }
        } catch (IOException | InterruptedException brokenOrAborted) {
            abort();
        }
    }

    private void write(BlockingQueue<Chunk> queue, Socket to, Direction direction) {
        try {
            OutputStream out = to.getOutputStream();
            // Ends at the end-of-stream marker, or when abort() interrupts it or closes the socket.
            while (true) {
                Chunk chunk = queue.take();
                sleepUntil(chunk.readyAtNanos());
                gate.awaitOpen();
                if (chunk.isEndOfStream()) {
                    to.shutdownOutput();
                    directionEnded();
                    return;
                }
                out.write(chunk.bytes());
                events.forwarded(direction, chunk.bytes().length);
            }
        } catch (IOException | InterruptedException brokenOrAborted) {
            abort();
        }
    }

    private static void sleepUntil(long deadlineNanos) throws InterruptedException {
        long remaining;
        // Bounded: the remaining time only shrinks.
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            Thread.sleep(Duration.ofNanos(remaining));
        }
    }

    private void directionEnded() {
        if (directionsEnded.incrementAndGet() == 2 && ended.compareAndSet(false, true)) {
            Sockets.closeQuietly(client);
            Sockets.closeQuietly(target);
            finish();
        }
    }

    private void finish() {
        acceptor.untrack(client);
        acceptor.untrack(target);
        events.ended(this);
    }
}
