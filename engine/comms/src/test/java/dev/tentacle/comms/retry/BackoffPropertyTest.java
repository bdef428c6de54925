package dev.tentacle.comms.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link Backoff} checked over many generated cases. Generation is seeded, so a failure
 * reproduces; the case's seed is in the test's display name.
 */
class BackoffPropertyTest {

    record Case(long seed, Backoff backoff, int attempt) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + backoff + " attempt " + attempt;
        }
    }

    static Stream<Case> cases() {
        return IntStream.range(0, 500).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            long a = random.nextLong(1, Backoff.LONGEST_MAXIMUM.toNanos() + 1);
            long b = random.nextLong(1, Backoff.LONGEST_MAXIMUM.toNanos() + 1);
            Backoff backoff = new Backoff(Duration.ofNanos(Math.min(a, b)), Duration.ofNanos(Math.max(a, b)));
            int attempt = switch (seed % 3) {
                case 0 -> random.nextInt(0, 64);
                case 1 -> random.nextInt(0, Integer.MAX_VALUE);
                default -> Integer.MAX_VALUE - random.nextInt(0, 2);
            };
            return new Case(seed, backoff, attempt);
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void delayIsAlwaysBetweenTheMinimumAndTheCap(Case c) {
        Duration delay = c.backoff().delay(c.attempt(), new SplittableRandom(c.seed()));

        assertThat(delay).isBetween(c.backoff().minimum(), c.backoff().cap(c.attempt()));
        assertThat(delay).isLessThanOrEqualTo(c.backoff().maximum());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void extremeRandomnessStillStaysWithinBounds(Case c) {
        assertThat(c.backoff().delay(c.attempt(), ExtremeRandom.LOWEST)).isEqualTo(c.backoff().minimum());
        assertThat(c.backoff().delay(c.attempt(), ExtremeRandom.HIGHEST)).isEqualTo(c.backoff().cap(c.attempt()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void capsNeverDecreaseAsAttemptsGrow(Case c) {
        int attempt = Math.min(c.attempt(), Integer.MAX_VALUE - 1);
        assertThat(c.backoff().cap(attempt + 1)).isGreaterThanOrEqualTo(c.backoff().cap(attempt));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void capIsExactlyTheMinimumDoubledUntilClampedToTheMaximum(Case c) {
        int attempt = c.attempt() % 201;
        // BigInteger arithmetic as an independent, overflow-free reference.
        BigInteger doubled = BigInteger.valueOf(c.backoff().minimum().toNanos()).shiftLeft(attempt);
        BigInteger expected = doubled.min(BigInteger.valueOf(c.backoff().maximum().toNanos()));

        assertThat(c.backoff().cap(attempt).toNanos()).isEqualTo(expected.longValueExact());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void capNeverOverflowsAndReachesTheMaximum(Case c) {
        int hugeAttempt = Math.max(63, c.attempt());
        assertThat(c.backoff().cap(hugeAttempt)).isEqualTo(c.backoff().maximum());
    }
}
