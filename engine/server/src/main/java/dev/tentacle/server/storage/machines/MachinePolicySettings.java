package dev.tentacle.server.storage.machines;

import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.server.storage.internal.Names;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a machine policy says: how often its machines are health-checked and whether, and for how long, calls to them
 * are retried after a network failure. Durations are kept to the millisecond.
 *
 * @param name unique among policies, compared case-insensitively
 * @param healthCheckInterval time between scheduled health checks, 1 minute to 31 days
 * @param rpcRetryEnabled false to fail a call on its first network error
 * @param rpcRetryDuration how long a call keeps retrying, first attempt included (Octopus's default 2 min 30 s); up to
 *     {@link RetryPolicy#LONGEST_TOTAL_DURATION}
 */
public record MachinePolicySettings(
        String name, Duration healthCheckInterval, boolean rpcRetryEnabled, Duration rpcRetryDuration) {

    public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofHours(1);
    public static final Duration SHORTEST_HEALTH_CHECK_INTERVAL = Duration.ofMinutes(1);
    public static final Duration LONGEST_HEALTH_CHECK_INTERVAL = Duration.ofDays(31);

    public MachinePolicySettings {
        name = Names.require(name, "machine policy name");
        Objects.requireNonNull(healthCheckInterval, "healthCheckInterval");
        Objects.requireNonNull(rpcRetryDuration, "rpcRetryDuration");
        healthCheckInterval = healthCheckInterval.truncatedTo(ChronoUnit.MILLIS);
        rpcRetryDuration = rpcRetryDuration.truncatedTo(ChronoUnit.MILLIS);
        if (healthCheckInterval.compareTo(SHORTEST_HEALTH_CHECK_INTERVAL) < 0
                || healthCheckInterval.compareTo(LONGEST_HEALTH_CHECK_INTERVAL) > 0) {
            throw new IllegalArgumentException("The health check interval of machine policy '" + name
                    + "' must be between 1 minute and 31 days, was " + healthCheckInterval);
        }
        if (rpcRetryDuration.isNegative() || rpcRetryDuration.isZero()
                || rpcRetryDuration.compareTo(RetryPolicy.LONGEST_TOTAL_DURATION) > 0) {
            throw new IllegalArgumentException("The RPC retry duration of machine policy '" + name
                    + "' must be positive and at most " + RetryPolicy.LONGEST_TOTAL_DURATION + ", was " + rpcRetryDuration
                    + "; to stop retrying, switch retries off instead");
        }
    }

    /** Octopus's defaults under a new name: health check every hour, retries on for 2 min 30 s. */
    public static MachinePolicySettings defaults(String name) {
        return new MachinePolicySettings(name, DEFAULT_HEALTH_CHECK_INTERVAL, true, RetryPolicy.DEFAULT_TOTAL_DURATION);
    }

    public MachinePolicySettings withName(String newName) {
        return new MachinePolicySettings(newName, healthCheckInterval, rpcRetryEnabled, rpcRetryDuration);
    }

    public MachinePolicySettings withHealthCheckInterval(Duration newInterval) {
        return new MachinePolicySettings(name, newInterval, rpcRetryEnabled, rpcRetryDuration);
    }

    public MachinePolicySettings withRpcRetryEnabled(boolean newEnabled) {
        return new MachinePolicySettings(name, healthCheckInterval, newEnabled, rpcRetryDuration);
    }

    public MachinePolicySettings withRpcRetryDuration(Duration newDuration) {
        return new MachinePolicySettings(name, healthCheckInterval, rpcRetryEnabled, newDuration);
    }
}
