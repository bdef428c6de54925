package dev.tentacle.comms.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class BackoffPropertyTest {

    @Property
    void delayIsAlwaysBetweenTheMinimumAndTheCap(@ForAll("backoffs") Backoff backoff,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int attempt, @ForAll long seed) {
        Duration delay = backoff.delay(attempt, new SplittableRandom(seed));

        assertThat(delay).isBetween(backoff.minimum(), backoff.cap(attempt));
        assertThat(delay).isLessThanOrEqualTo(backoff.maximum());
    }

    @Property
    void extremeRandomnessStillStaysWithinBounds(@ForAll("backoffs") Backoff backoff,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int attempt) {
        assertThat(backoff.delay(attempt, ExtremeRandom.LOWEST)).isEqualTo(backoff.minimum());
        assertThat(backoff.delay(attempt, ExtremeRandom.HIGHEST)).isEqualTo(backoff.cap(attempt));
    }

    @Property
    void capsNeverDecreaseAsAttemptsGrow(@ForAll("backoffs") Backoff backoff,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int attempt) {
        assertThat(backoff.cap(attempt + 1)).isGreaterThanOrEqualTo(backoff.cap(attempt));
    }

    @Property
    void capIsExactlyTheMinimumDoubledUntilClampedToTheMaximum(@ForAll("backoffs") Backoff backoff,
            @ForAll @IntRange(min = 0, max = 200) int attempt) {
        // BigInteger arithmetic as an independent, overflow-free reference.
        java.math.BigInteger doubled = java.math.BigInteger.valueOf(backoff.minimum().toNanos()).shiftLeft(attempt);
        java.math.BigInteger expected = doubled.min(java.math.BigInteger.valueOf(backoff.maximum().toNanos()));

        assertThat(backoff.cap(attempt).toNanos()).isEqualTo(expected.longValueExact());
    }

    @Property
    void capNeverOverflowsAndReachesTheMaximum(@ForAll("backoffs") Backoff backoff,
            @ForAll @IntRange(min = 63, max = Integer.MAX_VALUE) int hugeAttempt) {
        assertThat(backoff.cap(hugeAttempt)).isEqualTo(backoff.maximum());
    }

    @Provide
    Arbitrary<Backoff> backoffs() {
        Arbitrary<Long> nanos = Arbitraries.longs().between(1, Backoff.LONGEST_MAXIMUM.toNanos());
        return Combinators.combine(nanos, nanos).as((a, b) ->
                new Backoff(Duration.ofNanos(Math.min(a, b)), Duration.ofNanos(Math.max(a, b))));
    }
}
