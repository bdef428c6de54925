package dev.tentacle.server.storage.tasks;

/** Who wrote a task log line. */
public enum TaskLogSource {
    /** The server itself: connecting, retrying, the task's outcome. */
    SERVER,
    /** The script's standard output on a Tentacle. */
    STDOUT,
    /** The script's standard error on a Tentacle. */
    STDERR,
    /** The Tentacle about the run: waiting for a mutex, cancellation, a restart of the agent. */
    DEBUG
}
