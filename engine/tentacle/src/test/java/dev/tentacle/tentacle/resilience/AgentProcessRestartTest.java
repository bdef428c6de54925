package dev.tentacle.tentacle.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessState;
import dev.tentacle.contracts.scripts.ScriptExitCodes;
import dev.tentacle.contracts.scripts.ScriptIsolationLevel;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.contracts.scripts.ScriptStatusRequest;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.StartScriptCommandV2;
import dev.tentacle.testing.certificates.CertificateFixtures;
import dev.tentacle.testing.net.Ports;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An agent process killed in the middle of a script still answers for that ticket once it is started again. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AgentProcessRestartTest {
    @TempDir
    Path home;
    @TempDir
    Path certificates;

    private final List<Process> agents = new ArrayList<>();

    @AfterEach
    void killAgents() {
        agents.forEach(Process::destroyForcibly);
    }

    private Process startAgent(Path pfx, int port) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), AgentProcessMain.class.getName(),
                home.toString(), pfx.toString(), String.valueOf(port), CertificateFixtures.server().thumbprints().sha256().hex())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        agents.add(process);
        return process;
    }

    @Test
    void statusForATicketStillAnswersAfterTheAgentProcessIsKilledAndStartedAgain() throws Exception {
        Path pfx = CertificateFixtures.writePkcs12(CertificateFixtures.tentacle(), certificates, "agent.pfx");
        int port = Ports.freeLoopbackPort();
        ServiceEndpoint endpoint = ServiceEndpoint.listening("127.0.0.1", port, CertificateFixtures.tentacle().thumbprints().sha1());
        try (CommsRuntime server = CommsRuntime.builder(CertificateFixtures.server()).build()) {
            ScriptServiceV2 scripts = server.client(endpoint, ScriptServiceV2.class, RetryPolicy.ofDuration(Duration.ofSeconds(60)));
            Process first = startAgent(pfx, port);
            ScriptTicket ticket = ScriptTicket.newTicket();
            StartScriptCommand command = StartScriptCommand.of(ScriptSyntax.BASH, "echo started; sleep 3; echo finished; exit 4")
                    .withIsolation(ScriptIsolationLevel.NO_ISOLATION, null, null);
            scripts.startScript(StartScriptCommandV2.of(ticket, command));
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(scripts.getStatus(new ScriptStatusRequest(ticket, 0))).contains("started"));

            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no chance to clean up
            assertThat(first.isAlive()).isFalse();
            startAgent(pfx, port);

            // The retry policy carries the call over the agent's restart; the new process answers from the workspace.
            ScriptStatusResponse status = scripts.getStatus(new ScriptStatusRequest(ticket, 0));
            assertThat(status.ticket()).isEqualTo(ticket);
            assertThat(lines(status)).contains("started");
            await().atMost(Duration.ofSeconds(60)).until(() -> scripts.getStatus(new ScriptStatusRequest(ticket, 0)).state() == ProcessState.COMPLETE);
            ScriptStatusResponse done = scripts.getStatus(new ScriptStatusRequest(ticket, 0));
            // Only a parent can read an exit code, and the parent died: the agent says the result is unknown.
            assertThat(done.exitCode()).isEqualTo(ScriptExitCodes.UNKNOWN_RESULT);
            // Starting the same ticket again does not run the script a second time.
            assertThat(scripts.startScript(StartScriptCommandV2.of(ticket, command)).state()).isEqualTo(ProcessState.COMPLETE);
        }
    }

    private static List<String> lines(ScriptStatusResponse status) {
        return status.logs().stream().map(ProcessOutput::text).toList();
    }
}
