package dev.tentacle.server.storage.apikeys;

import dev.tentacle.server.storage.internal.EntityIds;

/** An API key's id (not the key itself); shown as {@code APIKeys-<n>}, as Octopus does. */
public record ApiKeyId(long value) {

    public static final String PREFIX = "APIKeys-";

    public ApiKeyId {
        EntityIds.requirePositive(PREFIX, value);
    }

    /** Reads {@code APIKeys-3} or {@code 3}. */
    public static ApiKeyId parse(String text) {
        return new ApiKeyId(EntityIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return PREFIX + value;
    }
}
