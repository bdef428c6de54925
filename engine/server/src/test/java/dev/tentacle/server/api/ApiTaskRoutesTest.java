package dev.tentacle.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.server.storage.tasks.NewTaskLogLine;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskKind;
import dev.tentacle.server.storage.tasks.TaskState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTaskRoutesTest {

    @TempDir
    Path directory;
    ApiTestServer api;
    String web01;
    String web02;

    @BeforeEach
    void start() {
        api = new ApiTestServer(directory);
        web01 = api.client.post("/api/machines", ApiMachineRoutesTest.listening("web01", "Production", "web")).text("id");
        web02 = api.client.post("/api/machines", ApiMachineRoutesTest.listening("web02", "Test", "web")).text("id");
        api.client.post("/api/machines", ApiMachineRoutesTest.listening("db01", "Production", "database"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void queuesHealthCheckOfChosenMachines() {
        ApiTestClient.Response response = api.client.post("/api/tasks/health",
                "{\"machineIds\":[\"%s\",\"%s\"]}".formatted(web01, web02));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("kind")).isEqualTo("HEALTH_CHECK");
        assertThat(response.text("state")).isEqualTo("QUEUED");
        assertThat(response.text("requestedBy")).isEqualTo("api tests");
        assertThat(targetNames(response.json())).containsExactly("web01", "web02");
        Task stored = api.storage.tasks().get(TaskId.parse(response.text("id"))).orElseThrow();
        assertThat(stored.state()).isEqualTo(TaskState.QUEUED);
    }

    @Test
    void queuesHealthCheckOfAllMachines() {
        ApiTestClient.Response response = api.client.post("/api/tasks/health", "{\"all\":true}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(targetNames(response.json())).containsExactly("db01", "web01", "web02");
    }

    @Test
    void refusesHealthCheckWithoutSelection() {
        ApiTestClient.Response response = api.client.post("/api/tasks/health", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("machineIds");
    }

    @Test
    void refusesHealthCheckOfUnregisteredMachineNamingIt() {
        ApiTestClient.Response response = api.client.post("/api/tasks/health", "{\"machineIds\":[\"Machines-999\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("error")).contains("Machines-999");
    }

    @Test
    void queuesScriptByRoleAndEnvironmentWithItsPayload() {
        ApiTestClient.Response response = api.client.post("/api/tasks/script", """
                {"role":"web","environment":"Production","scriptBody":"echo hello","syntax":"Bash"}""");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("kind")).isEqualTo("SCRIPT");
        assertThat(targetNames(response.json())).containsExactly("web01");
        Task stored = api.storage.tasks().get(TaskId.parse(response.text("id"))).orElseThrow();
        assertThat(stored.kind()).isEqualTo(TaskKind.SCRIPT);
        assertThat(stored.payload()).contains("\"scriptBody\":\"echo hello\"").contains("\"syntax\":\"BASH\"");
    }

    @Test
    void queuesScriptOnMachineIds() {
        ApiTestClient.Response response = api.client.post("/api/tasks/script", """
                {"machineIds":["%s"],"scriptBody":"Write-Host hi","syntax":"PowerShell"}""".formatted(web02));

        assertThat(response.status()).isEqualTo(201);
        assertThat(targetNames(response.json())).containsExactly("web02");
    }

    @Test
    void refusesUnknownSyntaxNamingTheAllowedOnes() {
        ApiTestClient.Response response = api.client.post("/api/tasks/script", """
                {"role":"web","scriptBody":"x","syntax":"Cobol"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("syntax");
        assertThat(response.text("error")).contains("BASH", "POWERSHELL", "CMD");
    }

    @Test
    void refusesScriptWithoutBody() {
        ApiTestClient.Response response = api.client.post("/api/tasks/script", """
                {"role":"web","syntax":"Bash"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("scriptBody");
    }

    @Test
    void refusesScriptWhenNoMachineHasTheRole() {
        ApiTestClient.Response response = api.client.post("/api/tasks/script", """
                {"role":"cache","scriptBody":"x","syntax":"Bash"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("error")).contains("cache");
    }

    @Test
    void readsTaskWithTargets() {
        String id = api.client.post("/api/tasks/health", "{\"machineIds\":[\"%s\"]}".formatted(web01)).text("id");

        ApiTestClient.Response response = api.client.get("/api/tasks/" + id);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("state")).isEqualTo("QUEUED");
        assertThat(response.json().path("targets").get(0).path("machineId").asText()).isEqualTo(web01);
        assertThat(response.json().path("targets").get(0).path("state").asText()).isEqualTo("QUEUED");
    }

    @Test
    void unknownTaskIsNotFound() {
        ApiTestClient.Response response = api.client.get("/api/tasks/ServerTasks-999");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
        assertThat(api.client.get("/api/tasks/ServerTasks-999/log").status()).isEqualTo(404);
        assertThat(api.client.post("/api/tasks/ServerTasks-999/cancel", "").status()).isEqualTo(404);
    }

    @Test
    void pagesThroughTheLog() {
        TaskId id = TaskId.parse(api.client.post("/api/tasks/health", "{\"all\":true}").text("id"));
        api.storage.taskLogs().append(id, IntStream.rangeClosed(1, 5)
                .mapToObj(i -> NewTaskLogLine.server(Instant.parse("2026-01-01T00:00:00Z"), "line " + i)).toList());

        ApiTestClient.Response first = api.client.get("/api/tasks/" + id + "/log?limit=2");
        ApiTestClient.Response second = api.client.get("/api/tasks/" + id + "/log?after="
                + first.json().path("nextAfter").asLong() + "&limit=2");
        ApiTestClient.Response last = api.client.get("/api/tasks/" + id + "/log?after=4&limit=2");

        assertThat(texts(first.json())).containsExactly("line 1", "line 2");
        assertThat(first.json().path("more").asBoolean()).isTrue();
        assertThat(texts(second.json())).containsExactly("line 3", "line 4");
        assertThat(texts(last.json())).containsExactly("line 5");
        assertThat(last.json().path("more").asBoolean()).isFalse();
        assertThat(last.json().path("nextAfter").asLong()).isEqualTo(5);
        assertThat(last.json().path("lines").get(0).path("source").asText()).isEqualTo("SERVER");
    }

    @Test
    void refusesLogLimitOutOfRange() {
        String id = api.client.post("/api/tasks/health", "{\"all\":true}").text("id");

        ApiTestClient.Response response = api.client.get("/api/tasks/" + id + "/log?limit=0");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("limit");
        assertThat(response.text("error")).contains("from 1 to 10000");
    }

    @Test
    void cancelsQueuedTaskAndItsTargets() {
        String id = api.client.post("/api/tasks/health", "{\"all\":true}").text("id");

        ApiTestClient.Response response = api.client.post("/api/tasks/" + id + "/cancel", "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("state")).isEqualTo("CANCELLED");
        assertThat(response.text("failureReason")).contains("api tests");
        assertThat(StreamSupport.stream(response.json().path("targets").spliterator(), false)
                .map(t -> t.path("state").asText())).containsOnly("CANCELLED");
    }

    @Test
    void cancellingRunningTaskFlagsIt() {
        TaskId id = TaskId.parse(api.client.post("/api/tasks/health", "{\"all\":true}").text("id"));
        var target = api.storage.tasks().targets(id).getFirst();
        api.storage.tasks().claimTarget(id, target.machineId(), "node-a", null);

        ApiTestClient.Response response = api.client.post("/api/tasks/" + id + "/cancel", "");

        assertThat(response.text("state")).isEqualTo("RUNNING");
        assertThat(response.json().path("cancelRequested").asBoolean()).isTrue();
    }

    static List<String> targetNames(JsonNode task) {
        return StreamSupport.stream(task.path("targets").spliterator(), false)
                .map(t -> t.path("machineName").asText()).toList();
    }

    static List<String> texts(JsonNode page) {
        return StreamSupport.stream(page.path("lines").spliterator(), false).map(l -> l.path("text").asText()).toList();
    }
}
