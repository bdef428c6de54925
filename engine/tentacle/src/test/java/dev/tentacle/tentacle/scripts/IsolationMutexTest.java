package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ProcessOutputSource;
import dev.tentacle.contracts.scripts.ScriptIsolationLevel;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.contracts.scripts.ScriptExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class IsolationMutexTest {
    private static final ScriptIsolationLevel FULL = ScriptIsolationLevel.FULL_ISOLATION;
    private static final ScriptIsolationLevel SHARED = ScriptIsolationLevel.NO_ISOLATION;

    @TempDir
    Path locks;

    @Test
    void sharedHoldersDoNotBlockEachOtherButBlockAnExclusiveOne() {
        IsolationMutex mutex = IsolationMutex.named(locks, "m");
        assertThat(acquire(mutex, "a", SHARED, Duration.ZERO)).isEqualTo(IsolationMutex.Outcome.ACQUIRED);
        assertThat(acquire(mutex, "b", SHARED, Duration.ZERO)).isEqualTo(IsolationMutex.Outcome.ACQUIRED);

        assertThat(acquire(mutex, "c", FULL, Duration.ofMillis(100))).isEqualTo(IsolationMutex.Outcome.TIMED_OUT);

        mutex.release("a", SHARED);
        mutex.release("b", SHARED);
        assertThat(acquire(mutex, "c", FULL, Duration.ZERO)).isEqualTo(IsolationMutex.Outcome.ACQUIRED);
        mutex.release("c", FULL);
    }

    @Test
    void aWaitingExclusiveHolderIsNotOvertakenByLaterSharedOnes() throws Exception {
        IsolationMutex mutex = IsolationMutex.named(locks, "fair");
        assertThat(acquire(mutex, "reader", SHARED, Duration.ZERO)).isEqualTo(IsolationMutex.Outcome.ACQUIRED);
        CountDownLatch writerWaits = new CountDownLatch(1);
        CompletableFuture<IsolationMutex.Outcome> writer = CompletableFuture.supplyAsync(
                () -> mutex.acquire("writer", FULL, null, () -> false, heldBy -> writerWaits.countDown()));
        assertThat(writerWaits.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(acquire(mutex, "late reader", SHARED, Duration.ofMillis(100))).isEqualTo(IsolationMutex.Outcome.TIMED_OUT);

        mutex.release("reader", SHARED);
        assertThat(writer.get(30, TimeUnit.SECONDS)).isEqualTo(IsolationMutex.Outcome.ACQUIRED);
        mutex.release("writer", FULL);
    }

    @Test
    void aWaitEndsWhenTheCallerCancelsIt() throws Exception {
        IsolationMutex mutex = IsolationMutex.named(locks, "cancel");
        assertThat(acquire(mutex, "holder", FULL, Duration.ZERO)).isEqualTo(IsolationMutex.Outcome.ACQUIRED);
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch waits = new CountDownLatch(1);
        CompletableFuture<IsolationMutex.Outcome> waiter = CompletableFuture.supplyAsync(
                () -> mutex.acquire("waiter", FULL, null, cancelled::get, heldBy -> waits.countDown()));
        assertThat(waits.await(30, TimeUnit.SECONDS)).isTrue();

        cancelled.set(true);

        assertThat(waiter.get(30, TimeUnit.SECONDS)).isEqualTo(IsolationMutex.Outcome.CANCELLED);
        mutex.release("holder", FULL);
        assertThat(acquire(mutex, "next", FULL, Duration.ZERO)).isEqualTo(IsolationMutex.Outcome.ACQUIRED);
        mutex.release("next", FULL);
    }

    @Test
    void theWaitingMessageNamesTheHolder() {
        IsolationMutex mutex = IsolationMutex.named(locks, "named");
        acquire(mutex, "ticket-1", FULL, Duration.ZERO);
        StringBuilder message = new StringBuilder();

        mutex.acquire("ticket-2", FULL, Duration.ofMillis(10), () -> false, message::append);

        assertThat(message).hasToString("held by script ticket-1");
        mutex.release("ticket-1", FULL);
    }

    @Test
    void distinctNamesGetDistinctSafeLockFiles() {
        Path slash = IsolationMutex.lockFile(locks, "a/b");
        Path underscore = IsolationMutex.lockFile(locks, "a_b");

        assertThat(slash).isNotEqualTo(underscore);
        assertThat(List.of(slash, underscore)).allSatisfy(file -> {
            assertThat(file.getParent()).isEqualTo(locks);
            assertThat(file.getFileName().toString()).matches("a_b-[0-9a-f]{12}\\.lock");
        });
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anotherProcessHoldingTheLockFileKeepsScriptsWaiting(@TempDir Path work) throws Exception {
        Process holder = holdLockInAnotherProcess(IsolationMutex.lockFile(locks, "machine-wide"));
        try (ScriptEngine engine = new ScriptEngine(work, ScriptEngineOptions.defaults().withMutexDirectory(locks))) {
            ScriptTicket blocked = ScriptTicket.newTicket();
            engine.start(blocked, StartScriptCommand.of(ScriptSyntax.BASH, "echo ran")
                    .withIsolation(FULL, "machine-wide", Duration.ofMillis(300)));
            ScriptLogs blockedLogs = new ScriptLogs(sequence -> engine.status(blocked, sequence));

            assertThat(blockedLogs.awaitEnd().exitCode()).isEqualTo(ScriptExitCodes.TIMEOUT);
            assertThat(blockedLogs.texts(ProcessOutputSource.DEBUG)).anyMatch(line -> line.contains("held by another agent process on this machine"));
            assertThat(blockedLogs.texts(ProcessOutputSource.STDOUT)).isEmpty();

            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            ScriptTicket free = ScriptTicket.newTicket();
            engine.start(free, StartScriptCommand.of(ScriptSyntax.BASH, "echo ran").withIsolation(FULL, "machine-wide", Duration.ofSeconds(30)));
            ScriptLogs freeLogs = new ScriptLogs(sequence -> engine.status(free, sequence));
            assertThat(freeLogs.awaitEnd().exitCode()).isZero();
            assertThat(freeLogs.texts(ProcessOutputSource.STDOUT)).containsExactly("ran");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    private static IsolationMutex.Outcome acquire(IsolationMutex mutex, String owner, ScriptIsolationLevel level, Duration timeout) {
        return mutex.acquire(owner, level, timeout, () -> false, heldBy -> { });
    }

    private static Process holdLockInAnotherProcess(Path lockFile) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process holder = new ProcessBuilder(java, source("HoldFileLock.java").toString(), lockFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked true");
        return holder;
    }

    private static Path source(String name) throws URISyntaxException {
        return Path.of(IsolationMutexTest.class.getResource(name).toURI());
    }
}
