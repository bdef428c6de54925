package dev.tentacle.comms.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The retry loop shared by every retrying caller: it runs an attempt and, while the failure is retryable and the time
 * budget lasts, waits with {@link Backoff} and tries again. What counts as retryable, what the caller receives when
 * retrying stops, and how events are reported are parameters; the timing rules are fixed here:
 *
 * <ul>
 *   <li>The deadline is the start of the first attempt plus the budget, so the budget includes the first attempt. A
 *       zero budget means one attempt.</li>
 *   <li>No attempt starts after the deadline. A wait that would end past it is shortened to end exactly at the
 *       deadline, and one last attempt runs there; an attempt that fails at or after the deadline is the last, and the
 *       caller gets {@link GiveUp#exhausted}.</li>
 *   <li>A failure that is not retryable is rethrown unchanged.</li>
 *   <li>Interrupting the thread while it waits stops the loop with {@link GiveUp#interrupted} and leaves the
 *       interrupt flag set.</li>
 * </ul>
 *
 * <p>Immutable and safe to share if the injected clock, sleeper, random, give-up factory and events are.
 *
 * @param <F> the type of a retryable failure
 * @param <X> the type of the exception the caller gets when retrying gives up
 */
public final class RetryLoop<F extends RuntimeException, X extends RuntimeException> {

    /** Builds the exception the caller receives when retrying stops after a retryable failure. */
    public interface GiveUp<F, X> {

        /**
         * The budget is spent.
         *
         * @param attempts attempts made in total
         * @param elapsed time since the first attempt started
         * @param last the last attempt's failure
         */
        X exhausted(String description, int attempts, Duration elapsed, F last);

        /**
         * The thread was interrupted while waiting {@code wait} to retry after attempt {@code attempts} failed with
         * {@code last}.
         */
        X interrupted(String description, int attempts, Duration wait, F last, InterruptedException interruption);
    }

    /**
     * What the loop reports; every method does nothing unless overridden. Calls that succeed or fail on their first
     * attempt without retrying produce no events.
     */
    public interface Events<F, X> {

        /** Attempt {@code attempt} (1 for the first) failed retryably; the loop waits {@code wait} and tries again. */
        default void attemptFailed(String description, int attempt, F failure, Duration wait) {
        }

        /** Attempt {@code attempts} succeeded after at least one retry. */
        default void succeededAfterRetry(String description, int attempts, Duration elapsed) {
        }

        /** The budget was spent or the wait interrupted; the caller gets {@code thrown}, built by {@link GiveUp}. */
        default void gaveUp(String description, int attempts, Duration elapsed, X thrown) {
        }

        /** A retry (attempt {@code attempts}, at least the second) failed in a way that is not retried. */
        default void failedNotRetryable(String description, int attempts, Duration elapsed, RuntimeException failure) {
        }
    }

    private final Class<F> failureType;
    private final Predicate<? super F> retryable;
    private final GiveUp<? super F, ? extends X> giveUp;
    private final Duration budget;
    private final Backoff backoff;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Events<? super F, ? super X> events;

    private RetryLoop(Builder<F, X> builder) {
        this.failureType = builder.failureType;
        this.retryable = builder.retryable;
        this.giveUp = builder.giveUp;
        this.budget = builder.budget;
        this.backoff = builder.backoff;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
        this.events = builder.events;
    }

    /**
     * Starts a loop that retries failures of {@code failureType} accepted by {@code retryable}.
     *
     * @param budget the time for all attempts and waits together, first attempt included; zero or more
     */
    public static <F extends RuntimeException, X extends RuntimeException> Builder<F, X> builder(Class<F> failureType,
            Predicate<? super F> retryable, GiveUp<? super F, ? extends X> giveUp, Duration budget, Backoff backoff) {
        return new Builder<>(failureType, retryable, giveUp, budget, backoff);
    }

    public Duration budget() {
        return budget;
    }

    /**
     * Runs {@code attempt} until it succeeds, fails in a way that is not retried, or the budget is spent.
     *
     * @param description what is being done, for the give-up exception and events
     */
    public <T> T call(String description, Supplier<T> attempt) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(attempt, "attempt");
        Instant start = clock.instant();
        Instant deadline = start.plus(budget);
        for (int attempts = 1; ; attempts++) {
            RuntimeException failure;
            try {
                T result = attempt.get();
                if (attempts > 1) {
                    events.succeededAfterRetry(description, attempts, elapsedSince(start));
                }
                return result;
            } catch (RuntimeException e) {
                failure = e;
            }
            F retryableFailure = asRetryable(failure);
            if (retryableFailure == null) {
                if (attempts > 1) {
                    events.failedNotRetryable(description, attempts, elapsedSince(start), failure);
                }
                throw failure;
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                Duration elapsed = Duration.between(start, now);
                X exhausted = giveUp.exhausted(description, attempts, elapsed, retryableFailure);
                events.gaveUp(description, attempts, elapsed, exhausted);
                throw exhausted;
            }
            Duration wait = shortest(backoff.delay(attempts, random), Duration.between(now, deadline));
            events.attemptFailed(description, attempts, retryableFailure, wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                X interrupted = giveUp.interrupted(description, attempts, wait, retryableFailure, e);
                events.gaveUp(description, attempts, elapsedSince(start), interrupted);
                throw interrupted;
            }
        }
    }

    private F asRetryable(RuntimeException failure) {
        if (failureType.isInstance(failure)) {
            F typed = failureType.cast(failure);
            if (retryable.test(typed)) {
                return typed;
            }
        }
        return null;
    }

    private Duration elapsedSince(Instant start) {
        return Duration.between(start, clock.instant());
    }

    private static Duration shortest(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Builds a {@link RetryLoop}; clock, sleeper, random and events have production defaults. */
    public static final class Builder<F extends RuntimeException, X extends RuntimeException> {
        private final Class<F> failureType;
        private final Predicate<? super F> retryable;
        private final GiveUp<? super F, ? extends X> giveUp;
        private final Duration budget;
        private final Backoff backoff;
        private InstantSource clock = new MonotonicInstantSource();
        private Sleeper sleeper = Sleeper.threadSleep();
        private RandomGenerator random = ThreadLocalRandomGenerator.INSTANCE;
        private Events<? super F, ? super X> events = new Events<>() {
        };

        private Builder(Class<F> failureType, Predicate<? super F> retryable, GiveUp<? super F, ? extends X> giveUp,
                Duration budget, Backoff backoff) {
            this.failureType = Objects.requireNonNull(failureType, "failureType");
            this.retryable = Objects.requireNonNull(retryable, "retryable");
            this.giveUp = Objects.requireNonNull(giveUp, "giveUp");
            this.budget = Objects.requireNonNull(budget, "budget");
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            if (budget.isNegative()) {
                throw new IllegalArgumentException("A retry budget cannot be negative, was " + budget);
            }
        }

        /** The time source for the deadline; the default is monotonic, immune to wall-clock steps. */
        public Builder<F, X> clock(InstantSource newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        public Builder<F, X> sleeper(Sleeper newSleeper) {
            this.sleeper = Objects.requireNonNull(newSleeper, "sleeper");
            return this;
        }

        /** The source of backoff jitter; it must be safe for the threads that share the loop. */
        public Builder<F, X> random(RandomGenerator newRandom) {
            this.random = Objects.requireNonNull(newRandom, "random");
            return this;
        }

        public Builder<F, X> events(Events<? super F, ? super X> newEvents) {
            this.events = Objects.requireNonNull(newEvents, "events");
            return this;
        }

        public RetryLoop<F, X> build() {
            return new RetryLoop<>(this);
        }
    }
}
