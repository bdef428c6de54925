package dev.tentacle.servermanager;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The open storage of each server instance the app works on, opened on first use (which migrates its schema) and
 * shared by every screen, so that the machines table, the health checks and the scripts of one instance use one
 * connection pool. The embedded H2 database is shared with a running service (decision 0009), so the app reads and
 * queues work while the service runs. Closed when the app stops, or for one instance when it is deleted.
 */
public final class ServerStorages implements AutoCloseable {
    private final Map<Path, Storage> open = new HashMap<>();

    /**
     * The instance's storage, opened when first asked for.
     *
     * @throws dev.tentacle.server.storage.StorageUnavailableException when its database cannot be reached
     */
    public synchronized Storage storage(ServerInstance instance) {
        Objects.requireNonNull(instance, "instance");
        Storage storage = open.get(instance.configFile());
        if (storage == null) {
            storage = instance.openStorage();
            open.put(instance.configFile(), storage);
        }
        return storage;
    }

    /** Closes the instance's storage if it is open, before the instance or its database is deleted. */
    public synchronized void close(ServerInstance instance) {
        Storage storage = open.remove(instance.configFile());
        if (storage != null) {
            storage.close();
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Storage::close);
        open.clear();
    }
}
