package dev.tentacle.comms.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared loop with a failure type of its own, on a fake clock. */
class RetryLoopTest {

    static final class Flaky extends RuntimeException {
        final boolean transientFailure;

        Flaky(String message, boolean transientFailure) {
            super(message);
            this.transientFailure = transientFailure;
        }
    }

    static final class GaveUp extends RuntimeException {
        GaveUp(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final List<String> events = new CopyOnWriteArrayList<>();

    private final RetryLoop.GiveUp<Flaky, GaveUp> giveUp = new RetryLoop.GiveUp<>() {
        @Override
        public GaveUp exhausted(String description, int attempts, Duration elapsed, Flaky last) {
            return new GaveUp(description + " exhausted after " + attempts + " in " + elapsed, last);
        }

        @Override
        public GaveUp interrupted(String description, int attempts, Duration wait, Flaky last,
                InterruptedException interruption) {
            return new GaveUp(description + " interrupted after " + attempts + " waiting " + wait, last);
        }
    };

    private final RetryLoop.Events<Flaky, GaveUp> recorder = new RetryLoop.Events<>() {
        @Override
        public void attemptFailed(String description, int attempt, Flaky failure, Duration wait) {
            events.add("failed " + attempt + " wait " + wait.toSeconds());
        }

        @Override
        public void succeededAfterRetry(String description, int attempts, Duration elapsed) {
            events.add("succeeded " + attempts);
        }

        @Override
        public void gaveUp(String description, int attempts, Duration elapsed, GaveUp thrown) {
            events.add("gave up " + attempts);
        }

        @Override
        public void failedNotRetryable(String description, int attempts, Duration elapsed, RuntimeException failure) {
            events.add("not retryable " + attempts);
        }
    };

    private RetryLoop<Flaky, GaveUp> loop(Duration budget) {
        return RetryLoop.builder(Flaky.class, f -> f.transientFailure, giveUp, budget,
                        new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(4)))
                .clock(clock).sleeper(sleeper).events(recorder).build();
    }

    @Test
    void lastWaitIsCutToTheDeadlineAndTheBudgetIncludesTheFirstAttempt() {
        Flaky last = new Flaky("down", true);
        assertThatThrownBy(() -> loop(Duration.ofSeconds(10)).call("Work", () -> {
            throw last;
        })).isInstanceOf(GaveUp.class).hasMessage("Work exhausted after 4 in PT10S").hasCause(last);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(2));
        assertThat(events).containsExactly("failed 1 wait 4", "failed 2 wait 4", "failed 3 wait 2", "gave up 4");
    }

    @Test
    void aFailureThePredicateRejectsIsRethrownUnchanged() {
        AtomicInteger attempts = new AtomicInteger();
        Flaky permanent = new Flaky("broken", false);
        assertThatThrownBy(() -> loop(Duration.ofMinutes(1)).call("Work", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new Flaky("blip", true);
            }
            throw permanent;
        })).isSameAs(permanent);
        assertThat(events).containsExactly("failed 1 wait 4", "not retryable 2");
    }

    @Test
    void aFailureOfAnotherTypeOnTheFirstAttemptIsRethrownWithoutEvents() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(() -> loop(Duration.ofMinutes(1)).call("Work", () -> {
            throw bug;
        })).isSameAs(bug);
        assertThat(events).isEmpty();
    }

    @Test
    void succeedsAfterRetrying() {
        AtomicInteger attempts = new AtomicInteger();
        String result = loop(Duration.ofMinutes(1)).call("Work", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new Flaky("blip", true);
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(events).containsExactly("failed 1 wait 4", "failed 2 wait 4", "succeeded 3");
    }

    @Test
    void aZeroBudgetMeansOneAttempt() {
        assertThatThrownBy(() -> loop(Duration.ZERO).call("Work", () -> {
            throw new Flaky("down", true);
        })).isInstanceOf(GaveUp.class).hasMessage("Work exhausted after 1 in PT0S");
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void interruptionWhileWaitingGivesUpAndKeepsTheFlag() {
        RetryLoop<Flaky, GaveUp> loop = RetryLoop.builder(Flaky.class, f -> true, giveUp, Duration.ofMinutes(1),
                        new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(4)))
                .clock(clock).events(recorder).sleeper(wait -> {
                    throw new InterruptedException();
                }).build();
        try {
            assertThatThrownBy(() -> loop.call("Work", () -> {
                throw new Flaky("down", true);
            })).isInstanceOf(GaveUp.class).hasMessage("Work interrupted after 1 waiting PT4S");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(events).containsExactly("failed 1 wait 4", "gave up 1");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void rejectsANegativeBudget() {
        assertThatThrownBy(() -> RetryLoop.builder(Flaky.class, f -> true, giveUp, Duration.ofSeconds(-1),
                RetryPolicy.DEFAULT_BACKOFF)).isInstanceOf(IllegalArgumentException.class);
    }
}
