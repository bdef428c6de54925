package dev.tentacle.server.storage;

import dev.tentacle.comms.retry.Backoff;
import dev.tentacle.comms.retry.RetryLoop;
import dev.tentacle.comms.retry.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Retries storage work while the database is unavailable, for a time budget, waiting with exponential backoff and
 * jitter between attempts (comms' {@link Backoff}). Only {@link StorageUnavailableException} is retried: a conflict, a
 * rejected login or a schema mismatch fails at once, because waiting does not fix it.
 *
 * <p>No attempt starts after the deadline (the first attempt's start plus the budget); a wait that would end past it
 * is cut short so that one last attempt runs at the deadline. When the budget is spent the caller gets a
 * {@link StorageUnavailableException} saying how long and how often it tried, with the last failure as its cause.
 * Interrupting the waiting thread stops the retry the same way and keeps the interrupt flag.
 *
 * <p>The server uses it to open storage at start-up (the database may start after the server) and to wait for the
 * database when it goes down while the server runs. Immutable and thread-safe.
 */
public final class StorageRetry {

    /** From 1 s, doubling to at most 30 s between attempts: quick after a blip, gentle during an outage. */
    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    public static final Duration LONGEST_BUDGET = Duration.ofDays(365);

    private final RetryLoop<StorageUnavailableException, StorageUnavailableException> loop;

    private StorageRetry(Builder builder) {
        this.loop = RetryLoop.builder(StorageUnavailableException.class, failure -> true, new GiveUp(builder.budget),
                        builder.budget, builder.backoff)
                .clock(builder.clock)
                .sleeper(builder.sleeper)
                .random(builder.random)
                .events(new ListenerEvents(builder.listener))
                .build();
    }

    /** Retries for {@code budget} with the default backoff, logging each wait. */
    public static StorageRetry within(Duration budget) {
        return builder(budget).build();
    }

    public static Builder builder(Duration budget) {
        return new Builder(budget);
    }

    public Duration budget() {
        return loop.budget();
    }

    /**
     * Runs {@code attempt} until it succeeds, fails with something other than unavailability, or the budget is spent.
     *
     * @param description what is being done, for messages and the listener, e.g. "Opening the Octopus Server database"
     */
    public <T> T call(String description, Supplier<T> attempt) {
        return loop.call(description, attempt);
    }

    /** {@link #call} for work without a result. */
    public void run(String description, Runnable attempt) {
        Objects.requireNonNull(attempt, "attempt");
        call(description, () -> {
            attempt.run();
            return null;
        });
    }

    /** The exception the caller gets when retrying stops: still "unavailable", saying how long and how often. */
    private record GiveUp(Duration budget)
            implements RetryLoop.GiveUp<StorageUnavailableException, StorageUnavailableException> {

        @Override
        public StorageUnavailableException exhausted(String description, int attempts, Duration elapsed,
                StorageUnavailableException last) {
            return gaveUp(description, attempts, last, "the database stayed unavailable for " + budget);
        }

        @Override
        public StorageUnavailableException interrupted(String description, int attempts, Duration wait,
                StorageUnavailableException last, InterruptedException interruption) {
            return gaveUp(description, attempts, last, "the thread was interrupted while waiting");
        }

        private static StorageUnavailableException gaveUp(String description, int failures,
                StorageUnavailableException last, String why) {
            return new StorageUnavailableException(description + " gave up after " + failures + " attempt(s): " + why
                    + ". Last error: " + last.getMessage(), last.databaseUrl(), last);
        }
    }

    /**
     * Reports the loop's events to a {@link StorageRetryListener}, which counts failed attempts. A failure that is not
     * unavailability is not reported: the listener only hears about the database being down.
     */
    private record ListenerEvents(StorageRetryListener listener)
            implements RetryLoop.Events<StorageUnavailableException, StorageUnavailableException> {

        @Override
        public void attemptFailed(String description, int attempt, StorageUnavailableException failure, Duration wait) {
            listener.waiting(description, attempt, wait, failure);
        }

        @Override
        public void succeededAfterRetry(String description, int attempts, Duration elapsed) {
            listener.recovered(description, attempts - 1);
        }

        @Override
        public void gaveUp(String description, int attempts, Duration elapsed, StorageUnavailableException thrown) {
            listener.gaveUp(description, attempts, thrown);
        }
    }

    /** Builds a {@link StorageRetry}; tests inject time, sleeping and randomness. */
    public static final class Builder {
        private final Duration budget;
        private Backoff backoff = DEFAULT_BACKOFF;
        private InstantSource clock = new MonotonicClock();
        private Sleeper sleeper = Sleeper.threadSleep();
        private RandomGenerator random = ThreadLocalRandom.current();
        private StorageRetryListener listener = StorageRetryListener.logging();

        private Builder(Duration budget) {
            Objects.requireNonNull(budget, "budget");
            if (budget.isNegative() || budget.compareTo(LONGEST_BUDGET) > 0) {
                throw new IllegalArgumentException("A storage retry budget must be between zero (one attempt) and "
                        + LONGEST_BUDGET + ", was " + budget);
            }
            this.budget = budget;
        }

        public Builder backoff(Backoff newBackoff) {
            this.backoff = Objects.requireNonNull(newBackoff, "backoff");
            return this;
        }

        public Builder clock(InstantSource newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper newSleeper) {
            this.sleeper = Objects.requireNonNull(newSleeper, "sleeper");
            return this;
        }

        public Builder random(RandomGenerator newRandom) {
            this.random = Objects.requireNonNull(newRandom, "random");
            return this;
        }

        public Builder listener(StorageRetryListener newListener) {
            this.listener = Objects.requireNonNull(newListener, "listener");
            return this;
        }

        public StorageRetry build() {
            return new StorageRetry(this);
        }
    }

    /** Instants from {@link System#nanoTime()}: meaningless as dates, immune to the wall clock being stepped. */
    private static final class MonotonicClock implements InstantSource {
        private final long originNanos = System.nanoTime();

        @Override
        public Instant instant() {
            return Instant.EPOCH.plusNanos(System.nanoTime() - originNanos);
        }
    }
}
