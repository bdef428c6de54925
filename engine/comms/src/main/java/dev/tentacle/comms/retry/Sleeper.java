package dev.tentacle.comms.retry;

import java.time.Duration;

/** Waits between attempts. Production code sleeps the thread; tests advance a fake clock instead. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Blocks for {@code duration}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting, which cancels the call
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread with {@link Thread#sleep(Duration)}. */
    static Sleeper threadSleep() {
        return Thread::sleep;
    }
}
