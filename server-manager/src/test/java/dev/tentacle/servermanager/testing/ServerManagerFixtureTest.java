package dev.tentacle.servermanager.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.health.HealthStatus;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fixture every Server Manager test builds on gives a working server: its node checks real Tentacles. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ServerManagerFixtureTest {
    @TempDir
    Path root;

    private ServerManagerFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aServerNodeOfACreatedInstanceChecksAListeningAndAPollingTentacle() {
        fixture = new ServerManagerFixture(root);
        ServerInstance server = fixture.createServer("Main");
        Storage storage = fixture.storage(server);
        fixture.startNode(server);
        Machine listening = fixture.addListening(server, fixture.listeningTentacle(server, "web01"));
        fixture.pollingTentacle(server, "db01");
        Machine polling = storage.machines().findByName("db01").orElseThrow();

        Task task = storage.tasks().create(NewTask.healthCheck("Check", "tests",
                java.util.List.of(listening.id(), polling.id())));

        await().atMost(Duration.ofSeconds(60)).until(() -> storage.tasks().get(task.id()).orElseThrow().state()
                .isFinished());
        assertThat(storage.tasks().get(task.id()).orElseThrow().state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(storage.healthChecks().latest(listening.id()).orElseThrow().status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(storage.healthChecks().latest(polling.id()).orElseThrow().status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(fixture.registry().get("main").configFile()).isEqualTo(server.configFile());
    }
}
