package dev.tentacle.server.storage.apikeys;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known about an API key: never the key itself, which only its creator saw once.
 *
 * @param name what the key is for, e.g. {@code "tentacle register-with on web01"}
 * @param lastUsed when it last verified successfully, or null if never
 * @param revoked when it was revoked, or null while it is valid
 */
public record ApiKey(ApiKeyId id, String name, Instant created, Instant lastUsed, Instant revoked) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
    }

    public boolean isRevoked() {
        return revoked != null;
    }
}
