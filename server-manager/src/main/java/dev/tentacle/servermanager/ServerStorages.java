package dev.tentacle.servermanager;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open storage of each server instance the app works on, opened on first use (which migrates its schema) and
 * shared by every screen, so that the machines table, the health checks and the scripts of one instance use one
 * connection pool. The embedded H2 database is shared with a running service (decision 0009), so the app reads and
 * queues work while the service runs. Closed when the app stops, or for one instance when it is deleted.
 */
public final class ServerStorages implements AutoCloseable {
    /** One slot per instance, so that a database that is slow to answer holds up only its own instance's callers. */
    private final Map<Path, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        private Storage storage;
        private boolean closed;

        synchronized Storage open(ServerInstance instance) {
            if (closed) {
                throw new IllegalStateException("The storage of the instance '" + instance.name() + "' was closed"
                        + " while it was being opened (the instance is being deleted, or the app is stopping).");
            }
            if (storage == null) {
                storage = instance.openStorage();
            }
            return storage;
        }

        synchronized void close() {
            closed = true;
            if (storage != null) {
                storage.close();
                storage = null;
            }
        }
    }

    /**
     * The instance's storage, opened when first asked for. Callers for the same instance wait for one open; callers
     * for other instances do not.
     *
     * @throws dev.tentacle.server.storage.StorageUnavailableException when its database cannot be reached
     */
    public Storage storage(ServerInstance instance) {
        Objects.requireNonNull(instance, "instance");
        return slots.computeIfAbsent(instance.configFile(), file -> new Slot()).open(instance);
    }

    /** Closes the instance's storage if it is open, before the instance or its database is deleted. */
    public void close(ServerInstance instance) {
        Slot slot = slots.remove(instance.configFile());
        if (slot != null) {
            slot.close();
        }
    }

    @Override
    public void close() {
        for (Path file : List.copyOf(slots.keySet())) {
            Slot slot = slots.remove(file);
            if (slot != null) {
                slot.close();
            }
        }
    }
}
