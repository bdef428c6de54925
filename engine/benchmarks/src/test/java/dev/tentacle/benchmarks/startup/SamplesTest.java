package dev.tentacle.benchmarks.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SamplesTest {
    private static Samples of(double... values) {
        var samples = new Samples();
        for (double value : values) {
            samples.add(value);
        }
        return samples;
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(of(40, 10, 30, 20).median()).isEqualTo(25);
        assertThat(of(3, 1, 2).median()).isEqualTo(2);
    }

    @Test
    void percentilesInterpolateBetweenNeighbours() {
        Samples samples = of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110);

        assertThat(samples.percentile(10)).isEqualTo(20);
        assertThat(samples.percentile(90)).isEqualTo(100);
        assertThat(samples.min()).isEqualTo(10);
        assertThat(of(10, 20).percentile(25)).isCloseTo(12.5, within(1e-9));
    }

    @Test
    void theRatioIsTakenRoundByRound() {
        // A load spike in round 2 slows both commands; the per-round ratio does not see it.
        Samples floor = of(50, 500, 50);
        Samples help = of(200, 2000, 200);

        assertThat(help.medianRatioTo(floor)).isEqualTo(4);
    }

    @Test
    void refusesRatiosOfDifferentRunCountsAndStatisticsOfNothing() {
        assertThatThrownBy(() -> of(1, 2).medianRatioTo(of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Samples().median()).isInstanceOf(IllegalStateException.class);
    }
}
