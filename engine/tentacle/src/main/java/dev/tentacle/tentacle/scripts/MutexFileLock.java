package dev.tentacle.tentacle.scripts;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The cross-process layer of an {@link IsolationMutex}: an OS lock on the mutex's lock file, exclusive or shared.
 * The JVM holds one OS lock per file, so shared holders in this JVM share it through a count; the in-process layer
 * guarantees that an exclusive holder is alone.
 */
final class MutexFileLock {
    private final Path file;
    private final ReentrantLock guard = new ReentrantLock();
    private FileChannel channel;
    private FileLock lock;
    private int holders;

    MutexFileLock(Path file) {
        this.file = file;
    }

    IsolationMutex.Outcome acquire(boolean exclusive, long deadline, BooleanSupplier cancelled, Runnable onWaiting) {
        boolean announced = false;
        try {
            while (true) {
                if (guard.tryLock(IsolationMutex.POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    try {
                        if (tryTake(exclusive)) {
                            return IsolationMutex.Outcome.ACQUIRED;
                        }
                    } finally {
                        guard.unlock();
                    }
                }
                if (!announced) {
                    announced = true;
                    onWaiting.run();
                }
                if (cancelled.getAsBoolean()) {
                    return giveUp(IsolationMutex.Outcome.CANCELLED);
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return giveUp(IsolationMutex.Outcome.TIMED_OUT);
                }
                Thread.sleep(Math.max(1, Math.min(IsolationMutex.POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(remaining))));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return giveUp(IsolationMutex.Outcome.CANCELLED);
        }
    }

    void release() {
        guard.lock();
        try {
            holders--;
            if (holders == 0) {
                closeChannel();
            }
        } finally {
            guard.unlock();
        }
    }

    private boolean tryTake(boolean exclusive) {
        if (holders > 0) {
            holders++;
            return true;
        }
        try {
            if (channel == null) {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            lock = channel.tryLock(0, Long.MAX_VALUE, !exclusive);
        } catch (OverlappingFileLockException e) {
            lock = null; // held elsewhere in this JVM outside the registry: wait as for another process
        } catch (IOException e) {
            closeChannel();
            throw IsolationMutex.lockFileFailure(file, e);
        }
        if (lock == null) {
            return false;
        }
        holders = 1;
        return true;
    }

    private IsolationMutex.Outcome giveUp(IsolationMutex.Outcome outcome) {
        guard.lock();
        try {
            if (holders == 0) {
                closeChannel();
            }
        } finally {
            guard.unlock();
        }
        return outcome;
    }

    private void closeChannel() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Closing the channel releases the OS lock in any case.
        } finally {
            lock = null;
            channel = null;
        }
    }
}
