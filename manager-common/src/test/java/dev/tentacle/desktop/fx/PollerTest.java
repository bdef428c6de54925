package dev.tentacle.desktop.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollerTest {
    final Repeating repeating = new Repeating();

    @AfterEach
    void tearDown() {
        repeating.close();
    }

    @Test
    void runsTheTaskUntilStoppedAndStartingAgainReplacesIt() throws Exception {
        Poller poller = new Poller(repeating, Duration.ofMillis(10));
        CountDownLatch first = new CountDownLatch(3);
        poller.start(first::countDown);
        assertThat(poller.isRunning()).isTrue();
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();

        AtomicInteger second = new AtomicInteger();
        CountDownLatch secondRan = new CountDownLatch(2);
        poller.start(() -> {
            second.incrementAndGet();
            secondRan.countDown();
        });
        long firstCount = first.getCount();
        assertThat(secondRan.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(first.getCount()).isEqualTo(firstCount);

        poller.stop();
        assertThat(poller.isRunning()).isFalse();
        Thread.sleep(50);
        int stoppedAt = second.get();
        Thread.sleep(50);
        assertThat(second.get()).isEqualTo(stoppedAt);
        poller.stop();
        assertThat(poller.interval()).isEqualTo(Duration.ofMillis(10));
    }
}
