package dev.tentacle.server.storage.tasks;

import dev.tentacle.server.storage.StorageNotFoundException;
import dev.tentacle.server.storage.internal.Columns;
import dev.tentacle.server.storage.internal.ConnectionScope;
import dev.tentacle.server.storage.machines.MachineId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Task logs, streamed into the database as they arrive and read back page by page after a sequence number.
 *
 * <p>Sequence numbers come from a counter on the task's row, which {@link #append} increments in its transaction. The
 * row lock serializes appenders of one task until they commit, so lines become visible in sequence order and a reader
 * that pages "after N" never skips a line that commits later.
 */
public final class TaskLogRepository {

    /** Longer lines are split into several lines of at most this many characters, so nothing is lost. */
    public static final int MAXIMUM_LINE_LENGTH = 65_536;
    public static final int MAXIMUM_PAGE_SIZE = 10_000;

    private final ConnectionScope scope;

    /** Created by {@code Storage}; use {@code storage.taskLogs()} or {@code tx.taskLogs()}. */
    public TaskLogRepository(ConnectionScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Appends lines to a task's log, numbering them after the lines already there.
     *
     * @return the stored lines with their sequence numbers
     * @throws StorageNotFoundException when there is no such task
     */
    public List<TaskLogLine> append(TaskId taskId, List<NewTaskLogLine> lines) {
        Objects.requireNonNull(taskId, "taskId");
        List<NewTaskLogLine> pieces = split(Objects.requireNonNull(lines, "lines"));
        if (pieces.isEmpty()) {
            return List.of();
        }
        return scope.withConnection("appending " + pieces.size() + " log line(s) to task " + taskId, connection -> {
            long first = reserveSequences(connection, taskId, pieces.size());
            List<TaskLogLine> stored = new ArrayList<>(pieces.size());
            String sql = "INSERT INTO server_task_logs (task_id, seq, machine_id, logged_at, source, line_text) "
                    + "VALUES (?, ?, ?, ?, ?, ?)";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < pieces.size(); i++) {
                    NewTaskLogLine line = pieces.get(i);
                    long sequence = first + i;
                    insert.setLong(1, taskId.value());
                    insert.setLong(2, sequence);
                    Columns.setNullableLong(insert, 3, line.machineId() == null ? null : line.machineId().value());
                    Columns.setInstant(insert, 4, line.time());
                    insert.setString(5, line.source().name());
                    insert.setString(6, line.text());
                    insert.addBatch();
                    stored.add(new TaskLogLine(taskId, sequence, line.machineId(), line.time(), line.source(), line.text()));
                }
                insert.executeBatch();
            }
            return List.copyOf(stored);
        });
    }

    /**
     * Up to {@code limit} lines of the task's log with a sequence above {@code afterSequence}; start with 0.
     *
     * @throws StorageNotFoundException when there is no such task
     */
    public TaskLogPage read(TaskId taskId, long afterSequence, int limit) {
        return read(taskId, null, afterSequence, limit);
    }

    /**
     * Like {@link #read(TaskId, long, int)}, but only the lines about one machine; sequence numbers stay those of the
     * whole task's log.
     */
    public TaskLogPage read(TaskId taskId, MachineId machineId, long afterSequence, int limit) {
        Objects.requireNonNull(taskId, "taskId");
        if (afterSequence < 0) {
            throw new IllegalArgumentException("Read a task log after sequence 0 or later, not " + afterSequence);
        }
        if (limit < 1 || limit > MAXIMUM_PAGE_SIZE) {
            throw new IllegalArgumentException("A task log page holds 1 to " + MAXIMUM_PAGE_SIZE + " lines, not " + limit);
        }
        return scope.withConnection("reading the log of task " + taskId, connection -> {
            requireTask(connection, taskId);
            String sql = "SELECT seq, machine_id, logged_at, source, line_text FROM server_task_logs "
                    + "WHERE task_id = ? AND seq > ?" + (machineId == null ? "" : " AND machine_id = ?")
                    + " ORDER BY seq LIMIT ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int index = 1;
                select.setLong(index++, taskId.value());
                select.setLong(index++, afterSequence);
                if (machineId != null) {
                    select.setLong(index++, machineId.value());
                }
                // One row more than asked tells whether there is a next page without a second query.
                select.setInt(index, limit + 1);
                List<TaskLogLine> lines = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Long machine = Columns.getNullableLong(rows, "machine_id");
                        lines.add(new TaskLogLine(taskId, rows.getLong("seq"),
                                machine == null ? null : new MachineId(machine),
                                Columns.getInstant(rows, "logged_at"),
                                TaskLogSource.valueOf(rows.getString("source")),
                                rows.getString("line_text")));
                    }
                }
                boolean more = lines.size() > limit;
                List<TaskLogLine> page = more ? lines.subList(0, limit) : lines;
                long next = page.isEmpty() ? afterSequence : page.getLast().sequence();
                return new TaskLogPage(page, next, more);
            }
        });
    }

    private static long reserveSequences(Connection connection, TaskId taskId, int count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE server_tasks SET last_log_seq = last_log_seq + ? WHERE id = ?")) {
            update.setInt(1, count);
            update.setLong(2, taskId.value());
            if (update.executeUpdate() == 0) {
                throw noSuchTask(taskId);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT last_log_seq FROM server_tasks WHERE id = ?")) {
            select.setLong(1, taskId.value());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) - count + 1;
            }
        }
    }

    private static void requireTask(Connection connection, TaskId taskId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM server_tasks WHERE id = ?")) {
            select.setLong(1, taskId.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw noSuchTask(taskId);
                }
            }
        }
    }

    private static List<NewTaskLogLine> split(List<NewTaskLogLine> lines) {
        List<NewTaskLogLine> pieces = new ArrayList<>(lines.size());
        for (NewTaskLogLine line : lines) {
            String text = line.text();
            if (text.length() <= MAXIMUM_LINE_LENGTH) {
                pieces.add(line);
                continue;
            }
            int start = 0;
            while (start < text.length()) {
                int end = Math.min(text.length(), start + MAXIMUM_LINE_LENGTH);
                // Never cut a surrogate pair in half.
                if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--;
                }
                pieces.add(new NewTaskLogLine(line.machineId(), line.time(), line.source(), text.substring(start, end)));
                start = end;
            }
        }
        return pieces;
    }

    private static StorageNotFoundException noSuchTask(TaskId taskId) {
        return new StorageNotFoundException("There is no task " + taskId + "; list the tasks to find its id");
    }
}
