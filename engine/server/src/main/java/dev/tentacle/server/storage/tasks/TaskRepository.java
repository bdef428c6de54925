package dev.tentacle.server.storage.tasks;

import dev.tentacle.server.storage.StorageConflictException;
import dev.tentacle.server.storage.StorageNotFoundException;
import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.internal.ConnectionScope;
import dev.tentacle.server.storage.machines.MachineId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Server tasks and their per-machine targets. State changes are conditional updates, so two server nodes sharing a
 * database cannot both start the same task, and a finished task never changes again.
 */
public final class TaskRepository {

    private static final String SELECT_TASK = "SELECT id, kind, state, description, requested_by, payload, created, "
            + "started, finished, cancel_requested, failure_reason FROM server_tasks ";
    private static final String SELECT_TARGET = "SELECT task_id, machine_id, machine_name, state, ticket, exit_code, "
            + "started, finished, failure_reason, claimed_by FROM server_task_targets ";
    private static final String UNFINISHED = "('QUEUED', 'RUNNING')";

    private final ConnectionScope scope;
    private final InstantSource clock;

    /** Created by {@code Storage}; use {@code storage.tasks()} or {@code tx.tasks()}. */
    public TaskRepository(ConnectionScope scope, InstantSource clock) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Queues a task with a QUEUED target for each machine. A task on no machines is finished at once, as SUCCEEDED.
     *
     * @throws StorageNotFoundException when one of the machines is not registered
     */
    public Task create(NewTask task) {
        Objects.requireNonNull(task, "task");
        return scope.withConnection("queueing task '" + task.description() + "'", connection -> {
            String sql = "INSERT INTO server_tasks (kind, state, description, requested_by, payload, created) "
                    + "VALUES (?, 'QUEUED', ?, ?, ?, ?)";
            TaskId id;
            try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
                insert.setString(1, task.kind().name());
                insert.setString(2, task.description());
                insert.setString(3, task.requestedBy());
                insert.setString(4, task.payload());
                Columns.setInstant(insert, 5, clock.instant());
                insert.executeUpdate();
                id = new TaskId(Columns.generatedId(insert));
            }
            for (MachineId machine : task.machines()) {
                insertTarget(connection, id, machine);
            }
            if (task.machines().isEmpty()) {
                finishIfComplete(connection, id); // nothing to wait for: no node would ever claim a part of it
            }
            return require(connection, id);
        });
    }

    public Optional<Task> get(TaskId id) {
        Objects.requireNonNull(id, "id");
        return scope.withConnection("reading task " + id, connection -> find(connection, id));
    }

    /** Tasks matching the filter, newest first. */
    public List<Task> list(TaskFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return scope.withConnection("listing tasks", connection -> {
            List<String> conditions = new ArrayList<>(List.of("1 = 1"));
            List<String> parameters = new ArrayList<>();
            if (filter.state() != null) {
                conditions.add("state = ?");
                parameters.add(filter.state().name());
            }
            if (filter.kind() != null) {
                conditions.add("kind = ?");
                parameters.add(filter.kind().name());
            }
            String sql = SELECT_TASK + "WHERE " + String.join(" AND ", conditions) + " ORDER BY id DESC LIMIT ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setString(i + 1, parameters.get(i));
                }
                select.setInt(parameters.size() + 1, filter.limit());
                return readTasks(select);
            }
        });
    }

    /** The task's targets, by machine name. */
    public List<TaskTarget> targets(TaskId id) {
        Objects.requireNonNull(id, "id");
        return scope.withConnection("reading the machines of task " + id, connection -> targetsOf(connection, id));
    }

    /**
     * The machine's parts of its most recent tasks, newest task first: what ran on it, how each ended and when.
     *
     * @param limit at most this many, 1 to {@value TaskFilter#MAXIMUM_LIMIT}
     */
    public List<TaskTarget> targetsOfMachine(MachineId machineId, int limit) {
        Objects.requireNonNull(machineId, "machineId");
        if (limit < 1 || limit > TaskFilter.MAXIMUM_LIMIT) {
            throw new IllegalArgumentException("A task list limit must be between 1 and " + TaskFilter.MAXIMUM_LIMIT
                    + ", was " + limit);
        }
        return scope.withConnection("reading the tasks of " + machineId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_TARGET
                    + "WHERE machine_id = ? ORDER BY task_id DESC LIMIT ?")) {
                select.setLong(1, machineId.value());
                select.setInt(2, limit);
                return readTargets(select);
            }
        });
    }

    /**
     * The machine parts that wait for a node to run them: QUEUED targets of tasks that are not finished and not being
     * cancelled, oldest task first.
     */
    public List<QueuedTarget> queuedTargets(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return scope.withConnection("listing the machine parts of tasks that wait to run", connection -> {
            String sql = "SELECT t.task_id, t.machine_id, t.machine_name, s.kind, s.created FROM server_task_targets t "
                    + "JOIN server_tasks s ON s.id = t.task_id WHERE t.state = 'QUEUED' AND s.state IN " + UNFINISHED
                    + " AND s.cancel_requested = FALSE ORDER BY t.task_id, t.machine_name, t.machine_id LIMIT ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setInt(1, limit);
                List<QueuedTarget> queued = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        queued.add(new QueuedTarget(new TaskId(rows.getLong("task_id")),
                                new MachineId(rows.getLong("machine_id")), rows.getString("machine_name"),
                                TaskKind.valueOf(rows.getString("kind")), Columns.getInstant(rows, "created")));
                    }
                }
                return List.copyOf(queued);
            }
        });
    }

    /**
     * Claims one machine's part of a task for a server node: the part moves from QUEUED to RUNNING, and the task too
     * if it was still queued. Safe when several nodes try at once: exactly one gets it.
     *
     * @param node the name of the node that will run it
     * @param ticket the script ticket issued for the machine, or null
     * @return the claimed part; empty when it was no longer queued (another node claimed it, or it was cancelled)
     * @throws StorageNotFoundException when the machine is not a target of the task
     */
    public Optional<TaskTarget> claimTarget(TaskId id, MachineId machineId, String node, String ticket) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(node, "node");
        return scope.withConnection("claiming task " + id + " on " + machineId + " for node " + node, connection -> {
            String sql = "UPDATE server_task_targets SET state = 'RUNNING', started = ?, ticket = ?, claimed_by = ? "
                    + "WHERE task_id = ? AND machine_id = ? AND state = 'QUEUED' AND EXISTS (SELECT 1 FROM server_tasks "
                    + "WHERE id = ? AND state IN " + UNFINISHED + " AND cancel_requested = FALSE)";
            Instant now = clock.instant();
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                Columns.setInstant(update, 1, now);
                update.setString(2, ticket);
                update.setString(3, node);
                update.setLong(4, id.value());
                update.setLong(5, machineId.value());
                update.setLong(6, id.value());
                if (update.executeUpdate() == 0) {
                    requireTarget(connection, id, machineId);
                    return Optional.empty();
                }
            }
            try (PreparedStatement start = connection.prepareStatement(
                    "UPDATE server_tasks SET state = 'RUNNING', started = ? WHERE id = ? AND state = 'QUEUED'")) {
                Columns.setInstant(start, 1, now);
                start.setLong(2, id.value());
                start.executeUpdate();
            }
            return Optional.of(requireTarget(connection, id, machineId));
        });
    }

    /**
     * Finishes the task if no machine part of it is queued or running any more: CANCELLED if it was cancelled,
     * SUCCEEDED if every part succeeded, FAILED otherwise, with the machines it failed on as the reason. Safe when
     * several nodes call it at once: one finishes it, the others get empty.
     *
     * @return the task as this call finished it; empty when parts are still unfinished or it had already finished
     */
    public Optional<Task> finishIfComplete(TaskId id) {
        Objects.requireNonNull(id, "id");
        return scope.withConnection("finishing task " + id + " if every machine is done",
                connection -> finishIfComplete(connection, id));
    }

    /**
     * Fails the running machine parts a node had claimed, when that node stopped without finishing them (it crashed,
     * or lost the database for longer than its work could wait).
     *
     * @return the tasks that had such parts; call {@link #finishIfComplete} on each
     */
    public List<TaskId> abandonClaimsOf(String node, String reason) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(reason, "reason");
        return scope.withConnection("failing the work node " + node + " left unfinished", connection -> {
            List<TaskId> tasks = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT task_id FROM server_task_targets "
                    + "WHERE claimed_by = ? AND state = 'RUNNING' ORDER BY task_id")) {
                select.setString(1, node);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        tasks.add(new TaskId(rows.getLong(1)));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE server_task_targets SET state = 'FAILED', "
                    + "finished = ?, failure_reason = ? WHERE claimed_by = ? AND state = 'RUNNING'")) {
                Columns.setInstant(update, 1, clock.instant());
                update.setString(2, reason);
                update.setString(3, node);
                update.executeUpdate();
            }
            return List.copyOf(tasks);
        });
    }

    /**
     * Records how a queued or running task ended.
     *
     * @param outcome SUCCEEDED, FAILED or CANCELLED
     * @param failureReason why it failed or was cancelled; null when it succeeded
     * @throws StorageConflictException when the task had already finished
     * @throws StorageNotFoundException when there is no such task
     */
    public Task finish(TaskId id, TaskState outcome, String failureReason) {
        Objects.requireNonNull(id, "id");
        requireFinished(outcome);
        return scope.withConnection("finishing task " + id + " as " + outcome, connection -> {
            String sql = "UPDATE server_tasks SET state = ?, finished = ?, failure_reason = ? WHERE id = ? AND state IN "
                    + UNFINISHED;
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, outcome.name());
                Columns.setInstant(update, 2, clock.instant());
                update.setString(3, failureReason);
                update.setLong(4, id.value());
                if (update.executeUpdate() == 1) {
                    return require(connection, id);
                }
            }
            Task current = require(connection, id);
            throw new StorageConflictException("Task " + id + " already finished as " + current.state()
                    + " and cannot be finished again as " + outcome);
        });
    }

    /**
     * Asks for a task to stop. A queued task is cancelled at once, with its targets; a running one is flagged and its
     * runner stops it and finishes it as CANCELLED; a finished task is left as it is.
     *
     * @return the task after the request
     * @throws StorageNotFoundException when there is no such task
     */
    public Task requestCancel(TaskId id, String requestedBy) {
        Objects.requireNonNull(id, "id");
        String reason = "Cancelled by " + (requestedBy == null || requestedBy.isBlank() ? "a user" : requestedBy.strip());
        return scope.withConnection("cancelling task " + id, connection -> {
            String cancelQueued = "UPDATE server_tasks SET state = 'CANCELLED', finished = ?, cancel_requested = TRUE, "
                    + "failure_reason = ? WHERE id = ? AND state = 'QUEUED'";
            try (PreparedStatement update = connection.prepareStatement(cancelQueued)) {
                Columns.setInstant(update, 1, clock.instant());
                update.setString(2, reason);
                update.setLong(3, id.value());
                if (update.executeUpdate() == 1) {
                    cancelQueuedTargets(connection, id, reason);
                    return require(connection, id);
                }
            }
            try (PreparedStatement flag = connection.prepareStatement(
                    "UPDATE server_tasks SET cancel_requested = TRUE WHERE id = ? AND state = 'RUNNING'")) {
                flag.setLong(1, id.value());
                if (flag.executeUpdate() == 1) {
                    cancelQueuedTargets(connection, id, reason);
                    finishIfComplete(connection, id);
                }
            }
            return require(connection, id);
        });
    }

    /**
     * Records how the task ended on one machine.
     *
     * @param outcome SUCCEEDED, FAILED or CANCELLED
     * @param exitCode the script's exit code, or null when there is none (a health check, or the script never ran)
     * @throws StorageConflictException when that machine's part had already finished
     * @throws StorageNotFoundException when the machine is not a target of the task
     */
    public TaskTarget finishTarget(TaskId id, MachineId machineId, TaskState outcome, Integer exitCode,
            String failureReason) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(machineId, "machineId");
        requireFinished(outcome);
        return scope.withConnection("finishing task " + id + " on " + machineId, connection -> {
            String sql = "UPDATE server_task_targets SET state = ?, exit_code = ?, finished = ?, failure_reason = ? "
                    + "WHERE task_id = ? AND machine_id = ? AND state IN " + UNFINISHED;
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, outcome.name());
                Columns.setNullableInt(update, 2, exitCode);
                Columns.setInstant(update, 3, clock.instant());
                update.setString(4, failureReason);
                update.setLong(5, id.value());
                update.setLong(6, machineId.value());
                if (update.executeUpdate() == 1) {
                    return requireTarget(connection, id, machineId);
                }
            }
            TaskTarget current = requireTarget(connection, id, machineId);
            throw new StorageConflictException("Task " + id + " on " + current.machineName() + " already finished as "
                    + current.state() + " and cannot be finished again as " + outcome);
        });
    }

    private static void insertTarget(Connection connection, TaskId id, MachineId machine) throws SQLException {
        String sql = "INSERT INTO server_task_targets (task_id, machine_id, machine_name, state) "
                + "SELECT ?, id, name, 'QUEUED' FROM machines WHERE id = ?";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, id.value());
            insert.setLong(2, machine.value());
            if (insert.executeUpdate() == 0) {
                throw new StorageNotFoundException("Cannot queue a task on " + machine + ": no such machine is "
                        + "registered. List the machines and try again with their current ids");
            }
        }
    }

    private Optional<Task> finishIfComplete(Connection connection, TaskId id) throws SQLException {
        Task task = require(connection, id);
        if (task.state().isFinished()) {
            return Optional.empty();
        }
        List<TaskTarget> targets = targetsOf(connection, id);
        if (targets.stream().anyMatch(target -> !target.state().isFinished())) {
            return Optional.empty();
        }
        List<String> failedOn = targets.stream().filter(target -> target.state() == TaskState.FAILED)
                .map(TaskTarget::machineName).toList();
        TaskState outcome;
        String reason;
        if (task.cancelRequested() || targets.stream().anyMatch(target -> target.state() == TaskState.CANCELLED)) {
            outcome = TaskState.CANCELLED;
            reason = targets.stream().map(TaskTarget::failureReason).filter(Objects::nonNull)
                    .filter(text -> text.startsWith("Cancelled")).findFirst().orElse("Cancelled");
        } else if (failedOn.isEmpty()) {
            outcome = TaskState.SUCCEEDED;
            reason = null;
        } else {
            outcome = TaskState.FAILED;
            reason = "Failed on " + failedOn.size() + " of " + targets.size() + " machine(s): "
                    + String.join(", ", failedOn) + ". Read the task log for each machine's reason.";
        }
        String sql = "UPDATE server_tasks SET state = ?, finished = ?, failure_reason = ? WHERE id = ? AND state IN "
                + UNFINISHED;
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, outcome.name());
            Columns.setInstant(update, 2, clock.instant());
            update.setString(3, reason);
            update.setLong(4, id.value());
            return update.executeUpdate() == 1 ? Optional.of(require(connection, id)) : Optional.empty();
        }
    }

    private static List<TaskTarget> targetsOf(Connection connection, TaskId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_TARGET
                + "WHERE task_id = ? ORDER BY machine_name, machine_id")) {
            select.setLong(1, id.value());
            return readTargets(select);
        }
    }

    private void cancelQueuedTargets(Connection connection, TaskId id, String reason) throws SQLException {
        String sql = "UPDATE server_task_targets SET state = 'CANCELLED', finished = ?, failure_reason = ? "
                + "WHERE task_id = ? AND state = 'QUEUED'";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            Columns.setInstant(update, 1, clock.instant());
            update.setString(2, reason);
            update.setLong(3, id.value());
            update.executeUpdate();
        }
    }

    private static void requireFinished(TaskState outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (!outcome.isFinished()) {
            throw new IllegalArgumentException("A task finishes as SUCCEEDED, FAILED or CANCELLED, not " + outcome);
        }
    }

    private static Task require(Connection connection, TaskId id) throws SQLException {
        return find(connection, id).orElseThrow(() -> new StorageNotFoundException("There is no task " + id
                + "; list the tasks to find its id"));
    }

    private static Optional<Task> find(Connection connection, TaskId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_TASK + "WHERE id = ?")) {
            select.setLong(1, id.value());
            return readTasks(select).stream().findFirst();
        }
    }

    private static TaskTarget requireTarget(Connection connection, TaskId id, MachineId machineId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_TARGET + "WHERE task_id = ? AND machine_id = ?")) {
            select.setLong(1, id.value());
            select.setLong(2, machineId.value());
            return readTargets(select).stream().findFirst().orElseThrow(() -> new StorageNotFoundException(
                    "Task " + id + " does not run on " + machineId + "; read the task's targets to see its machines"));
        }
    }

    private static List<Task> readTasks(PreparedStatement select) throws SQLException {
        List<Task> tasks = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tasks.add(new Task(
                        new TaskId(rows.getLong("id")),
                        TaskKind.valueOf(rows.getString("kind")),
                        TaskState.valueOf(rows.getString("state")),
                        rows.getString("description"),
                        rows.getString("requested_by"),
                        rows.getString("payload"),
                        Columns.getInstant(rows, "created"),
                        Columns.getInstant(rows, "started"),
                        Columns.getInstant(rows, "finished"),
                        rows.getBoolean("cancel_requested"),
                        rows.getString("failure_reason")));
            }
        }
        return List.copyOf(tasks);
    }

    private static List<TaskTarget> readTargets(PreparedStatement select) throws SQLException {
        List<TaskTarget> targets = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                targets.add(new TaskTarget(
                        new TaskId(rows.getLong("task_id")),
                        new MachineId(rows.getLong("machine_id")),
                        rows.getString("machine_name"),
                        TaskState.valueOf(rows.getString("state")),
                        rows.getString("ticket"),
                        Columns.getNullableInt(rows, "exit_code"),
                        Columns.getInstant(rows, "started"),
                        Columns.getInstant(rows, "finished"),
                        rows.getString("failure_reason"),
                        rows.getString("claimed_by")));
            }
        }
        return List.copyOf(targets);
    }
}
