package dev.tentacle.comms.retry;

import static dev.tentacle.comms.ErrorCode.CANCELLED;
import static dev.tentacle.comms.ErrorCode.CONNECTION_LOST;
import static dev.tentacle.comms.ErrorCode.CONNECTION_REFUSED;
import static dev.tentacle.comms.ErrorCode.SERVICE_FAILED;
import static dev.tentacle.comms.ErrorCode.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs on fake time: attempts and waits advance a {@link FakeClock}, nothing sleeps. Backoff jitter is pinned to the
 * cap ({@link ExtremeRandom#HIGHEST}), so with the default 1 s to 10 s backoff the waits are 2 s, 4 s, 8 s, then 10 s.
 */
class RetryingCallerTest {

    private static final String CALL = "ScriptService.getStatus on web01";

    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RecordingListener listener = new RecordingListener();
    private final ScriptedAttempt attempt = new ScriptedAttempt(clock);

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    private RetryingCaller caller(RetryPolicy policy) {
        return RetryingCaller.builder(policy)
                .clock(clock)
                .sleeper(sleeper)
                .random(ExtremeRandom.HIGHEST)
                .listener(listener)
                .build();
    }

    @Test
    void succeedsOnTheFirstAttemptWithoutWaiting() {
        attempt.succeeds("ok");

        String result = caller(RetryPolicy.defaults()).call(CALL, true, attempt);

        assertThat(result).isEqualTo("ok");
        assertThat(attempt.attempts()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void retriesTwoNetworkFailuresThenReturnsTheResult() {
        attempt.fails(CONNECTION_REFUSED).fails(CONNECTION_LOST).succeeds("ok");

        String result = caller(RetryPolicy.defaults()).call(CALL, true, attempt);

        assertThat(result).isEqualTo("ok");
        assertThat(attempt.attempts()).isEqualTo(3);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"UNTRUSTED_PEER", "SERVICE_FAILED", "CANCELLED", "PROTOCOL_ERROR"})
    void neverRetriesAFailureThatIsNotANetworkFailure(ErrorCode code) {
        attempt.fails(code).succeeds("never reached");

        CommsException thrown = catchThrowableOfType(CommsException.class,
                () -> caller(RetryPolicy.defaults()).call(CALL, true, attempt));

        assertThat(thrown.code()).isEqualTo(code);
        assertThat(thrown).hasMessage("attempt 1 failed with " + code);
        assertThat(attempt.attempts()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void neverRetriesANonIdempotentCall() {
        attempt.fails(CONNECTION_LOST).succeeds("never reached");

        assertThatThrownBy(() -> caller(RetryPolicy.defaults()).call(CALL, false, attempt))
                .isInstanceOf(CommsException.class)
                .hasMessage("attempt 1 failed with CONNECTION_LOST");
        assertThat(attempt.attempts()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void neverRetriesWhenThePolicyIsDisabled() {
        attempt.fails(CONNECTION_LOST).succeeds("never reached");

        assertThatThrownBy(() -> caller(RetryPolicy.disabled()).call(CALL, true, attempt))
                .isInstanceOf(CommsException.class)
                .hasMessage("attempt 1 failed with CONNECTION_LOST");
        assertThat(attempt.attempts()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void theTotalDurationIncludesTheFirstAttempt() {
        attempt.fails(TIMEOUT, Duration.ofSeconds(15)).fails(CONNECTION_REFUSED);

        assertThatThrownBy(() -> caller(RetryPolicy.defaults()).call(CALL, true, attempt))
                .isInstanceOf(CommsException.class);

        assertThat(sleeper.total()).isEqualTo(Duration.ofMinutes(2).plusSeconds(15));
        assertThat(attempt.startOffsets()).last().isEqualTo(Duration.ofSeconds(150));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void shortensTheLastWaitToEndExactlyAtTheDeadlineAndMakesOneLastAttemptThere() {
        attempt.fails(CONNECTION_REFUSED);

        assertThatThrownBy(() -> caller(RetryPolicy.ofDuration(Duration.ofSeconds(10))).call(CALL, true, attempt))
                .isInstanceOf(CommsException.class);

        // Waits would be 2 s, 4 s, 8 s; the third is cut to the 4 s left before the deadline.
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4));
        assertThat(attempt.startOffsets()).containsExactly(
                Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(10));
    }

    @Test
    void anAttemptThatRunsPastTheDeadlineIsTheLast() {
        attempt.fails(CONNECTION_REFUSED).fails(TIMEOUT, Duration.ofSeconds(60));

        CommsException thrown = catchThrowableOfType(CommsException.class,
                () -> caller(RetryPolicy.ofDuration(Duration.ofSeconds(30))).call(CALL, true, attempt));

        assertThat(attempt.attempts()).isEqualTo(2);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(thrown.code()).isEqualTo(TIMEOUT);
        assertThat(thrown).hasMessageStartingWith(CALL + " failed after 2 attempts over 1m2s;");
    }

    @Test
    void aFirstAttemptThatUsesTheWholeBudgetIsNotRetried() {
        attempt.fails(TIMEOUT, Duration.ofMinutes(3)).succeeds("never reached");

        CommsException thrown = catchThrowableOfType(CommsException.class,
                () -> caller(RetryPolicy.defaults()).call(CALL, true, attempt));

        assertThat(attempt.attempts()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(thrown).hasMessageStartingWith(CALL + " failed after 1 attempt over 3m;");
    }

    @Test
    void exhaustionNamesTheAttemptsTheTimeTheLastErrorAndWhatToConfigure() {
        attempt.fails(CONNECTION_REFUSED).fails(CONNECTION_LOST, Duration.ofSeconds(1));

        CommsException thrown = catchThrowableOfType(CommsException.class,
                () -> caller(RetryPolicy.defaults()).call(CALL, true, attempt));

        // Attempts start at 0, 2, 7, 16, 27, 38, ... 137, 148; the wait after the one at 148 s is cut from 10 s to the
        // 1 s left, so the last attempt starts exactly at the 150 s deadline and fails at 151 s.
        assertThat(attempt.attempts()).isEqualTo(17);
        assertThat(attempt.startOffsets()).startsWith(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(7),
                Duration.ofSeconds(16), Duration.ofSeconds(27)).endsWith(Duration.ofSeconds(148), Duration.ofSeconds(150));
        assertThat(sleeper.sleeps()).last().isEqualTo(Duration.ofSeconds(1));
        assertThat(thrown.code()).isEqualTo(CONNECTION_LOST);
        assertThat(thrown).hasMessage(CALL + " failed after 17 attempts over 2m31s;"
                + " last error: CONNECTION_LOST: attempt 2 failed with CONNECTION_LOST;"
                + " retries stop after the policy's 2m30s (configure the machine policy's retry duration)");
        assertThat(thrown.getCause()).isInstanceOf(CommsException.class).hasMessage("attempt 2 failed with CONNECTION_LOST");
    }

    @Test
    void aNonNetworkFailureAfterRetriesIsRethrownUnchanged() {
        CommsException serviceFailure = new CommsException(SERVICE_FAILED, "script exited with code 1");
        attempt.fails(CONNECTION_LOST).failsWith(serviceFailure, Duration.ZERO);

        assertThatThrownBy(() -> caller(RetryPolicy.defaults()).call(CALL, true, attempt)).isSameAs(serviceFailure);
        assertThat(attempt.attempts()).isEqualTo(2);
    }

    @Test
    void anExceptionOutsideTheCommsStackIsNeverRetried() {
        IllegalArgumentException bug = new IllegalArgumentException("ticket must not be blank");
        attempt.failsWith(bug, Duration.ZERO);

        assertThatThrownBy(() -> caller(RetryPolicy.defaults()).call(CALL, true, attempt)).isSameAs(bug);
        assertThat(attempt.attempts()).isEqualTo(1);
    }

    @Test
    void aCheckedExceptionFromTheAttemptIsReportedAsAContractViolation() {
        IOException io = new IOException("Broken pipe");
        attempt.failsWith(io, Duration.ZERO);

        assertThatThrownBy(() -> caller(RetryPolicy.defaults()).call(CALL, true, attempt))
                .isInstanceOf(IllegalStateException.class)
                .hasCause(io)
                .hasMessage(CALL + " threw the checked exception java.io.IOException: Broken pipe; a comms attempt must"
                        + " report failures as CommsException with an ErrorCode so they can be classified");
        assertThat(attempt.attempts()).isEqualTo(1);
    }

    @Test
    void interruptionDuringTheWaitCancelsTheCallAndKeepsTheInterruptFlag() {
        attempt.fails(CONNECTION_REFUSED).succeeds("never reached");
        RetryingCaller interruptedCaller = RetryingCaller.builder(RetryPolicy.defaults())
                .clock(clock)
                .sleeper(duration -> {
                    throw new InterruptedException("shutting down");
                })
                .random(ExtremeRandom.HIGHEST)
                .listener(listener)
                .build();

        CommsException thrown = catchThrowableOfType(CommsException.class,
                () -> interruptedCaller.call(CALL, true, attempt));

        assertThat(thrown.code()).isEqualTo(CANCELLED);
        assertThat(thrown).hasMessage(CALL + " was cancelled: the thread was interrupted while waiting 2s to retry after"
                + " attempt 1 failed; last error: CONNECTION_REFUSED: attempt 1 failed with CONNECTION_REFUSED");
        assertThat(thrown.getCause()).hasMessage("attempt 1 failed with CONNECTION_REFUSED");
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(attempt.attempts()).isEqualTo(1);
        assertThat(listener.events()).containsExactly(
                "attemptFailed " + CALL + " #1 CONNECTION_REFUSED next PT2S",
                "gaveUp " + CALL + " after 1 in PT0S CANCELLED");
    }

    @Test
    void interruptionDuringAnAttemptCancelsTheCallWithoutRetrying() {
        attempt.failsWith(new InterruptedException(), Duration.ZERO).succeeds("never reached");

        CommsException thrown = catchThrowableOfType(CommsException.class,
                () -> caller(RetryPolicy.defaults()).call(CALL, true, attempt));

        assertThat(thrown.code()).isEqualTo(CANCELLED);
        assertThat(thrown).hasMessage(CALL + " was cancelled: the thread was interrupted during the attempt");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(attempt.attempts()).isEqualTo(1);
    }

    @Test
    void listenerHearsEachFailureThenTheSuccessInOrder() {
        attempt.fails(CONNECTION_REFUSED, Duration.ofSeconds(1)).fails(TIMEOUT, Duration.ofSeconds(1)).succeeds("ok");

        caller(RetryPolicy.defaults()).call(CALL, true, attempt);

        assertThat(listener.events()).containsExactly(
                "attemptFailed " + CALL + " #1 CONNECTION_REFUSED next PT2S",
                "attemptFailed " + CALL + " #2 TIMEOUT next PT4S",
                "succeededAfterRetry " + CALL + " after 3 in PT8S");
    }

    @Test
    void listenerHearsEachFailureThenGivingUpInOrder() {
        attempt.fails(CONNECTION_REFUSED);

        assertThatThrownBy(() -> caller(RetryPolicy.ofDuration(Duration.ofSeconds(10))).call(CALL, true, attempt))
                .isInstanceOf(CommsException.class);

        assertThat(listener.events()).containsExactly(
                "attemptFailed " + CALL + " #1 CONNECTION_REFUSED next PT2S",
                "attemptFailed " + CALL + " #2 CONNECTION_REFUSED next PT4S",
                "attemptFailed " + CALL + " #3 CONNECTION_REFUSED next PT4S",
                "gaveUp " + CALL + " after 4 in PT10S CONNECTION_REFUSED");
    }

    @Test
    void listenerHearsGivingUpWhenARetriedCallFailsForAnotherReason() {
        attempt.fails(CONNECTION_LOST).fails(SERVICE_FAILED);

        assertThatThrownBy(() -> caller(RetryPolicy.defaults()).call(CALL, true, attempt))
                .isInstanceOf(CommsException.class);

        assertThat(listener.events()).containsExactly(
                "attemptFailed " + CALL + " #1 CONNECTION_LOST next PT2S",
                "gaveUp " + CALL + " after 2 in PT2S SERVICE_FAILED");
    }

    @Test
    void theProductionCallerNeedsOnlyAPolicy() {
        RetryingCaller production = RetryingCaller.create(RetryPolicy.disabled());

        assertThat(production.policy()).isEqualTo(RetryPolicy.disabled());
        assertThat(production.call(CALL, true, () -> List.of("ok"))).containsExactly("ok");
    }
}
