package dev.tentacle.comms.retry;

import dev.tentacle.comms.CommsException;
import java.time.Duration;

/**
 * Observes retries, for logs and UIs. Every method has a no-op default. Methods run on the calling thread and should
 * return quickly; an exception thrown by a listener propagates to the caller.
 *
 * <p>Calls that succeed or fail on their first attempt without retrying produce no events. After any
 * {@link #attemptFailed}, exactly one of {@link #succeededAfterRetry} or {@link #gaveUp} follows.
 */
public interface RetryListener {

    /** A listener that ignores every event. */
    RetryListener NONE = new RetryListener() {
    };

    /**
     * An attempt failed with a network failure and will be tried again after {@code nextDelay}.
     *
     * @param attemptNumber the attempt that failed, 1 for the first
     */
    default void attemptFailed(String description, int attemptNumber, CommsException failure, Duration nextDelay) {
    }

    /**
     * Retrying stopped and the call fails: the time budget is spent, a later attempt failed in a way that is not
     * retried, or the wait was interrupted.
     *
     * @param attempts attempts made in total
     * @param elapsed time since the first attempt started
     * @param failure the exception the caller receives
     */
    default void gaveUp(String description, int attempts, Duration elapsed, RuntimeException failure) {
    }

    /**
     * The call succeeded after at least one retry.
     *
     * @param attempts attempts made in total, the last one successful
     * @param elapsed time since the first attempt started
     */
    default void succeededAfterRetry(String description, int attempts, Duration elapsed) {
    }
}
