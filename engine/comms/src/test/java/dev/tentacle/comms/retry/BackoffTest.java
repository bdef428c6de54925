package dev.tentacle.comms.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff pollingReconnect = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(2));

    @Test
    void capDoublesFromTheMinimumUntilItReachesTheMaximum() {
        assertThat(pollingReconnect.cap(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(pollingReconnect.cap(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(pollingReconnect.cap(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(pollingReconnect.cap(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(pollingReconnect.cap(5)).isEqualTo(Duration.ofMinutes(2));
        assertThat(pollingReconnect.cap(6)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void capOfHugeAttemptCountsIsTheMaximumWithoutOverflow() {
        assertThat(pollingReconnect.cap(62)).isEqualTo(Duration.ofMinutes(2));
        assertThat(pollingReconnect.cap(63)).isEqualTo(Duration.ofMinutes(2));
        assertThat(pollingReconnect.cap(64)).isEqualTo(Duration.ofMinutes(2));
        assertThat(pollingReconnect.cap(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(2));
        Backoff oneNanosecondToADay = new Backoff(Duration.ofNanos(1), Backoff.LONGEST_MAXIMUM);
        assertThat(oneNanosecondToADay.cap(46)).isEqualTo(Duration.ofNanos(1L << 46));
        assertThat(oneNanosecondToADay.cap(47)).isEqualTo(Backoff.LONGEST_MAXIMUM);
    }

    @Test
    void delayRangesFromTheMinimumToTheCapInclusive() {
        assertThat(pollingReconnect.delay(1, ExtremeRandom.LOWEST)).isEqualTo(Duration.ofSeconds(5));
        assertThat(pollingReconnect.delay(1, ExtremeRandom.HIGHEST)).isEqualTo(Duration.ofSeconds(10));
        assertThat(pollingReconnect.delay(3, ExtremeRandom.HIGHEST)).isEqualTo(Duration.ofSeconds(40));
        assertThat(pollingReconnect.delay(1_000, ExtremeRandom.HIGHEST)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void attemptZeroWaitsExactlyTheMinimum() {
        assertThat(pollingReconnect.delay(0, ExtremeRandom.HIGHEST)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void equalMinimumAndMaximumGiveAFixedDelay() {
        Backoff fixed = new Backoff(Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(fixed.delay(1, ExtremeRandom.LOWEST)).isEqualTo(Duration.ofSeconds(3));
        assertThat(fixed.delay(7, ExtremeRandom.HIGHEST)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void jitterSpreadsDelaysAcrossTheRange() {
        SplittableRandom random = new SplittableRandom(42);
        long distinctSeconds = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> pollingReconnect.delay(5, random).toSeconds())
                .distinct()
                .count();
        assertThat(distinctSeconds).as("distinct whole seconds among 200 delays in [5 s, 120 s]").isGreaterThan(50);
    }

    @Test
    void rejectsANegativeAttempt() {
        assertThatThrownBy(() -> pollingReconnect.delay(-1, ExtremeRandom.LOWEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempt counts consecutive failures and cannot be negative, was -1");
    }

    @Test
    void rejectsAZeroMinimumAndSaysWhatToUseInstead() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Backoff minimum must be a positive duration, was PT0S; a zero minimum cannot grow"
                        + " exponentially, use a small value such as 100 ms instead");
    }

    @Test
    void rejectsAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Backoff maximum (PT4S) is shorter than its minimum (PT5S); set the maximum to at least the minimum");
    }

    @Test
    void rejectsAMaximumLongerThanADay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Backoff maximum must be at most PT24H, was PT48H");
    }

    @Test
    void rejectsMissingValues() {
        assertThatThrownBy(() -> new Backoff(null, Duration.ofSeconds(1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("minimum");
        assertThatThrownBy(() -> pollingReconnect.delay(1, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("random");
    }
}
