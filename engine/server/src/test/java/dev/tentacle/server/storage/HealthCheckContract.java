package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health check history, on every database. */
abstract class HealthCheckContract extends StorageContract {

    @Test
    void storesEveryFieldOfAHealthyResult() {
        Machine web = addMachine("web01");
        HealthCheckResult result = HealthCheckResult.healthy(web.id(), clock.instant(), Duration.ofMillis(42), "8.1.2",
                List.of("IScriptServiceV2", "IFileTransferService"), 52_000_000_000L);

        storage.healthChecks().record(result);

        HealthCheckResult stored = storage.healthChecks().latest(web.id()).orElseThrow();
        assertThat(stored).isEqualTo(result);
        assertThat(stored.checkedAt()).isEqualTo(TestClock.START.truncatedTo(ChronoUnit.MICROS));
        assertThat(stored.capabilities()).containsExactly("IScriptServiceV2", "IFileTransferService");
    }

    @Test
    void storesUnhealthyAndUnavailableResultsWithTheirReasonsAndUnknowns() {
        Machine web = addMachine("web01");
        HealthCheckResult unhealthy = HealthCheckResult.unhealthy(web.id(), clock.instant(), "Only 200 MB free on /",
                Duration.ofMillis(7), "8.0.0", List.of(), 200_000_000L);
        HealthCheckResult unavailable = HealthCheckResult.unavailable(web.id(), clock.advance(Duration.ofMinutes(1)),
                "Connection refused by web01:10933");

        storage.healthChecks().record(unhealthy);
        storage.healthChecks().record(unavailable);

        assertThat(storage.healthChecks().history(web.id(), 10)).containsExactly(unavailable, unhealthy);
        HealthCheckResult latest = storage.healthChecks().latest(web.id()).orElseThrow();
        assertThat(latest.status()).isEqualTo(HealthStatus.UNAVAILABLE);
        assertThat(latest.latency()).isNull();
        assertThat(latest.agentVersion()).isNull();
        assertThat(latest.freeDiskBytes()).isNull();
        assertThat(latest.capabilities()).isEmpty();
    }

    @Test
    void historyIsNewestFirstAndLimited() {
        Machine web = addMachine("web01");
        List<HealthCheckResult> recorded = recordChecks(web.id(), 5);

        assertThat(storage.healthChecks().history(web.id(), 3))
                .containsExactly(recorded.get(4), recorded.get(3), recorded.get(2));
    }

    @Test
    void resultsWithTheSameTimeKeepTheOrderTheyWereRecordedIn() {
        Machine web = addMachine("web01");
        Instant sameTime = clock.instant();
        HealthCheckResult first = HealthCheckResult.unavailable(web.id(), sameTime, "first");
        HealthCheckResult second = HealthCheckResult.unavailable(web.id(), sameTime, "second");

        storage.healthChecks().record(first);
        storage.healthChecks().record(second);

        assertThat(storage.healthChecks().latest(web.id())).contains(second);
    }

    @Test
    void latestOfEachMachineSkipsMachinesNeverChecked() {
        Machine web = addMachine("web01");
        Machine db = addMachine("db01");
        Machine never = addMachine("never-checked");
        HealthCheckResult webLatest = recordChecks(web.id(), 3).getLast();
        HealthCheckResult dbLatest = recordChecks(db.id(), 2).getLast();

        var latest = storage.healthChecks().latestOfEachMachine();

        assertThat(latest).hasSize(2).containsEntry(web.id(), webLatest).containsEntry(db.id(), dbLatest);
        assertThat(latest).doesNotContainKey(never.id());
        assertThat(storage.healthChecks().latest(never.id())).isEmpty();
    }

    @Test
    void pruneKeepsTheNewestResultsOfEachMachine() {
        Machine web = addMachine("web01");
        Machine db = addMachine("db01");
        List<HealthCheckResult> webChecks = recordChecks(web.id(), 5);
        List<HealthCheckResult> dbChecks = recordChecks(db.id(), 2);

        int deleted = storage.healthChecks().prune(2);

        assertThat(deleted).isEqualTo(3);
        assertThat(storage.healthChecks().history(web.id(), 10)).containsExactly(webChecks.get(4), webChecks.get(3));
        assertThat(storage.healthChecks().history(db.id(), 10)).containsExactly(dbChecks.get(1), dbChecks.get(0));
        assertThat(storage.healthChecks().prune(2)).isZero();
    }

    @Test
    void recordingForAnUnknownMachineSaysSo() {
        MachineId ghost = new MachineId(12345);

        assertThatThrownBy(() -> storage.healthChecks().record(HealthCheckResult.unavailable(ghost, clock.instant(), "x")))
                .isInstanceOf(StorageNotFoundException.class)
                .hasMessageContaining("no such machine is registered");
    }

    @Test
    void anUnhealthyResultNeedsAReason() {
        Machine web = addMachine("web01");

        assertThatThrownBy(() -> HealthCheckResult.unhealthy(web.id(), clock.instant(), " ", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a reason");
    }

    private List<HealthCheckResult> recordChecks(MachineId machine, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> storage.healthChecks().record(HealthCheckResult.healthy(machine,
                        clock.advance(Duration.ofMinutes(1)), Duration.ofMillis(10 + i), "8.1." + i, List.of(), null)))
                .toList();
    }
}
