package dev.tentacle.tentacle.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.retry.Backoff;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.contracts.client.ScriptExecutor;
import dev.tentacle.contracts.client.ScriptResult;
import dev.tentacle.contracts.scripts.ScriptIsolationLevel;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.testing.contract.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The promise of Tentacle Communication Resiliency (seed 000), proven: hundreds of scripts run while the network
 * between server and agent is killed, black-holed and slowed at random, and every script runs exactly once, ends
 * with its own exit code and full output, and no call gives up within the retry policy.
 */
class ScriptResilienceTest {
    private static final int SCRIPTS = 200;
    private static final int CALLERS = 8;
    private static final RetryPolicy RETRIES = RetryPolicy.ofDuration(Duration.ofSeconds(60))
            .withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)));

    @TempDir
    Path home;
    @TempDir
    Path scratch;

    private static CommsOptions options() {
        return CommsOptions.builder()
                .heartbeatInterval(Duration.ofMillis(300))
                .pooledConnectionMaxIdle(Duration.ofMillis(200))
                .pollingReconnect(Duration.ofMillis(50), Duration.ofMillis(400))
                .pickupTimeout(Duration.ofSeconds(20))
                .preAuthenticationTimeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static StartScriptCommand script(int number, Path ledger) {
        String body = """
                echo "$1" >> '%s'
                echo "first line of script %d"
                echo "second line of script %d" >&2
                exit %d
                """.formatted(ledger, number, number, number % 7);
        return StartScriptCommand.of(ScriptSyntax.BASH, body).withIsolation(ScriptIsolationLevel.NO_ISOLATION, null, null);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyScriptRunsExactlyOnceWhileTheNetworkMisbehaves(Mode mode) throws Exception {
        Path ledger = scratch.resolve("ledger.txt");
        Files.createFile(ledger);
        RecordingRetryListener retries = new RecordingRetryListener();
        Map<Integer, ScriptResult> results = new HashMap<>();
        Chaos chaos;
        try (AgentUnderTest agent = new AgentUnderTest(mode, home, options())) {
            ScriptExecutor executor = new ScriptExecutor(agent.server(), agent.agentEndpoint(), RETRIES, retries, Duration.ofMillis(50));
            chaos = new Chaos(agent.network(), 42 + mode.ordinal());
            try (chaos; var callers = Executors.newFixedThreadPool(CALLERS, Thread.ofVirtual().factory())) {
                List<Future<ScriptResult>> futures = new ArrayList<>();
                for (int i = 0; i < SCRIPTS; i++) {
                    int number = i;
                    futures.add(callers.submit(() -> executor.execute(script(number, ledger).withArguments("ticket-" + number), line -> {
                    })));
                }
                for (int i = 0; i < SCRIPTS; i++) {
                    results.put(i, futures.get(i).get(5, TimeUnit.MINUTES));
                }
            }
        }

        assertThat(chaos.kills()).as("connections killed").isPositive();
        assertThat(chaos.pauses()).as("network black-holed").isPositive();
        assertThat(retries.failedAttempts()).as("calls that failed and were retried").isPositive();
        assertThat(retries.gaveUp()).as("calls that ran out of retries").isEmpty();
        Map<String, Long> runs = Files.readAllLines(ledger).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(runs).hasSize(SCRIPTS).allSatisfy((ticket, count) -> assertThat(count).as("runs of " + ticket).isEqualTo(1L));
        for (int i = 0; i < SCRIPTS; i++) {
            ScriptResult result = results.get(i);
            assertThat(result.scriptServiceVersion()).isEqualTo(2);
            assertThat(result.exitCode()).as("exit code of script " + i).isEqualTo(i % 7);
            assertThat(result.lines()).as("output of script " + i)
                    .contains("first line of script " + i, "second line of script " + i);
            assertThat(result.logs()).extracting(l -> l.sequence()).isSorted().doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void withRetriesOffADeadConnectionFailsTheCallAtOnceAndClearly(Mode mode) throws Exception {
        RecordingRetryListener retries = new RecordingRetryListener();
        CommsOptions quickPickup = options().toBuilder().pickupTimeout(Duration.ofSeconds(2)).build();
        try (AgentUnderTest agent = new AgentUnderTest(mode, home, quickPickup)) {
            ScriptExecutor executor = new ScriptExecutor(agent.server(), agent.agentEndpoint(), RetryPolicy.disabled(), retries,
                    Duration.ofMillis(50));
            assertThat(executor.execute(script(1, scratch.resolve("warm-up.txt")).withArguments("warm-up"), line -> {
            }).exitCode()).isEqualTo(1);

            agent.network().pause(); // every connection is now a black hole
            try {
                assertThatThrownBy(() -> executor.execute(StartScriptCommand.of(ScriptSyntax.BASH, "sleep 1; exit 0")
                        .withIsolation(ScriptIsolationLevel.NO_ISOLATION, null, null), line -> {
                }))
                        .isInstanceOfSatisfying(CommsException.class, e -> {
                            assertThat(e.code().isNetworkFailure()).as(e.code() + " is a network failure").isTrue();
                            assertThat(e.getMessage()).isNotBlank();
                        });
            } finally {
                agent.network().resume();
            }
        }
        assertThat(retries.failedAttempts()).as("attempts retried with retries off").isZero();
    }
}
