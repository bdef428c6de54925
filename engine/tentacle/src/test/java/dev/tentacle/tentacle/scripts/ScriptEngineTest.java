package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessOutputSource;
import dev.tentacle.contracts.scripts.ProcessState;
import dev.tentacle.contracts.scripts.ScriptIsolationLevel;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.contracts.scripts.ScriptFile;
import dev.tentacle.contracts.scripts.ScriptExitCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs({OS.LINUX, OS.MAC})
class ScriptEngineTest {
    @TempDir
    Path work;
    @TempDir
    Path shared;
    private ScriptEngine engine;

    @BeforeEach
    void openEngine() {
        engine = new ScriptEngine(work, ScriptEngineOptions.defaults().withCancelGracePeriod(Duration.ofSeconds(2)).withMaxLogLinesPerResponse(10));
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void runsABashScriptWithItsArgumentsAndFilesAndReportsItsOutputAndExitCode() {
        StartScriptCommand command = StartScriptCommand.of(ScriptSyntax.BASH, """
                echo "hello $1 / $2"
                echo "oops" >&2
                cat data.txt
                exit 3
                """).withArguments("big world", "second").withFiles(ScriptFile.ofText("data.txt", "from a file\n"));

        ScriptLogs logs = run(ScriptTicket.newTicket(), command);

        assertThat(logs.latest().exitCode()).isEqualTo(3);
        assertThat(logs.texts(ProcessOutputSource.STDOUT)).containsExactly("hello big world / second", "from a file");
        assertThat(logs.texts(ProcessOutputSource.STDERR)).containsExactly("oops");
        assertThat(logs.lines()).extracting(ProcessOutput::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void pagesTheLogBySequenceWithAtMostAPagePerAnswer() {
        ScriptTicket ticket = ScriptTicket.newTicket();
        engine.start(ticket, StartScriptCommand.of(ScriptSyntax.BASH, "for i in $(seq 1 25); do echo line-$i; done"));
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.status(ticket, Long.MAX_VALUE).state() == ProcessState.COMPLETE);

        ScriptLogs logs = logs(ticket);
        logs.awaitEnd();

        assertThat(logs.pageSizes()).containsExactly(10, 10, 5);
        assertThat(logs.texts()).containsExactlyElementsOf(IntStream.rangeClosed(1, 25).mapToObj(i -> "line-" + i).toList());
        assertThat(logs.lines()).extracting(ProcessOutput::sequence).containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
        assertThat(engine.status(ticket, 20).logs()).extracting(ProcessOutput::text).containsExactly("line-21", "line-22", "line-23", "line-24", "line-25");
        assertThat(engine.status(ticket, 25).nextLogSequence()).isEqualTo(25);
    }

    @Test
    void startingTheSameTicketManyTimesAtOnceRunsTheScriptOnce() throws IOException {
        ScriptTicket ticket = ScriptTicket.newTicket();
        StartScriptCommand command = StartScriptCommand.of(ScriptSyntax.BASH, "echo \"$1\" >> \"$2/runs.txt\"")
                .withArguments(ticket.value(), shared.toString());
        List<CompletableFuture<ScriptStatusResponse>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> engine.start(ticket, command)));
        }
        starts.forEach(CompletableFuture::join);
        logs(ticket).awaitEnd();
        ScriptStatusResponse again = engine.start(ticket, command);

        assertThat(again.state()).isEqualTo(ProcessState.COMPLETE);
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readAllLines(shared.resolve("runs.txt"))).containsExactly(ticket.value());
    }

    @Test
    void aBashScriptWithWindowsLineEndsStillRuns() {
        ScriptLogs logs = run(ScriptTicket.newTicket(), StartScriptCommand.of(ScriptSyntax.BASH, "echo one\r\necho two\r\n"));

        assertThat(logs.latest().exitCode()).isZero();
        assertThat(logs.texts(ProcessOutputSource.STDOUT)).containsExactly("one", "two");
    }

    @Test
    void cancelStopsTheScriptsWholeProcessTree() throws IOException {
        ScriptTicket ticket = ScriptTicket.newTicket();
        engine.start(ticket, StartScriptCommand.of(ScriptSyntax.BASH, """
                bash -c 'sleep 300 & echo $! > grandchild.pid; wait' &
                echo $! > child.pid
                wait
                """));
        Path grandchildPid = work.resolve(ticket.value()).resolve("grandchild.pid");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(grandchildPid) && Files.size(grandchildPid) > 0);
        List<ProcessHandle> tree = List.of(process(work.resolve(ticket.value()).resolve("child.pid")), process(grandchildPid));

        engine.cancel(ticket, 0);
        ScriptLogs logs = logs(ticket);
        ScriptStatusResponse end = logs.awaitEnd();

        assertThat(end.exitCode()).isEqualTo(ScriptExitCodes.CANCELED);
        assertThat(tree).noneMatch(ProcessTrees::isRunning);
        assertThat(logs.texts(ProcessOutputSource.DEBUG)).anyMatch(line -> line.contains("cancelled"));
    }

    @Test
    void fullIsolationRunsScriptsOnTheSameMutexOneAtATime() throws IOException {
        ScriptTicket first = ScriptTicket.newTicket();
        ScriptTicket second = ScriptTicket.newTicket();
        engine.start(first, holdUntilReleased("first", "m", ScriptIsolationLevel.FULL_ISOLATION));
        await().atMost(Duration.ofSeconds(30)).until(() -> order().contains("first-start"));

        engine.start(second, mark("second", "m", ScriptIsolationLevel.FULL_ISOLATION, null));
        ScriptLogs secondLogs = logs(second);
        secondLogs.awaitLine("Waiting for the script isolation mutex 'm' (held by script " + first + ")");
        assertThat(secondLogs.latest().state()).isEqualTo(ProcessState.STARTING);
        assertThat(order()).containsExactly("first-start");

        Files.createFile(shared.resolve("release"));
        secondLogs.awaitEnd();
        logs(first).awaitEnd();

        assertThat(order()).containsExactly("first-start", "first-end", "second");
    }

    @Test
    void noIsolationScriptsOnTheSameMutexRunSideBySide() {
        ScriptTicket a = ScriptTicket.newTicket();
        ScriptTicket b = ScriptTicket.newTicket();
        // Each waits for the other's marker: they can only both succeed when they run at the same time.
        String body = """
                touch "$1/$2"
                for i in $(seq 1 600); do [ -f "$1/$3" ] && exit 0; sleep 0.05; done
                exit 9
                """;
        StartScriptCommand shape = StartScriptCommand.of(ScriptSyntax.BASH, body).withIsolation(ScriptIsolationLevel.NO_ISOLATION, "m", null);
        engine.start(a, shape.withArguments(shared.toString(), "a", "b"));
        engine.start(b, shape.withArguments(shared.toString(), "b", "a"));

        assertThat(logs(a).awaitEnd().exitCode()).isZero();
        assertThat(logs(b).awaitEnd().exitCode()).isZero();
    }

    @Test
    void aScriptThatCannotGetItsMutexInTimeNeverRunsAndSaysWhy() throws IOException {
        ScriptTicket holder = ScriptTicket.newTicket();
        engine.start(holder, holdUntilReleased("holder", "m", ScriptIsolationLevel.FULL_ISOLATION));
        await().atMost(Duration.ofSeconds(30)).until(() -> order().contains("holder-start"));

        ScriptTicket late = ScriptTicket.newTicket();
        engine.start(late, mark("late", "m", ScriptIsolationLevel.NO_ISOLATION, Duration.ofMillis(200)));
        ScriptLogs logs = logs(late);
        ScriptStatusResponse end = logs.awaitEnd();

        assertThat(end.exitCode()).isEqualTo(ScriptExitCodes.TIMEOUT);
        assertThat(logs.texts(ProcessOutputSource.DEBUG))
                .anyMatch(line -> line.contains("did not get the isolation mutex 'm' within PT0.2S, so it did not run"));
        assertThat(order()).doesNotContain("late");
        Files.createFile(shared.resolve("release"));
        assertThat(logs(holder).awaitEnd().exitCode()).isZero();
    }

    @Test
    void cancellingAScriptThatWaitsForItsMutexMeansItNeverRuns() throws IOException {
        ScriptTicket holder = ScriptTicket.newTicket();
        engine.start(holder, holdUntilReleased("holder", "m", ScriptIsolationLevel.FULL_ISOLATION));
        ScriptTicket waiting = ScriptTicket.newTicket();
        engine.start(waiting, mark("waiting", "m", ScriptIsolationLevel.FULL_ISOLATION, null));
        ScriptLogs logs = logs(waiting);
        logs.awaitLine("Waiting for the script isolation mutex 'm'");

        engine.cancel(waiting, 0);
        ScriptStatusResponse end = logs.awaitEnd();

        assertThat(end.exitCode()).isEqualTo(ScriptExitCodes.CANCELED);
        assertThat(logs.texts(ProcessOutputSource.DEBUG)).anyMatch(line -> line.contains("cancelled while it waited for the isolation mutex 'm'"));
        Files.createFile(shared.resolve("release"));
        logs(holder).awaitEnd();
        assertThat(order()).doesNotContain("waiting");
    }

    @Test
    void completeDeletesTheWorkspaceAndAnswersRetriesAsTheFirstCall() throws IOException {
        ScriptTicket ticket = ScriptTicket.newTicket();
        StartScriptCommand command = StartScriptCommand.of(ScriptSyntax.BASH, "echo ran >> \"$1/runs.txt\"; echo done; exit 4")
                .withArguments(shared.toString());
        engine.start(ticket, command);
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.status(ticket, Long.MAX_VALUE).state() == ProcessState.COMPLETE);

        ScriptStatusResponse first = engine.complete(ticket, 0);
        ScriptStatusResponse retried = engine.complete(ticket, 0);
        ScriptStatusResponse lateStart = engine.start(ticket, command);

        assertThat(first.exitCode()).isEqualTo(4);
        assertThat(first.logs()).extracting(ProcessOutput::text).containsExactly("done");
        assertThat(retried).isEqualTo(first);
        assertThat(lateStart.exitCode()).isEqualTo(4);
        assertThat(work.resolve(ticket.value())).doesNotExist();
        assertThat(Files.readAllLines(shared.resolve("runs.txt"))).containsExactly("ran");
    }

    @Test
    void completingARunningScriptCancelsItFirst() {
        ScriptTicket ticket = ScriptTicket.newTicket();
        engine.start(ticket, StartScriptCommand.of(ScriptSyntax.BASH, "echo started; sleep 300"));
        logs(ticket).awaitLine("started");

        ScriptStatusResponse end = engine.complete(ticket, 0);

        assertThat(end.state()).isEqualTo(ProcessState.COMPLETE);
        assertThat(end.exitCode()).isEqualTo(ScriptExitCodes.CANCELED);
        assertThat(work.resolve(ticket.value())).doesNotExist();
    }

    @Test
    void anUnknownTicketIsCompleteWithTheUnknownScriptExitCode() {
        ScriptStatusResponse status = engine.status(new ScriptTicket("never-started"), 0);

        assertThat(status.state()).isEqualTo(ProcessState.COMPLETE);
        assertThat(status.exitCode()).isEqualTo(ScriptExitCodes.UNKNOWN_SCRIPT);
        assertThat(status.logs()).singleElement().extracting(ProcessOutput::text).asString().contains("no script with ticket never-started");
        assertThat(engine.status(new ScriptTicket("never-started"), status.nextLogSequence()).logs()).isEmpty();
    }

    @Test
    void cmdScriptsAreRefusedOffWindowsWithTheFatalExitCode() {
        ScriptLogs logs = run(ScriptTicket.newTicket(), StartScriptCommand.of(ScriptSyntax.CMD, "echo hi"));

        assertThat(logs.latest().exitCode()).isEqualTo(ScriptExitCodes.FATAL);
        assertThat(logs.texts(ProcessOutputSource.DEBUG)).anyMatch(line -> line.contains("CMD scripts run only on Windows agents"));
    }

    @Test
    void aMissingShellCompletesWithTheFatalExitCodeAndSaysWhatToInstall() {
        org.junit.jupiter.api.Assumptions.assumeFalse(onPath("pwsh"), "pwsh is installed here");

        ScriptLogs logs = run(ScriptTicket.newTicket(), StartScriptCommand.of(ScriptSyntax.POWERSHELL, "Write-Output hi"));

        assertThat(logs.latest().exitCode()).isEqualTo(ScriptExitCodes.FATAL);
        assertThat(logs.texts(ProcessOutputSource.DEBUG)).anyMatch(line -> line.contains("Could not start 'pwsh'") && line.contains("Install pwsh"));
    }

    private ScriptLogs run(ScriptTicket ticket, StartScriptCommand command) {
        engine.start(ticket, command);
        ScriptLogs logs = logs(ticket);
        logs.awaitEnd();
        return logs;
    }

    private ScriptLogs logs(ScriptTicket ticket) {
        return new ScriptLogs(sequence -> engine.status(ticket, sequence));
    }

    /** Writes NAME-start to the shared order file, waits for the release file, writes NAME-end. */
    private StartScriptCommand holdUntilReleased(String name, String mutex, ScriptIsolationLevel level) {
        return StartScriptCommand.of(ScriptSyntax.BASH, """
                echo "$2-start" >> "$1/order.txt"
                while [ ! -f "$1/release" ]; do sleep 0.05; done
                echo "$2-end" >> "$1/order.txt"
                """).withIsolation(level, mutex, null).withArguments(shared.toString(), name);
    }

    private StartScriptCommand mark(String name, String mutex, ScriptIsolationLevel level, Duration timeout) {
        return StartScriptCommand.of(ScriptSyntax.BASH, "echo \"$2\" >> \"$1/order.txt\"")
                .withIsolation(level, mutex, timeout).withArguments(shared.toString(), name);
    }

    private List<String> order() throws IOException {
        Path file = shared.resolve("order.txt");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static ProcessHandle process(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("process " + pid + " ended before the test looked"));
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
