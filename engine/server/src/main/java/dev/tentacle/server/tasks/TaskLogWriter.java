package dev.tentacle.server.tasks;

import dev.tentacle.server.storage.Repositories;
import dev.tentacle.server.storage.tasks.NewTaskLogLine;
import dev.tentacle.server.storage.tasks.TaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes a task's log lines to the database on a thread of its own. The threads that run scripts may be interrupted
 * to cancel them, and an interrupt during database file I/O can close an embedded H2 database; so they only hand
 * lines over, and this writer, which is never interrupted, stores them in order.
 */
public final class TaskLogWriter implements AutoCloseable {
    private static final NewTaskLogLine END = NewTaskLogLine.server(java.time.Instant.EPOCH, "end");

    private final Repositories storage;
    private final TaskId task;
    private final LinkedBlockingQueue<NewTaskLogLine> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    public TaskLogWriter(Repositories storage, TaskId task) {
        this.storage = storage;
        this.task = task;
        this.writer = Thread.ofVirtual().name("task-log-" + task).start(this::drain);
    }

    public void add(NewTaskLogLine line) {
        queue.add(line);
    }

    private void drain() {
        boolean ended = false;
        while (!ended) {
            List<NewTaskLogLine> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            ended = batch.remove(END);
            if (!batch.isEmpty()) {
                storage.taskLogs().append(task, batch);
            }
        }
    }

    /** Waits until every line handed over has been stored. */
    @Override
    public void close() {
        queue.add(END);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
