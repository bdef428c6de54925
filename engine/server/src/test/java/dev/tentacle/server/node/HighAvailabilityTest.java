package dev.tentacle.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.api.ApiServerSettings;
import dev.tentacle.server.api.ApiTestClient;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageConfiguration;
import dev.tentacle.server.storage.PostgresTestDatabases;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskState;
import dev.tentacle.server.storage.tasks.TaskTarget;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes sharing one real PostgreSQL. A polling Tentacle polls node A only; requests made through node B's
 * API still reach it, because the machine's part of the task is claimed by the node it is connected to. Both nodes
 * scan for work only once a minute here, so prompt pickup proves that PostgreSQL NOTIFY wakes the other node.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HighAvailabilityTest {
    private static final CertificateIdentity SERVER = CertificateFixtures.server();
    private static final CertificateIdentity AGENT = CertificateFixtures.tentacle();
    private static PostgresTestDatabases postgres;

    @TempDir
    Path listeningHome;
    @TempDir
    Path pollingHome;

    private Storage storageA;
    private Storage storageB;
    private ServerNode nodeA;
    private ServerNode nodeB;
    private Agents agents;
    private ApiTestClient throughB;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresTestDatabases.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void twoNodesOnOneDatabase() {
        StorageConfiguration database = postgres.newDatabase();
        storageA = Storage.open(database);
        storageB = Storage.open(database);
        agents = new Agents(AGENT, SERVER);
        int listeningPort = agents.listening(listeningHome);
        storageB.machines().add(NewMachine.listening("web01", URI.create("https://127.0.0.1:" + listeningPort + "/"),
                AGENT.thumbprints().sha256()).withRoles("app"));
        storageB.machines().add(NewMachine.polling("db01", "db01", AGENT.thumbprints().sha256()).withRoles("app", "db"));

        nodeA = node(storageA, "node-a", Optional.empty());
        nodeB = node(storageB, "node-b", Optional.of(ApiServerSettings.defaults(SERVER).withBindHost("127.0.0.1").withPort(0)));
        agents.polling(pollingHome, "db01", nodeA.commsPort());
        await().atMost(Duration.ofSeconds(30)).until(() -> nodeA.connectedSubscribers("db01") > 0);
        throughB = new ApiTestClient(SERVER.certificate(), nodeB.api().orElseThrow().port(),
                storageB.apiKeys().create("ha tests").plainKey());
    }

    private static ServerNode node(Storage storage, String name, Optional<ApiServerSettings> api) {
        NodeSettings settings = NodeSettings.defaults(name, new InetSocketAddress("127.0.0.1", 0))
                .withScanInterval(Duration.ofMinutes(1))
                .withPollingClaimGrace(Duration.ofMinutes(5))
                .withScheduleInterval(Duration.ofHours(1));
        return ServerNode.start(storage, SERVER, settings, Agents.OPTIONS, api, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        nodeB.close();
        nodeA.close();
        agents.close();
        storageB.close();
        storageA.close();
    }

    private TaskId awaitFinished(String id) {
        TaskId taskId = TaskId.parse(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> storageA.tasks().get(taskId).orElseThrow().state().isFinished());
        return taskId;
    }

    @Test
    void aScriptRequestedThroughNodeBReachesTheTentacleThatPollsNodeA() {
        ApiTestClient.Response queued = throughB.post("/api/tasks/script",
                "{\"role\":\"app\",\"scriptBody\":\"echo hello from $(hostname)\",\"syntax\":\"BASH\"}");
        assertThat(queued.status()).as(queued.raw().body()).isEqualTo(201);

        TaskId task = awaitFinished(queued.text("id"));

        assertThat(storageB.tasks().get(task).orElseThrow().state()).isEqualTo(TaskState.SUCCEEDED);
        List<TaskTarget> targets = storageB.tasks().targets(task);
        assertThat(targets).filteredOn(t -> t.machineName().equals("db01")).singleElement()
                .extracting(TaskTarget::claimedBy).isEqualTo("node-a");
        assertThat(targets).allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED));
        JsonNode log = throughB.get("/api/tasks/" + task + "/log").json();
        assertThat(StreamSupport.stream(log.path("lines").spliterator(), false).map(line -> line.path("text").asText()))
                .filteredOn(text -> text.startsWith("hello from ")).hasSize(2);
    }

    @Test
    void aHealthCheckRequestedThroughNodeBChecksThePollingTentacleThroughNodeA() {
        ApiTestClient.Response queued = throughB.post("/api/tasks/health", "{\"all\":true}");
        assertThat(queued.status()).as(queued.raw().body()).isEqualTo(201);

        TaskId task = awaitFinished(queued.text("id"));

        assertThat(storageA.tasks().get(task).orElseThrow().state()).isEqualTo(TaskState.SUCCEEDED);
        JsonNode machines = throughB.get("/api/machines").json();
        assertThat(machines).hasSize(2);
        assertThat(storageA.tasks().targets(task)).filteredOn(t -> t.machineName().equals("db01"))
                .extracting(TaskTarget::claimedBy).containsExactly("node-a");
    }

    @Test
    void whenNodeAStopsItsUnfinishedWorkIsFailedByNodeB() throws Exception {
        ApiTestClient.Response queued = throughB.post("/api/tasks/script",
                "{\"role\":\"db\",\"scriptBody\":\"echo started; sleep 120\",\"syntax\":\"BASH\"}");
        TaskId task = TaskId.parse(queued.text("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> storageB.tasks().targets(task).getFirst().state() == TaskState.RUNNING);

        // A node that vanishes without closing: its heartbeat stops; model it by ageing its record.
        storageA.nodes().started("node-a", nodeA.commsPort(), null);
        try (var connection = java.sql.DriverManager.getConnection(storageA.configuration().jdbcUrl(),
                storageA.configuration().user(), ""); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE server_nodes SET last_seen = last_seen - INTERVAL '1 hour' WHERE name = 'node-a'");
        }
        nodeB.heartbeatNow();

        assertThat(storageB.tasks().get(task).orElseThrow().state()).isEqualTo(TaskState.FAILED);
        assertThat(storageB.tasks().targets(task).getFirst().failureReason()).contains("Server node node-a stopped");
    }
}
