package dev.tentacle.comms.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultsRetryForTwoAndAHalfMinutesWithOneToTenSecondWaits() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.enabled()).isTrue();
        assertThat(policy.totalDuration()).isEqualTo(Duration.ofMinutes(2).plusSeconds(30));
        assertThat(policy.backoff()).isEqualTo(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10)));
    }

    @Test
    void disabledKeepsTheDefaultsButTurnsRetriesOff() {
        RetryPolicy policy = RetryPolicy.disabled();

        assertThat(policy.enabled()).isFalse();
        assertThat(policy.totalDuration()).isEqualTo(RetryPolicy.DEFAULT_TOTAL_DURATION);
        assertThat(policy.withEnabled(true)).isEqualTo(RetryPolicy.defaults());
    }

    @Test
    void ofDurationChangesOnlyTheTotalDuration() {
        RetryPolicy policy = RetryPolicy.ofDuration(Duration.ofMinutes(10));

        assertThat(policy).isEqualTo(new RetryPolicy(true, Duration.ofMinutes(10), RetryPolicy.DEFAULT_BACKOFF));
    }

    @Test
    void withersReturnChangedCopiesAndLeaveTheOriginalAlone() {
        RetryPolicy original = RetryPolicy.defaults();
        Backoff slow = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1));

        RetryPolicy changed = original.withTotalDuration(Duration.ofMinutes(5)).withBackoff(slow).withEnabled(false);

        assertThat(changed).isEqualTo(new RetryPolicy(false, Duration.ofMinutes(5), slow));
        assertThat(original).isEqualTo(RetryPolicy.defaults());
    }

    @Test
    void rejectsAZeroDurationAndPointsToDisabled() {
        assertThatThrownBy(() -> RetryPolicy.ofDuration(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Retry totalDuration must be a positive duration, was PT0S;"
                        + " to turn retries off use RetryPolicy.disabled() rather than a zero duration");
    }

    @Test
    void rejectsANegativeDuration() {
        assertThatThrownBy(() -> RetryPolicy.ofDuration(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Retry totalDuration must be a positive duration, was PT-1S;");
    }

    @Test
    void rejectsADurationLongerThanADay() {
        assertThatThrownBy(() -> RetryPolicy.ofDuration(Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Retry totalDuration must be at most PT24H, was PT25H;"
                        + " choose a shorter retry duration in the machine policy");
    }

    @Test
    void rejectsMissingValues() {
        assertThatThrownBy(() -> RetryPolicy.ofDuration(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("totalDuration");
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("backoff");
    }
}
