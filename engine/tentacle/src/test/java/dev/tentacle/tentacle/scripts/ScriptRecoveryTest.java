package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.ProcessOutputSource;
import dev.tentacle.contracts.scripts.ProcessState;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.contracts.scripts.ScriptExitCodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A new engine over the work directory of an earlier one, as after an agent restart. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ScriptRecoveryTest {
    private static final ScriptEngineOptions OPTIONS = ScriptEngineOptions.defaults().withCancelGracePeriod(Duration.ofSeconds(2));

    @TempDir
    Path work;
    @TempDir
    Path shared;
    private ScriptEngine engine;
    private Process outsider;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (engine != null) {
            engine.close();
        }
        if (outsider != null) {
            outsider.destroyForcibly();
            outsider.waitFor();
        }
    }

    @Test
    void aCompletedScriptStillAnswersAfterTheRestartAndIsNotRunAgain() throws IOException {
        ScriptTicket ticket = ScriptTicket.newTicket();
        StartScriptCommand command = StartScriptCommand.of(ScriptSyntax.BASH, "echo ran >> \"$1/runs.txt\"; echo out; exit 5")
                .withArguments(shared.toString());
        try (ScriptEngine before = new ScriptEngine(work, OPTIONS)) {
            before.start(ticket, command);
            logs(before, ticket).awaitEnd();
        }

        engine = new ScriptEngine(work, OPTIONS);
        ScriptLogs logs = logs(engine, ticket);
        ScriptStatusResponse status = logs.awaitEnd();
        engine.start(ticket, command);

        assertThat(status.exitCode()).isEqualTo(5);
        assertThat(logs.texts()).containsExactly("out");
        assertThat(Files.readAllLines(shared.resolve("runs.txt"))).containsExactly("ran");
    }

    @Test
    void aScriptWhoseProcessIsGoneAfterTheRestartIsCompleteWithTheUnknownResultExitCode() throws Exception {
        Process finished = new ProcessBuilder("sleep", "300").start();
        Instant start = finished.toHandle().info().startInstant().orElseThrow();
        finished.destroyForcibly().waitFor();
        ScriptTicket ticket = ScriptTicket.newTicket();
        recordWorkspace(ticket, ScriptState.starting(ticket, Instant.now()).running(finished.pid(), start), "before the restart");

        engine = new ScriptEngine(work, OPTIONS);
        ScriptLogs logs = logs(engine, ticket);
        ScriptStatusResponse status = logs.awaitEnd();

        assertThat(status.exitCode()).isEqualTo(ScriptExitCodes.UNKNOWN_RESULT);
        assertThat(logs.texts()).hasSize(2).first().isEqualTo("before the restart");
        assertThat(logs.texts(ProcessOutputSource.DEBUG)).singleElement().asString()
                .contains("The agent restarted while this script ran, and the script is no longer running");

        engine.close();
        engine = new ScriptEngine(work, OPTIONS);
        assertThat(engine.status(ticket, 0).logs()).hasSize(2);
        assertThat(engine.status(ticket, 0).exitCode()).isEqualTo(ScriptExitCodes.UNKNOWN_RESULT);
    }

    @Test
    void aScriptStillRunningAfterTheRestartIsReportedRunningUntilItsProcessEnds() throws Exception {
        outsider = new ProcessBuilder("sleep", "300").start();
        ScriptTicket ticket = ScriptTicket.newTicket();
        recordWorkspace(ticket, ScriptState.starting(ticket, Instant.now())
                .running(outsider.pid(), outsider.toHandle().info().startInstant().orElseThrow()));

        engine = new ScriptEngine(work, OPTIONS);
        ScriptLogs logs = logs(engine, ticket);
        logs.awaitLine("The script is still running (process " + outsider.pid() + ")");
        assertThat(logs.latest().state()).isEqualTo(ProcessState.RUNNING);

        outsider.destroy();
        ScriptStatusResponse end = logs.awaitEnd();

        assertThat(end.exitCode()).isEqualTo(ScriptExitCodes.UNKNOWN_RESULT);
        assertThat(logs.texts(ProcessOutputSource.DEBUG)).last().asString().contains("has ended. Its exit code is unknown");
    }

    @Test
    void cancellingAScriptThatOutlivedTheRestartStopsIt() throws Exception {
        outsider = new ProcessBuilder("sleep", "300").start();
        ScriptTicket ticket = ScriptTicket.newTicket();
        recordWorkspace(ticket, ScriptState.starting(ticket, Instant.now())
                .running(outsider.pid(), outsider.toHandle().info().startInstant().orElseThrow()));
        engine = new ScriptEngine(work, OPTIONS);

        engine.cancel(ticket, 0);
        ScriptStatusResponse end = logs(engine, ticket).awaitEnd();

        assertThat(end.exitCode()).isEqualTo(ScriptExitCodes.CANCELED);
        assertThat(ProcessTrees.isRunning(outsider.toHandle())).isFalse();
    }

    @Test
    void aRecordedProcessIdNowUsedByAnotherProcessIsNotMistakenForTheScript() throws Exception {
        outsider = new ProcessBuilder("sleep", "300").start();
        ScriptTicket ticket = ScriptTicket.newTicket();
        Instant otherStart = outsider.toHandle().info().startInstant().orElseThrow().minusSeconds(3600);
        recordWorkspace(ticket, ScriptState.starting(ticket, Instant.now()).running(outsider.pid(), otherStart));

        engine = new ScriptEngine(work, OPTIONS);

        assertThat(logs(engine, ticket).awaitEnd().exitCode()).isEqualTo(ScriptExitCodes.UNKNOWN_RESULT);
        assertThat(ProcessTrees.isRunning(outsider.toHandle())).isTrue();
    }

    @Test
    void aScriptThatWaitedForItsMutexWhenTheAgentStoppedDidNotRunAndSaysSo() throws IOException {
        ScriptTicket ticket = ScriptTicket.newTicket();
        recordWorkspace(ticket, ScriptState.starting(ticket, Instant.now()));

        engine = new ScriptEngine(work, OPTIONS);
        ScriptLogs logs = logs(engine, ticket);

        assertThat(logs.awaitEnd().exitCode()).isEqualTo(ScriptExitCodes.UNKNOWN_RESULT);
        assertThat(logs.texts(ProcessOutputSource.DEBUG)).singleElement().asString().contains("restarted before this script started, so it did not run");
    }

    @Test
    void aHalfAcceptedStartIsForgottenSoThatARetriedStartRunsTheScript() throws IOException {
        ScriptTicket ticket = ScriptTicket.newTicket();
        Files.createDirectories(work.resolve(ticket.value()));
        Files.writeString(work.resolve(ticket.value()).resolve("script.sh"), "echo half");

        engine = new ScriptEngine(work, OPTIONS);
        assertThat(work.resolve(ticket.value())).doesNotExist();
        assertThat(engine.status(ticket, 0).exitCode()).isEqualTo(ScriptExitCodes.UNKNOWN_SCRIPT);

        engine.start(ticket, StartScriptCommand.of(ScriptSyntax.BASH, "echo whole"));
        ScriptLogs logs = logs(engine, ticket);
        assertThat(logs.awaitEnd().exitCode()).isZero();
        assertThat(logs.texts()).containsExactly("whole");
    }

    @Test
    void stoppingTheEngineCancelsRunningScriptsAndRecordsIt() {
        ScriptTicket ticket = ScriptTicket.newTicket();
        try (ScriptEngine before = new ScriptEngine(work, OPTIONS)) {
            before.start(ticket, StartScriptCommand.of(ScriptSyntax.BASH, "echo started; sleep 300"));
            logs(before, ticket).awaitLine("started");
        }

        engine = new ScriptEngine(work, OPTIONS);
        ScriptLogs logs = logs(engine, ticket);

        assertThat(logs.awaitEnd().exitCode()).isEqualTo(ScriptExitCodes.CANCELED);
        assertThat(logs.texts(ProcessOutputSource.DEBUG)).anyMatch(line -> line.contains("The agent is stopping: the script is cancelled."));
    }

    @Test
    void completedTicketsAreForgottenAfterTheRetention() throws IOException {
        ScriptTicket ticket = ScriptTicket.newTicket();
        try (ScriptEngine before = new ScriptEngine(work, OPTIONS)) {
            before.start(ticket, StartScriptCommand.of(ScriptSyntax.BASH, "exit 0"));
            logs(before, ticket).awaitEnd();
            before.complete(ticket, 0);
        }
        Path record = work.resolve(".completed").resolve(ticket.value() + ".json");
        Files.setLastModifiedTime(record, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        engine = new ScriptEngine(work, OPTIONS);

        assertThat(record).doesNotExist();
        assertThat(engine.status(ticket, 0).exitCode()).isEqualTo(ScriptExitCodes.UNKNOWN_SCRIPT);
    }

    private void recordWorkspace(ScriptTicket ticket, ScriptState state, String... stdout) throws IOException {
        ScriptWorkspace workspace = new ScriptWorkspace(work, ticket);
        Files.createDirectories(workspace.directory());
        workspace.writeState(state);
        try (OutputLog log = OutputLog.open(workspace.outputLog())) {
            for (String line : stdout) {
                log.append(ProcessOutputSource.STDOUT, line, Instant.now());
            }
        }
    }

    private static ScriptLogs logs(ScriptEngine engine, ScriptTicket ticket) {
        return new ScriptLogs(sequence -> engine.status(ticket, sequence));
    }
}
