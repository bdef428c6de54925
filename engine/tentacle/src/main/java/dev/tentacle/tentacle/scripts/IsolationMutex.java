package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptIsolationLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A named script isolation mutex with Octopus's semantics: {@link ScriptIsolationLevel#FULL_ISOLATION} takes it
 * exclusively, {@link ScriptIsolationLevel#NO_ISOLATION} takes it shared. Two layers:
 * <ol>
 *   <li>In this JVM, a fair (first come, first served) reader-writer queue per lock file, so that a waiting full
 *       isolation script is not overtaken by a stream of no-isolation ones.</li>
 *   <li>Between processes, an OS file lock ({@link MutexFileLock}) on a file per mutex name, so that two agent
 *       processes using the same lock directory also exclude each other.</li>
 * </ol>
 * Waits are bounded by the timeout and end promptly when the caller's cancellation flag turns true. No thread is
 * ever interrupted, because an interrupt would close the file channel that holds the lock.
 */
final class IsolationMutex {
    enum Outcome { ACQUIRED, TIMED_OUT, CANCELLED }

    static final long POLL_MILLIS = 50;
    private static final ConcurrentMap<Path, IsolationMutex> REGISTRY = new ConcurrentHashMap<>();

    private record Waiter(boolean exclusive, String owner) {
    }

    private final Path lockFile;
    private final MutexFileLock fileLock;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final List<String> holders = new ArrayList<>();
    private int readers;
    private boolean writer;

    private IsolationMutex(Path lockFile) {
        this.lockFile = lockFile;
        this.fileLock = new MutexFileLock(lockFile);
    }

    /** The one mutex object per lock file in this JVM, so that several engines over one directory share it. */
    static IsolationMutex named(Path lockDirectory, String name) {
        return REGISTRY.computeIfAbsent(lockFile(lockDirectory, name).toAbsolutePath().normalize(), IsolationMutex::new);
    }

    /** The lock file for a mutex name: the name made file-safe, plus a hash so that distinct names never share a file. */
    static Path lockFile(Path lockDirectory, String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        safe = safe.substring(0, Math.min(safe.length(), 60));
        return lockDirectory.resolve(safe + "-" + HexFormat.of().formatHex(sha256(name), 0, 6) + ".lock");
    }

    /**
     * Waits for the mutex.
     *
     * @param owner who holds it while granted (a ticket), for the waiting message of others
     * @param timeout null to wait as long as it takes
     * @param onWaiting told once, with who holds the mutex, when it is not free at once
     */
    Outcome acquire(String owner, ScriptIsolationLevel level, Duration timeout, BooleanSupplier cancelled, Consumer<String> onWaiting) {
        boolean exclusive = level == ScriptIsolationLevel.FULL_ISOLATION;
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        Outcome inProcess = acquireInProcess(new Waiter(exclusive, owner), deadline, cancelled, onWaiting);
        if (inProcess != Outcome.ACQUIRED) {
            return inProcess;
        }
        Outcome file;
        try {
            file = fileLock.acquire(exclusive, deadline, cancelled,
                    () -> onWaiting.accept("held by another agent process on this machine (lock file " + lockFile + ")"));
        } catch (RuntimeException e) {
            releaseInProcess(exclusive, owner);
            throw e;
        }
        if (file != Outcome.ACQUIRED) {
            releaseInProcess(exclusive, owner);
        }
        return file;
    }

    void release(String owner, ScriptIsolationLevel level) {
        boolean exclusive = level == ScriptIsolationLevel.FULL_ISOLATION;
        try {
            fileLock.release();
        } finally {
            releaseInProcess(exclusive, owner);
        }
    }

    private Outcome acquireInProcess(Waiter me, long deadline, BooleanSupplier cancelled, Consumer<String> onWaiting) {
        String heldBy;
        synchronized (this) {
            queue.addLast(me);
            if (grantable(me)) {
                grant(me);
                return Outcome.ACQUIRED;
            }
            heldBy = "held by " + (holders.isEmpty() ? "scripts queued before this one" : "script " + String.join(", ", holders));
        }
        boolean granted = false;
        try {
            onWaiting.accept(heldBy);
            Outcome outcome = awaitTurn(me, deadline, cancelled);
            granted = outcome == Outcome.ACQUIRED;
            return outcome;
        } finally {
            if (!granted) {
                synchronized (this) {
                    queue.remove(me);
                    notifyAll();
                }
            }
        }
    }

    private synchronized Outcome awaitTurn(Waiter me, long deadline, BooleanSupplier cancelled) {
        while (true) {
            if (grantable(me)) {
                grant(me);
                return Outcome.ACQUIRED;
            }
            if (cancelled.getAsBoolean()) {
                return Outcome.CANCELLED;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Outcome.TIMED_OUT;
            }
            try {
                wait(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(remaining))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.CANCELLED;
            }
        }
    }

    private boolean grantable(Waiter me) {
        if (writer) {
            return false;
        }
        if (me.exclusive()) {
            return readers == 0 && queue.peekFirst() == me;
        }
        for (Waiter ahead : queue) {
            if (ahead == me) {
                return true;
            }
            if (ahead.exclusive()) {
                return false;
            }
        }
        return false;
    }

    private void grant(Waiter me) {
        queue.remove(me);
        if (me.exclusive()) {
            writer = true;
        } else {
            readers++;
        }
        holders.add(me.owner());
        notifyAll();
    }

    private synchronized void releaseInProcess(boolean exclusive, String owner) {
        if (exclusive) {
            writer = false;
        } else {
            readers--;
        }
        holders.remove(owner);
        notifyAll();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static UncheckedIOException lockFileFailure(Path file, IOException e) {
        return new UncheckedIOException("Could not open the isolation mutex lock file " + file + ": " + e.getMessage()
                + ". Check that the agent can write to its work directory.", e);
    }
}
