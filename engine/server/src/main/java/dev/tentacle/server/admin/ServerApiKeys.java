package dev.tentacle.server.admin;

import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.apikeys.CreatedApiKey;
import java.util.Objects;

/** API keys of a server instance, created as {@code octopus-server create-api-key} does. */
public final class ServerApiKeys {
    /** The name the setup gives the first key, the administrator's. */
    public static final String ADMINISTRATOR_KEY_NAME = "Administrator";
    /** What to tell whoever sees a new key. */
    public static final String SHOWN_ONCE = "This API key is shown only once and cannot be shown again: store it"
            + " somewhere safe now.";

    private ServerApiKeys() {
    }

    /**
     * Creates a key in the instance's storage. The result holds the plain key, which exists nowhere else: show it
     * once, never log it.
     *
     * @throws dev.tentacle.server.storage.StorageUnavailableException when the database cannot be reached
     */
    public static CreatedApiKey create(ServerInstance instance, String name) {
        Objects.requireNonNull(instance, "instance");
        try (Storage storage = instance.openStorage()) {
            return storage.apiKeys().create(name);
        }
    }
}
