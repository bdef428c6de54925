package dev.tentacle.comms.internal.streams;

import dev.tentacle.comms.DataStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending side of a stream: reads the source in chunks and sends each only when the receiver has granted
 * credit for it, so the sender never runs more than one window ahead of the reader. Runs on its own (virtual)
 * thread.
 */
public final class OutgoingStream implements Runnable {
    private final StreamKey key;
    private final DataStream source;
    private final int chunkSize;
    private final StreamTransport transport;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition creditAvailable = lock.newCondition();
    private long credit;
    private boolean stopped;
    private String stopReason;

    public OutgoingStream(StreamKey key, DataStream source, int window, int chunkSize, StreamTransport transport) {
        this.key = key;
        this.source = source;
        this.credit = window;
        this.chunkSize = chunkSize;
        this.transport = transport;
    }

    public StreamKey key() {
        return key;
    }

    /** The receiver consumed bytes and grants that much more credit. Called on the I/O thread. */
    public void grant(long bytes) {
        lock.lock();
        try {
            credit += bytes;
            creditAvailable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The receiver abandoned the stream, the call was cancelled, or the connection broke. */
    public void stop(String reason) {
        lock.lock();
        try {
            stopped = true;
            stopReason = reason;
            creditAvailable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        byte[] buffer = new byte[chunkSize];
        try (InputStream in = source.open()) {
            while (true) {
                int n = in.readNBytes(buffer, 0, chunkSize);
                if (n <= 0) {
                    break;
                }
                if (!awaitCredit(n)) {
                    return;
                }
                transport.sendData(key, buffer, n);
            }
            if (!isStopped()) {
                transport.sendEnd(key, StreamPayloads.STATUS_COMPLETE, "");
            }
        } catch (IOException | RuntimeException e) {
            if (!isStopped()) {
                transport.sendEnd(key, StreamPayloads.STATUS_SENDER_FAILED, "reading the data to send failed: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            transport.streamClosed(key, false);
        }
    }

    private boolean awaitCredit(int bytes) throws InterruptedException {
        lock.lock();
        try {
            while (credit < bytes && !stopped) {
                creditAvailable.await();
            }
            if (stopped) {
                return false;
            }
            credit -= bytes;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean isStopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    String stopReason() {
        return stopReason;
    }
}
