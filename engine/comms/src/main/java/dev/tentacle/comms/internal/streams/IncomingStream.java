package dev.tentacle.comms.internal.streams;

import dev.tentacle.comms.DataStream;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The receiving side of a stream. Chunks arrive on the I/O thread and wait in a queue that the sender's credit
 * window bounds; the reader consumes them through an {@link InputStream} and grants new credit as it goes, which is
 * what holds a fast sender back. Closing the stream before its end abandons it: the sender is told to stop.
 */
public final class IncomingStream {
    private static final Object END = new Object();

    private final StreamKey key;
    private final long length;
    private final int window;
    private final StreamTransport transport;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean opened = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean abandoned;
    private volatile IOException failure;
    private long buffered;

    public IncomingStream(StreamKey key, long length, int window, StreamTransport transport) {
        this.key = key;
        this.length = length;
        this.window = window;
        this.transport = transport;
    }

    public DataStream asDataStream() {
        return DataStream.of(length, this::open);
    }

    private InputStream open() throws IOException {
        if (!opened.compareAndSet(false, true)) {
            throw new IOException("This received stream was already opened; a received stream can be read only once.");
        }
        if (finished.get()) {
            throw new IOException("This received stream was abandoned: it must be read before the call that carried it returns.");
        }
        return new Reader();
    }

    /**
     * Called on the I/O thread with a chunk (ownership passes here).
     *
     * @return false when the sender overran the window it was granted: a protocol violation
     */
    public boolean onData(ByteBuf chunk) {
        if (abandoned || finished.get()) {
            chunk.release();
            return true;
        }
        synchronized (this) {
            buffered += chunk.readableBytes();
            if (buffered > window) {
                chunk.release();
                return false;
            }
        }
        queue.add(chunk);
        return true;
    }

    /** The sender finished (status complete or failed). */
    public void onEnd(int status, String detail) {
        if (status != StreamPayloads.STATUS_COMPLETE) {
            failure = new IOException("The sender could not finish the stream: " + (detail.isEmpty() ? "no reason given" : detail));
        }
        queue.add(END);
    }

    /** The connection broke or the call was cancelled. */
    public void fail(String reason) {
        failure = new IOException(reason);
        queue.add(END);
    }

    private void consumed(int bytes) {
        long grant = 0;
        synchronized (this) {
            buffered -= bytes;
            unacknowledged += bytes;
            if (unacknowledged >= window / 2) {
                grant = unacknowledged;
                unacknowledged = 0;
            }
        }
        if (grant > 0) {
            transport.sendWindow(key, grant);
        }
    }

    private long unacknowledged;

    private void finish(boolean early) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (early) {
            abandoned = true;
            transport.sendEnd(key, StreamPayloads.STATUS_ABANDONED, "the reader closed the stream");
        }
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof ByteBuf buf) {
                buf.release();
            }
        }
        transport.streamClosed(key, true);
    }

    private final class Reader extends InputStream {
        private ByteBuf current;
        private boolean ended;
        private boolean closed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("The stream is closed.");
            }
            if (len == 0) {
                return 0;
            }
            while (current == null || !current.isReadable()) {
                if (current != null) {
                    current.release();
                    current = null;
                }
                if (ended) {
                    return endOfStream();
                }
                Object next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while waiting for stream data");
                }
                if (next == END) {
                    ended = true;
                } else {
                    current = (ByteBuf) next;
                }
            }
            int n = Math.min(len, current.readableBytes());
            current.readBytes(b, off, n);
            consumed(n);
            return n;
        }

        private int endOfStream() throws IOException {
            IOException f = failure;
            finish(false);
            if (f != null) {
                throw f;
            }
            return -1;
        }

        @Override
        public void close() {
            closed = true;
            if (current != null) {
                current.release();
                current = null;
            }
            finish(!ended);
        }
    }

    /** Releases everything if nobody ever opened the stream (the call ended without reading it). */
    public void abandonIfUnopened() {
        if (!opened.get()) {
            finish(true);
        }
    }
}
