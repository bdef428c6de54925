package dev.tentacle.server.storage;

/** What changed, as announced to every server node sharing the database. */
public enum StorageChannel {
    /** A task was queued or cancelled: nodes look for work. */
    TASKS("octopus_tasks"),
    /** A machine was registered or removed: nodes reload whom they trust. */
    MACHINES("octopus_machines");

    private final String sqlName;

    StorageChannel(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The PostgreSQL channel name, a plain identifier. */
    public String sqlName() {
        return sqlName;
    }
}
