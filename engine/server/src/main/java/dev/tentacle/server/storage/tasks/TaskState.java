package dev.tentacle.server.storage.tasks;

/** Where a task, or one machine's part of it, stands. A task moves QUEUED → RUNNING → one of the finished states. */
public enum TaskState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** True for SUCCEEDED, FAILED and CANCELLED, which never change again. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
