package dev.tentacle.contracts.client;

import dev.tentacle.contracts.client.ScriptExecutor;
import dev.tentacle.contracts.client.ScriptResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.tentacle.agent.AgentServices;
import dev.tentacle.tentacle.agent.TentacleServices;
import dev.tentacle.tentacle.scripts.AgentScriptService;
import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ProcessState;
import dev.tentacle.tentacle.scripts.ScriptEngine;
import dev.tentacle.contracts.scripts.ScriptExitCodes;
import dev.tentacle.contracts.scripts.ScriptIsolationLevel;
import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.contracts.scripts.ScriptStatusRequest;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScriptExecutorTest {
    @TempDir
    Path home;

    private CommsRuntime agent;
    private AgentServices services;
    private CommsRuntime server;

    private ServiceEndpoint startAgent(AgentServices hosted) {
        services = hosted;
        CommsRuntime.Builder builder = CommsRuntime.builder(CertificateFixtures.tentacle())
                .trust(TrustList.of(CertificateFixtures.server().thumbprints().sha1()));
        hosted.registerOn(builder);
        agent = builder.build();
        int port = agent.listen(new InetSocketAddress("127.0.0.1", 0), "Tentacle listening endpoint");
        server = CommsRuntime.builder(CertificateFixtures.server()).build();
        return ServiceEndpoint.listening("127.0.0.1", port, CertificateFixtures.tentacle().thumbprints().sha256());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (agent != null) {
            agent.close();
        }
        if (services != null) {
            services.close();
        }
    }

    private static StartScriptCommand bash(String body) {
        return StartScriptCommand.of(ScriptSyntax.BASH, body).withIsolation(ScriptIsolationLevel.NO_ISOLATION, null, null);
    }

    @Test
    void runsAScriptWithScriptServiceV2AndReturnsItsExitCodeAndWholeLog() {
        ServiceEndpoint endpoint = startAgent(TentacleServices.forHome(home));
        List<String> streamed = new CopyOnWriteArrayList<>();
        ScriptExecutor executor = new ScriptExecutor(server, endpoint, RetryPolicy.defaults());

        ScriptResult result = executor.execute(bash("for i in 1 2 3; do echo line $i; done; echo oops >&2; exit 3"),
                line -> streamed.add(line.text()));

        assertThat(result.scriptServiceVersion()).isEqualTo(2);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.lines()).contains("line 1", "line 2", "line 3", "oops");
        assertThat(streamed).isEqualTo(result.lines());
    }

    @Test
    void fallsBackToScriptServiceV1ForAnAgentWithoutCapabilities() {
        ScriptEngine engine = new ScriptEngine(home.resolve("Work"));
        ServiceEndpoint endpoint = startAgent(new AgentServices() {
            @Override
            public void registerOn(CommsRuntime.Builder runtime) {
                runtime.service(ScriptService.class, new AgentScriptService(engine));
            }

            @Override
            public void close() {
                engine.close();
            }
        });
        ScriptExecutor executor = new ScriptExecutor(server, endpoint, RetryPolicy.defaults());

        assertThat(executor.supportsV2()).isFalse();
        ScriptResult result = executor.execute(bash("echo from an old agent; exit 5"), line -> {
        });

        assertThat(result.scriptServiceVersion()).isEqualTo(1);
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.lines()).contains("from an old agent");
    }

    @Test
    void interruptingTheCallerCancelsTheScriptOnTheAgent() throws Exception {
        ServiceEndpoint endpoint = startAgent(TentacleServices.forHome(home));
        ScriptExecutor executor = new ScriptExecutor(server, endpoint, RetryPolicy.defaults());
        ScriptTicket ticket = ScriptTicket.newTicket();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<ProcessOutput> seen = new CopyOnWriteArrayList<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                executor.execute(ticket, bash("echo started; sleep 30; echo never"), seen::add);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.stream().anyMatch(l -> l.text().equals("started")));

        caller.interrupt();
        caller.join(Duration.ofSeconds(30));

        assertThat(failure.get()).isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        ScriptServiceV2 scripts = server.client(endpoint, ScriptServiceV2.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> scripts.getStatus(new ScriptStatusRequest(ticket, 0)).state() == ProcessState.COMPLETE);
        assertThat(scripts.getStatus(new ScriptStatusRequest(ticket, 0)).exitCode()).isEqualTo(ScriptExitCodes.CANCELED);
    }
}
