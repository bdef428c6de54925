package dev.tentacle.comms.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The deadline rule for any policy, jitter and attempt durations, with every attempt failing on the network. */
class RetryingCallerPropertyTest {

    @Property(tries = 300)
    void noAttemptStartsAfterTheDeadlineAndTheCallStopsOnlyOnceItIsReached(@ForAll("policies") RetryPolicy policy,
            @ForAll @Size(min = 1, max = 5) List<@LongRange(min = 0, max = 20_000) Long> attemptMillis,
            @ForAll long seed) {
        FakeClock clock = new FakeClock();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        ScriptedAttempt attempt = new ScriptedAttempt(clock);
        attemptMillis.forEach(millis -> attempt.fails(ErrorCode.CONNECTION_LOST, Duration.ofMillis(millis)));
        RetryingCaller caller = RetryingCaller.builder(policy)
                .clock(clock).sleeper(sleeper).random(new SplittableRandom(seed)).build();

        CommsException thrown = catchThrowableOfType(CommsException.class, () -> caller.call("call", true, attempt));

        Duration deadline = policy.totalDuration();
        assertThat(attempt.startOffsets()).allSatisfy(start -> assertThat(start).isLessThanOrEqualTo(deadline));
        assertThat(clock.elapsed()).isGreaterThanOrEqualTo(deadline);
        assertThat(thrown.code()).isEqualTo(ErrorCode.CONNECTION_LOST);
        assertThat(thrown).hasMessageStartingWith("call failed after " + attempt.attempts() + " attempt");
        assertThat(sleeper.sleeps()).hasSize(attempt.attempts() - 1);
        for (int i = 0; i < sleeper.sleeps().size(); i++) {
            Duration sleep = sleeper.sleeps().get(i);
            assertThat(sleep).isPositive().isLessThanOrEqualTo(policy.backoff().cap(i + 1));
        }
    }

    @Provide
    Arbitrary<RetryPolicy> policies() {
        Arbitrary<Duration> total = Arbitraries.longs().between(1, 300_000).map(Duration::ofMillis);
        Arbitrary<Long> backoffMillis = Arbitraries.longs().between(100, 30_000);
        Arbitrary<Backoff> backoff = Combinators.combine(backoffMillis, backoffMillis).as((a, b) ->
                new Backoff(Duration.ofMillis(Math.min(a, b)), Duration.ofMillis(Math.max(a, b))));
        return Combinators.combine(total, backoff).as((duration, wait) -> RetryPolicy.ofDuration(duration).withBackoff(wait));
    }
}
