package dev.tentacle.comms.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * When and for how long a comms call is retried after a network failure. Immutable; change it with the
 * {@code with...} methods.
 *
 * <p>{@code totalDuration} includes the first attempt, as in Octopus's machine policy: with the default of 2 min 30 s,
 * if the first attempt fails after 15 s, retries continue for 2 min 15 s more.
 *
 * <p>The default backoff of 1 s to 10 s (see {@link #DEFAULT_BACKOFF}) recovers from a blip within a second or two,
 * and during a long outage still probes about every 5.5 s on average (never more than 10 s apart), so a call notices
 * the network is back well inside the 2 min 30 s budget without hammering the peer. It matches the range Octopus
 * Server's own retry handler waits (1 s growing to 10 s).
 *
 * @param enabled false to fail on the first error, as the machine policy's "retries off" switch
 * @param totalDuration the budget for all attempts and waits together, first attempt included; positive and at most
 *     {@link #LONGEST_TOTAL_DURATION}
 * @param backoff the wait between attempts
 */
public record RetryPolicy(boolean enabled, Duration totalDuration, Backoff backoff) {

    public static final Duration DEFAULT_TOTAL_DURATION = Duration.ofSeconds(150);
    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
    /** Longest permitted {@link #totalDuration()}: a call that retries for more than a day hides an outage. */
    public static final Duration LONGEST_TOTAL_DURATION = Duration.ofDays(1);

    public RetryPolicy {
        Objects.requireNonNull(totalDuration, "totalDuration");
        Objects.requireNonNull(backoff, "backoff");
        if (totalDuration.isNegative() || totalDuration.isZero()) {
            throw new IllegalArgumentException("Retry totalDuration must be a positive duration, was " + totalDuration
                    + "; to turn retries off use RetryPolicy.disabled() rather than a zero duration");
        }
        if (totalDuration.compareTo(LONGEST_TOTAL_DURATION) > 0) {
            throw new IllegalArgumentException("Retry totalDuration must be at most " + LONGEST_TOTAL_DURATION + ", was "
                    + totalDuration + "; choose a shorter retry duration in the machine policy");
        }
    }

    /** Retries on, 2 min 30 s in total, 1 s to 10 s between attempts. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(true, DEFAULT_TOTAL_DURATION, DEFAULT_BACKOFF);
    }

    /** Retries off: every call makes exactly one attempt. */
    public static RetryPolicy disabled() {
        return defaults().withEnabled(false);
    }

    /** Retries on for {@code totalDuration} in total (first attempt included), with the default backoff. */
    public static RetryPolicy ofDuration(Duration totalDuration) {
        return defaults().withTotalDuration(totalDuration);
    }

    public RetryPolicy withEnabled(boolean newEnabled) {
        return new RetryPolicy(newEnabled, totalDuration, backoff);
    }

    public RetryPolicy withTotalDuration(Duration newTotalDuration) {
        return new RetryPolicy(enabled, newTotalDuration, backoff);
    }

    public RetryPolicy withBackoff(Backoff newBackoff) {
        return new RetryPolicy(enabled, totalDuration, newBackoff);
    }
}
