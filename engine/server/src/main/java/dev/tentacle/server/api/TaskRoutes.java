package dev.tentacle.server.api;

import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.server.tasks.ScriptPayload;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageChannel;
import dev.tentacle.server.storage.StorageNotFoundException;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.NewTask;
import dev.tentacle.server.storage.tasks.Task;
import dev.tentacle.server.storage.tasks.TaskId;
import dev.tentacle.server.storage.tasks.TaskLogRepository;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/tasks}: queue health check and script tasks, read their status and logs, cancel them. Queued tasks are
 * run later by the server's task runner, not by this API.
 */
final class TaskRoutes {

    static final int DEFAULT_LOG_PAGE_SIZE = 1000;

    private final Storage storage;
    private final TaskTargets targets;

    TaskRoutes(Storage storage) {
        this.storage = storage;
        this.targets = new TaskTargets(storage);
    }

    void register(Javalin app) {
        app.post("/api/tasks/health", this::healthCheck);
        app.post("/api/tasks/script", this::script);
        app.get("/api/tasks/{id}", this::get);
        app.get("/api/tasks/{id}/log", this::log);
        app.post("/api/tasks/{id}/cancel", this::cancel);
    }

    private void healthCheck(Context ctx) {
        HealthCheckRequest request = ApiJson.body(ctx, HealthCheckRequest.class);
        List<Machine> machines = targets.forHealthCheck(request);
        NewTask task = NewTask.healthCheck("Check the health of " + TaskTargets.describe(machines), requester(ctx),
                ids(machines));
        created(ctx, storage.tasks().create(task));
    }

    private void script(Context ctx) {
        ScriptTaskRequest request = ApiJson.body(ctx, ScriptTaskRequest.class);
        if (request.scriptBody() == null || request.scriptBody().isBlank()) {
            throw ApiException.invalid("scriptBody", "scriptBody must hold the script to run");
        }
        ScriptSyntax syntax = parseSyntax(request.syntax());
        List<Machine> machines = targets.forScript(request);
        NewTask task = NewTask.script("Run a " + syntax.name().toLowerCase(Locale.ROOT) + " script on "
                + TaskTargets.describe(machines), requester(ctx), payload(request.scriptBody(), syntax), ids(machines));
        created(ctx, storage.tasks().create(task));
    }

    private void get(Context ctx) {
        TaskId id = ApiIds.task("id", ctx.pathParam("id"));
        Task task = storage.tasks().get(id).orElseThrow(() -> notFound(id));
        ctx.json(TaskResource.of(task, storage.tasks().targets(id)));
    }

    private void log(Context ctx) {
        TaskId id = ApiIds.task("id", ctx.pathParam("id"));
        long after = longParam(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) longParam(ctx, "limit", DEFAULT_LOG_PAGE_SIZE, 1, TaskLogRepository.MAXIMUM_PAGE_SIZE);
        ctx.json(TaskLogResource.of(id, storage.taskLogs().read(id, after, limit)));
    }

    private void cancel(Context ctx) {
        TaskId id = ApiIds.task("id", ctx.pathParam("id"));
        Task task = storage.tasks().requestCancel(id, requester(ctx));
        storage.notifications().publish(StorageChannel.TASKS);
        ctx.json(TaskResource.of(task, storage.tasks().targets(id)));
    }

    private void created(Context ctx, Task task) {
        storage.notifications().publish(StorageChannel.TASKS);
        ctx.status(HttpStatus.CREATED).header("Location", "/api/tasks/" + task.id());
        ctx.json(TaskResource.of(task, storage.tasks().targets(task.id())));
    }

    private static long longParam(Context ctx, String name, long fallback, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw ApiException.invalid(name, name + " must be a whole number from " + min + " to " + max + ", was '"
                + text + "'");
    }

    private static String requester(Context ctx) {
        // The key's name says what it is for, e.g. "deploy pipeline"; task records show it as who asked.
        return ApiKeyAuthentication.caller(ctx).name();
    }

    private static List<MachineId> ids(List<Machine> machines) {
        return machines.stream().map(Machine::id).toList();
    }

    private static String payload(String body, ScriptSyntax syntax) {
        return new ScriptPayload(body, syntax).toJson();
    }

    private static ScriptSyntax parseSyntax(String text) {
        String given = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(ScriptSyntax.values()).filter(s -> s.name().equals(given)).findFirst()
                .orElseThrow(() -> ApiException.invalid("syntax", "syntax must be one of "
                        + Arrays.toString(ScriptSyntax.values()) + ", was '" + text + "'"));
    }

    private static StorageNotFoundException notFound(TaskId id) {
        return new StorageNotFoundException("There is no task " + id + "; the id is in the Location header of the "
                + "response that created it");
    }
}
