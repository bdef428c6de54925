package dev.tentacle.server.storage.tasks;

/** What a server task does on its machines. */
public enum TaskKind {
    HEALTH_CHECK, SCRIPT
}
