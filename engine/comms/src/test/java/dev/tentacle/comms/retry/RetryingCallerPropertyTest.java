package dev.tentacle.comms.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deadline rule for many generated policies, jitters and attempt durations, with every attempt failing on the
 * network. Seeded generation: the seed in the display name reproduces a case.
 */
class RetryingCallerPropertyTest {

    record Case(long seed, RetryPolicy policy, long[] attemptMillis) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + policy + ", attempts " + java.util.Arrays.toString(attemptMillis);
        }
    }

    static Stream<Case> cases() {
        return IntStream.range(0, 300).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            long total = random.nextLong(1, 300_001);
            long a = random.nextLong(100, 30_001);
            long b = random.nextLong(100, 30_001);
            RetryPolicy policy = RetryPolicy.ofDuration(Duration.ofMillis(total))
                    .withBackoff(new Backoff(Duration.ofMillis(Math.min(a, b)), Duration.ofMillis(Math.max(a, b))));
            long[] attempts = random.longs(random.nextInt(1, 6), 0, 20_001).toArray();
            return new Case(seed, policy, attempts);
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void noAttemptStartsAfterTheDeadlineAndTheCallStopsOnlyOnceItIsReached(Case c) {
        FakeClock clock = new FakeClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        ScriptedAttempt attempt = new ScriptedAttempt(clock);
        for (long millis : c.attemptMillis()) {
            attempt.fails(ErrorCode.CONNECTION_LOST, Duration.ofMillis(millis));
        }
        RetryingCaller caller = RetryingCaller.builder(c.policy())
                .clock(clock).sleeper(sleeper).random(new SplittableRandom(c.seed())).build();

        CommsException thrown = catchThrowableOfType(CommsException.class, () -> caller.call("call", true, attempt));

        Duration deadline = c.policy().totalDuration();
        assertThat(attempt.startOffsets()).allSatisfy(start -> assertThat(start).isLessThanOrEqualTo(deadline));
        assertThat(clock.elapsed()).isGreaterThanOrEqualTo(deadline);
        assertThat(thrown.code()).isEqualTo(ErrorCode.CONNECTION_LOST);
        assertThat(thrown).hasMessageStartingWith("call failed after " + attempt.attempts() + " attempt");
        assertThat(sleeper.sleeps()).hasSize(attempt.attempts() - 1);
        for (int i = 0; i < sleeper.sleeps().size(); i++) {
            Duration sleep = sleeper.sleeps().get(i);
            assertThat(sleep).isPositive().isLessThanOrEqualTo(c.policy().backoff().cap(i + 1));
        }
    }
}
