package dev.tentacle.instances.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises read-modify-write cycles on one file, between threads of this process and between processes (two
 * installers creating instances at the same time must not lose each other's entry).
 *
 * <p>Processes coordinate through an OS lock on a sidecar file {@code TARGET.lock}, which stays in place: deleting a
 * lock file lets a third process lock a new file while a second still holds the old one. The OS refuses a second
 * lock on the same file within one process, so threads first take an in-process lock per path.
 */
public final class FileLocks {
    /** Suffix of the sidecar lock file. */
    public static final String LOCK_SUFFIX = ".lock";

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** Work done while holding the lock. */
    @FunctionalInterface
    public interface LockedWork<R> {
        R run() throws IOException;
    }

    /**
     * Runs {@code work} while holding the lock for {@code target}, waiting for other holders to finish.
     *
     * @throws IOException when the lock file cannot be created or locked, or when {@code work} throws it
     */
    public static <R> R withLock(Path target, LockedWork<R> work) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(absolute, p -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(absolute.getParent());
            Path lockFile = absolute.resolveSibling(absolute.getFileName() + LOCK_SUFFIX);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    return work.run();
                } finally {
                    lock.release();
                }
            }
        } finally {
            local.unlock();
        }
    }
}
