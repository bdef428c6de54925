package dev.tentacle.comms.retry;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

/**
 * Runs a comms call and retries it on network failure, within the time budget of a {@link RetryPolicy}. This is the
 * interceptor the RPC client wraps around each call; services themselves stay unaware of retries.
 *
 * <p>A failed attempt is retried only when all of these hold: the policy is enabled, the call is idempotent (an
 * {@link dev.tentacle.comms.Idempotent} method or a ticketed script call), {@link FailureClassifier} says the failure
 * is retryable, and the deadline ({@code start of the first attempt + totalDuration}) has not been reached. Otherwise
 * the failure is rethrown unchanged, except when the budget ran out after a network failure: then the caller gets a
 * {@link CommsException} with the last failure's code, a message naming the attempts and the budget, and the last
 * failure as its cause.
 *
 * <p>Deadline rule: no attempt starts after the deadline. When the backoff delay would end past the deadline, the wait
 * is shortened to end exactly at the deadline and one last attempt is made there; an attempt that fails at or after
 * the deadline is the last. This spends the whole budget the user configured (an outage that ends a second before the
 * deadline still lets the call through), and the call overruns the budget by at most one attempt, just as it would for
 * an attempt that started a moment before the deadline.
 *
 * <p>Interrupting the thread while it waits stops the call with {@link ErrorCode#CANCELLED} and leaves the interrupt
 * flag set. Instances are immutable and safe to share if the injected clock, sleeper, random and listener are.
 */
public final class RetryingCaller {

    private final RetryPolicy policy;
    private final RetryLoop<CommsException, CommsException> loop;

    private RetryingCaller(Builder builder) {
        this.policy = builder.policy;
        RetryListener listener = builder.listener;
        this.loop = RetryLoop.builder(CommsException.class, FailureClassifier::isRetryable, new GiveUp(policy),
                        policy.totalDuration(), policy.backoff())
                .clock(builder.clock)
                .sleeper(builder.sleeper)
                .random(builder.random)
                .events(new ListenerEvents(listener))
                .build();
    }

    /** A caller for production: a monotonic clock, real sleeping, thread-local randomness, no listener. */
    public static RetryingCaller create(RetryPolicy policy) {
        return builder(policy).build();
    }

    public static Builder builder(RetryPolicy policy) {
        return new Builder(policy);
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code attempt}, retrying it as described in the class comment.
     *
     * @param description what the call does, for messages and listeners, e.g. {@code "ScriptService.getStatus on
     *     Tentacle web01"}
     * @param idempotent true only if running the attempt twice is safe
     * @param attempt one try of the call; it reports failures as {@link CommsException}. An
     *     {@link InterruptedException} from it becomes {@link ErrorCode#CANCELLED}; any other checked exception is a
     *     contract violation and becomes an {@link IllegalStateException}
     * @return the first successful attempt's result
     */
    public <T> T call(String description, boolean idempotent, Callable<T> attempt) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(attempt, "attempt");
        if (!idempotent || !policy.enabled()) {
            return runOnce(description, attempt);
        }
        return loop.call(description, () -> runOnce(description, attempt));
    }

    /** The comms give-up exceptions: the last failure's code when the budget is spent, CANCELLED when interrupted. */
    private record GiveUp(RetryPolicy policy) implements RetryLoop.GiveUp<CommsException, CommsException> {

        @Override
        public CommsException exhausted(String description, int attempts, Duration elapsed, CommsException last) {
            return new CommsException(last.code(), description + " failed after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                    + " over " + HumanDuration.format(elapsed) + "; last error: " + last
                    + "; retries stop after the policy's " + HumanDuration.format(policy.totalDuration())
                    + " (configure the machine policy's retry duration)", last);
        }

        @Override
        public CommsException interrupted(String description, int attempts, Duration wait, CommsException last,
                InterruptedException interruption) {
            CommsException cancelled = new CommsException(ErrorCode.CANCELLED, description + " was cancelled: the thread was"
                    + " interrupted while waiting " + HumanDuration.format(wait) + " to retry after attempt " + attempts
                    + " failed; last error: " + last, last);
            cancelled.addSuppressed(interruption);
            return cancelled;
        }
    }

    /** Reports the loop's events to a {@link RetryListener}; a failure that is not retried also counts as giving up. */
    private record ListenerEvents(RetryListener listener) implements RetryLoop.Events<CommsException, CommsException> {

        @Override
        public void attemptFailed(String description, int attempt, CommsException failure, Duration wait) {
            listener.attemptFailed(description, attempt, failure, wait);
        }

        @Override
        public void succeededAfterRetry(String description, int attempts, Duration elapsed) {
            listener.succeededAfterRetry(description, attempts, elapsed);
        }

        @Override
        public void gaveUp(String description, int attempts, Duration elapsed, CommsException thrown) {
            listener.gaveUp(description, attempts, elapsed, thrown);
        }

        @Override
        public void failedNotRetryable(String description, int attempts, Duration elapsed, RuntimeException failure) {
            listener.gaveUp(description, attempts, elapsed, failure);
        }
    }

    private static <T> T runOnce(String description, Callable<T> attempt) {
        try {
            return attempt.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommsException(ErrorCode.CANCELLED, description
                    + " was cancelled: the thread was interrupted during the attempt", e);
        } catch (Exception e) {
            throw new IllegalStateException(description + " threw the checked exception " + e
                    + "; a comms attempt must report failures as CommsException with an ErrorCode so they can be classified", e);
        }
    }

    /** Builds a {@link RetryingCaller}; every setting but the policy has a production default. */
    public static final class Builder {
        private final RetryPolicy policy;
        private InstantSource clock = new MonotonicInstantSource();
        private Sleeper sleeper = Sleeper.threadSleep();
        private RandomGenerator random = ThreadLocalRandomGenerator.INSTANCE;
        private RetryListener listener = RetryListener.NONE;

        private Builder(RetryPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
        }

        /** The time source for the deadline; the default is monotonic, immune to wall-clock steps. */
        public Builder clock(InstantSource newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper newSleeper) {
            this.sleeper = Objects.requireNonNull(newSleeper, "sleeper");
            return this;
        }

        /** The source of backoff jitter; it must be safe for the threads that share this caller. */
        public Builder random(RandomGenerator newRandom) {
            this.random = Objects.requireNonNull(newRandom, "random");
            return this;
        }

        public Builder listener(RetryListener newListener) {
            this.listener = Objects.requireNonNull(newListener, "listener");
            return this;
        }

        public RetryingCaller build() {
            return new RetryingCaller(this);
        }
    }
}
