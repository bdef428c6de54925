package dev.tentacle.comms.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

    @Test
    void writesDurationsAsAMachinePolicyShowsThem() {
        assertThat(HumanDuration.format(Duration.ofSeconds(151))).isEqualTo("2m31s");
        assertThat(HumanDuration.format(Duration.ofSeconds(150))).isEqualTo("2m30s");
        assertThat(HumanDuration.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(HumanDuration.format(Duration.ofSeconds(15))).isEqualTo("15s");
        assertThat(HumanDuration.format(Duration.ofHours(1).plusSeconds(5))).isEqualTo("1h5s");
        assertThat(HumanDuration.format(Duration.ofDays(1))).isEqualTo("24h");
    }

    @Test
    void writesSubSecondDurationsInMilliseconds() {
        assertThat(HumanDuration.format(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(HumanDuration.format(Duration.ZERO)).isEqualTo("0ms");
    }

    @Test
    void dropsFractionsOfASecondAboveOneSecond() {
        assertThat(HumanDuration.format(Duration.ofMillis(2_500))).isEqualTo("2s");
    }
}
