package dev.tentacle.comms.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter above a floor.
 *
 * <p>The wait after {@code attempt} consecutive failures is drawn uniformly from
 * {@code [minimum, cap(attempt)]}, where {@code cap(attempt) = min(maximum, minimum × 2^attempt)}. So with the
 * polling reconnect default of 5 s to 2 min the first wait (attempt 1) lies in [5 s, 10 s], the second in
 * [5 s, 20 s], then [5 s, 40 s], [5 s, 80 s], and from the fifth on in [5 s, 2 min]. Attempt 0 (nothing has
 * failed yet) gives exactly {@code minimum}.
 *
 * <p>Why a floor rather than classic full jitter over {@code [0, cap]}: {@code minimum} is what a user configures
 * as "wait at least this long", and a zero wait would hammer a peer that has just refused us. Jitter still spreads
 * a crowd: a thousand Tentacles that lose their server at once reconnect spread over 5 s, then over 15 s, and so on,
 * rather than in lockstep. When {@code minimum} equals {@code maximum} the wait is fixed.
 *
 * @param minimum the shortest wait and the base of the exponential growth; positive
 * @param maximum the longest wait; at least {@code minimum} and at most {@link #LONGEST_MAXIMUM}
 */
public record Backoff(Duration minimum, Duration maximum) {

    /** Longest permitted {@link #maximum()}: a wait longer than a day is a schedule, not a backoff. */
    public static final Duration LONGEST_MAXIMUM = Duration.ofDays(1);

    public Backoff {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (minimum.isNegative() || minimum.isZero()) {
            throw new IllegalArgumentException("Backoff minimum must be a positive duration, was " + minimum
                    + "; a zero minimum cannot grow exponentially, use a small value such as 100 ms instead");
        }
        if (maximum.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("Backoff maximum (" + maximum + ") is shorter than its minimum ("
                    + minimum + "); set the maximum to at least the minimum");
        }
        if (maximum.compareTo(LONGEST_MAXIMUM) > 0) {
            throw new IllegalArgumentException("Backoff maximum must be at most " + LONGEST_MAXIMUM + ", was " + maximum);
        }
    }

    /**
     * The upper bound of the wait after {@code attempt} consecutive failures: {@code min(maximum, minimum × 2^attempt)},
     * computed without overflow for any attempt count.
     *
     * @param attempt consecutive failures so far, zero or more
     */
    public Duration cap(int attempt) {
        return Duration.ofNanos(capNanos(attempt));
    }

    /**
     * A random wait in {@code [minimum, cap(attempt)]}, both ends included.
     *
     * @param attempt consecutive failures so far: 1 for the wait after the first failure
     * @param random the source of jitter; each caller may pass its own (see {@link RandomGenerator})
     */
    public Duration delay(int attempt, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        long floor = minimum.toNanos();
        long cap = capNanos(attempt);
        if (cap == floor) {
            return minimum;
        }
        // cap is at most one day in nanoseconds, so cap + 1 cannot overflow.
        return Duration.ofNanos(random.nextLong(floor, cap + 1));
    }

    private long capNanos(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt counts consecutive failures and cannot be negative, was " + attempt);
        }
        long floor = minimum.toNanos();
        long ceiling = maximum.toNanos();
        // floor << attempt stays within ceiling exactly when floor <= ceiling >> attempt; Long.SIZE - 1 shifts
        // already exceed any positive long.
        if (attempt >= Long.SIZE - 1 || floor > (ceiling >> attempt)) {
            return ceiling;
        }
        return floor << attempt;
    }
}
