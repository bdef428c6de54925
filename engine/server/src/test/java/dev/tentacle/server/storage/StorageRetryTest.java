package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retrying while the database is unavailable, on a fake clock. */
class StorageRetryTest {

    private final TestClock clock = new TestClock();
    private final List<Duration> waits = new ArrayList<>();
    private final RecordingRetryListener listener = new RecordingRetryListener();

    @Test
    void retriesUntilTheDatabaseAnswers() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry(Duration.ofMinutes(1), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .call("Reading machines", () -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw unavailable("attempt " + attempts.get());
                    }
                    return "machines";
                });

        assertThat(result).isEqualTo("machines");
        assertThat(attempts).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(listener.events).containsExactly("waiting 1 1000ms", "waiting 2 1000ms", "recovered 2");
    }

    @Test
    void waitsGrowWithinTheBackoffRange() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        AtomicInteger attempts = new AtomicInteger();

        StorageRetry.builder(Duration.ofHours(1)).backoff(backoff).clock(clock).listener(listener)
                .random(new SplittableRandom(7)).sleeper(wait -> {
                    waits.add(wait);
                    clock.advance(wait);
                })
                .build()
                .run("Waiting", () -> {
                    if (attempts.incrementAndGet() <= 6) {
                        throw unavailable("down");
                    }
                });

        assertThat(waits).hasSize(6);
        for (int i = 0; i < waits.size(); i++) {
            assertThat(waits.get(i)).isBetween(backoff.minimum(), backoff.cap(i + 1));
        }
    }

    @Test
    void givesUpAtTheDeadlineWithTheLastErrorAsCause() {
        StorageUnavailableException last = unavailable("still down");

        assertThatThrownBy(() -> retry(Duration.ofSeconds(10), new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(4)))
                .call("Opening the Octopus Server database", () -> {
                    throw last;
                }))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessage("Opening the Octopus Server database gave up after 4 attempt(s): the database stayed "
                        + "unavailable for PT10S. Last error: still down")
                .hasCause(last)
                .extracting(e -> ((StorageUnavailableException) e).databaseUrl())
                .isEqualTo("jdbc:postgresql://db/octopus");
        // The last wait is cut short so that one final attempt runs exactly at the deadline.
        assertThat(waits).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(2));
        assertThat(listener.events).endsWith("gave up 4");
    }

    @Test
    void aZeroBudgetMeansOneAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retry(Duration.ZERO, StorageRetry.DEFAULT_BACKOFF).run("Checking", () -> {
            attempts.incrementAndGet();
            throw unavailable("down");
        })).isInstanceOf(StorageUnavailableException.class).hasMessageContaining("gave up after 1 attempt(s)");
        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        StorageConflictException conflict = new StorageConflictException("A machine named 'web01' already exists");

        assertThatThrownBy(() -> retry(Duration.ofMinutes(1), StorageRetry.DEFAULT_BACKOFF).run("Adding", () -> {
            attempts.incrementAndGet();
            throw conflict;
        })).isSameAs(conflict);
        assertThat(attempts).hasValue(1);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void interruptionStopsTheWaitAndKeepsTheFlag() {
        StorageRetry retry = StorageRetry.builder(Duration.ofMinutes(1)).clock(clock).listener(listener)
                .sleeper(wait -> {
                    throw new InterruptedException();
                })
                .build();

        try {
            assertThatThrownBy(() -> retry.run("Waiting", () -> {
                throw unavailable("down");
            }))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("the thread was interrupted while waiting");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void rejectsABudgetOutOfRange() {
        assertThatThrownBy(() -> StorageRetry.within(Duration.ofSeconds(-1)))
                .hasMessageContaining("between zero (one attempt) and");
        assertThatThrownBy(() -> StorageRetry.within(Duration.ofDays(400)))
                .hasMessageContaining("between zero (one attempt) and");
    }

    private StorageRetry retry(Duration budget, Backoff backoff) {
        return StorageRetry.builder(budget).backoff(backoff).clock(clock).listener(listener)
                .sleeper(wait -> {
                    waits.add(wait);
                    clock.advance(wait);
                })
                .build();
    }

    private static StorageUnavailableException unavailable(String message) {
        return new StorageUnavailableException(message, "jdbc:postgresql://db/octopus", null);
    }
}
