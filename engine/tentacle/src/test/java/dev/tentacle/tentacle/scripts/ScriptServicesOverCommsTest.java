package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.StartScriptCommandV2;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptStatusRequest;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.CancelScriptCommand;
import dev.tentacle.contracts.scripts.CompleteScriptCommand;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessOutputSource;
import dev.tentacle.contracts.scripts.ProcessState;
import dev.tentacle.contracts.scripts.ScriptIsolationLevel;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.contracts.scripts.ScriptFile;
import dev.tentacle.contracts.scripts.ScriptExitCodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** ScriptService v1 and v2 called by a server runtime through a real mutual-TLS connection to a listening agent. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ScriptServicesOverCommsTest {
    private static final ScriptEngineOptions OPTIONS = ScriptEngineOptions.defaults()
            .withCancelGracePeriod(Duration.ofSeconds(2)).withMaxLogLinesPerResponse(7);

    @TempDir
    Path work;
    @TempDir
    Path shared;
    private ScriptEngine engine;
    private LoopbackAgent agent;
    private ScriptServiceV2 v2;

    @BeforeEach
    void startAgent() {
        startAgentOver(work);
    }

    @AfterEach
    void stopAgent() {
        agent.close();
        engine.close();
    }

    @Test
    void runsABashScriptAndPagesItsLogToTheExitCode() {
        ScriptTicket ticket = ScriptTicket.newTicket();
        ScriptStatusResponse started = v2.startScript(StartScriptCommandV2.of(ticket, StartScriptCommand.of(ScriptSyntax.BASH, """
                for i in $(seq 1 20); do echo "line $i"; done
                echo "to stderr" >&2
                exit 7
                """)));
        ScriptLogs logs = logsV2(ticket);
        ScriptStatusResponse end = logs.awaitEnd();

        assertThat(started.ticket()).isEqualTo(ticket);
        assertThat(end.exitCode()).isEqualTo(7);
        assertThat(logs.texts(ProcessOutputSource.STDOUT)).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).toList());
        assertThat(logs.texts(ProcessOutputSource.STDERR)).containsExactly("to stderr");
        assertThat(logs.pageSizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(7));
        assertThat(logs.lines()).allSatisfy(line -> assertThat(line.occurred()).isNotNull());
    }

    @Test
    void startingTheSameTicketTwiceRunsTheScriptOnce() throws IOException {
        ScriptTicket ticket = ScriptTicket.newTicket();
        StartScriptCommandV2 start = StartScriptCommandV2.of(ticket,
                StartScriptCommand.of(ScriptSyntax.BASH, "echo \"$1\" >> \"$2/runs.txt\"; echo ran").withArguments(ticket.value(), shared.toString()));

        v2.startScript(start);
        ScriptStatusResponse second = v2.startScript(start);
        logsV2(ticket).awaitEnd();
        ScriptStatusResponse third = v2.startScript(start);

        assertThat(second.ticket()).isEqualTo(ticket);
        assertThat(third.state()).isEqualTo(ProcessState.COMPLETE);
        assertThat(third.logs()).extracting(ProcessOutput::text).containsExactly("ran");
        assertThat(Files.readAllLines(shared.resolve("runs.txt"))).containsExactly(ticket.value());
    }

    @Test
    void cancelStopsTheScriptsProcessTree() throws IOException {
        ScriptTicket ticket = ScriptTicket.newTicket();
        v2.startScript(StartScriptCommandV2.of(ticket, StartScriptCommand.of(ScriptSyntax.BASH, """
                sleep 300 &
                echo $! > "$1/sleep.pid"
                echo waiting
                wait
                """).withArguments(shared.toString())));
        ScriptLogs logs = logsV2(ticket);
        logs.awaitLine("waiting");
        ProcessHandle sleep = ProcessHandle.of(Long.parseLong(Files.readString(shared.resolve("sleep.pid")).strip())).orElseThrow();

        v2.cancelScript(new CancelScriptCommand(ticket, 0));
        ScriptStatusResponse end = logs.awaitEnd();

        assertThat(end.exitCode()).isEqualTo(ScriptExitCodes.CANCELED);
        assertThat(ProcessTrees.isRunning(sleep)).isFalse();
    }

    @Test
    void scriptsOnTheSameMutexRunOneAtATime() throws IOException {
        ScriptTicket first = ScriptTicket.newTicket();
        ScriptTicket second = ScriptTicket.newTicket();
        String body = """
                echo "$2-start" >> "$1/order.txt"
                while [ "$2" = first ] && [ ! -f "$1/release" ]; do sleep 0.05; done
                echo "$2-end" >> "$1/order.txt"
                """;
        StartScriptCommand shape = StartScriptCommand.of(ScriptSyntax.BASH, body)
                .withIsolation(ScriptIsolationLevel.FULL_ISOLATION, "deploy", Duration.ofMinutes(5));
        v2.startScript(StartScriptCommandV2.of(first, shape.withArguments(shared.toString(), "first")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(shared.resolve("order.txt")));
        v2.startScript(StartScriptCommandV2.of(second, shape.withArguments(shared.toString(), "second")));
        ScriptLogs secondLogs = logsV2(second);
        secondLogs.awaitLine("Waiting for the script isolation mutex 'deploy'");

        Files.createFile(shared.resolve("release"));
        secondLogs.awaitEnd();
        logsV2(first).awaitEnd();

        assertThat(Files.readAllLines(shared.resolve("order.txt"))).containsExactly("first-start", "first-end", "second-start", "second-end");
    }

    @Test
    void aRestartedAgentStillAnswersForATicketAndCompletesIt() {
        ScriptTicket ticket = ScriptTicket.newTicket();
        v2.startScript(StartScriptCommandV2.of(ticket, StartScriptCommand.of(ScriptSyntax.BASH, "echo before; exit 3")));
        logsV2(ticket).awaitEnd();

        agent.close();
        engine.close();
        startAgentOver(work);
        ScriptLogs logs = logsV2(ticket);
        ScriptStatusResponse status = logs.awaitEnd();
        ScriptStatusResponse completed = v2.completeScript(new CompleteScriptCommand(ticket, 0));
        ScriptStatusResponse completedAgain = v2.completeScript(new CompleteScriptCommand(ticket, 0));

        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(logs.texts()).containsExactly("before");
        assertThat(completed.exitCode()).isEqualTo(3);
        assertThat(completedAgain).isEqualTo(completed);
        assertThat(work.resolve(ticket.value())).doesNotExist();
    }

    @Test
    void scriptServiceV1IssuesTheTicketAndRunsTheScript() {
        ScriptService v1 = agent.client(ScriptService.class);

        ScriptTicket ticket = v1.startScript(StartScriptCommand.of(ScriptSyntax.BASH, "echo \"v1 $1\"").withArguments("works")
                .withFiles(ScriptFile.ofText("extra.txt", "payload")));
        ScriptLogs logs = new ScriptLogs(sequence -> v1.getStatus(new ScriptStatusRequest(ticket, sequence)));
        ScriptStatusResponse end = logs.awaitEnd();
        ScriptStatusResponse completed = v1.completeScript(new CompleteScriptCommand(ticket, end.nextLogSequence()));

        assertThat(ScriptTicket.isValid(ticket.value())).isTrue();
        assertThat(logs.texts()).containsExactly("v1 works");
        assertThat(completed.exitCode()).isZero();
        assertThat(completed.logs()).isEmpty();
        assertThat(work.resolve(ticket.value())).doesNotExist();
    }

    @Test
    void aTicketWithPathCharactersIsRefusedAsAnInvalidArgument() {
        ForgedScriptCalls.ScriptServiceV2 forger = agent.client(ForgedScriptCalls.ScriptServiceV2.class);

        assertThatThrownBy(() -> forger.getStatus(new ForgedScriptCalls.Request(new ForgedScriptCalls.Ticket("../../etc"), 0)))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("A script ticket is 1 to 100 letters, digits");
        assertThat(work.getParent().resolve("etc")).doesNotExist();
    }

    private void startAgentOver(Path workDirectory) {
        engine = new ScriptEngine(workDirectory, OPTIONS);
        agent = LoopbackAgent.hosting(builder -> builder
                .service(ScriptService.class, new AgentScriptService(engine))
                .service(ScriptServiceV2.class, new AgentScriptServiceV2(engine)));
        v2 = agent.client(ScriptServiceV2.class);
    }

    private ScriptLogs logsV2(ScriptTicket ticket) {
        return new ScriptLogs(sequence -> v2.getStatus(new ScriptStatusRequest(ticket, sequence)));
    }
}
