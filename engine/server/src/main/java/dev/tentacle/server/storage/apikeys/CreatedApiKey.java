package dev.tentacle.server.storage.apikeys;

import java.util.Objects;

/**
 * A key just created: the only moment its plain text exists. Show it to the person who asked for it, once; the
 * server keeps only a hash. {@link #toString()} leaves the key out so that logging this record does not leak it.
 *
 * @param plainKey {@code API-} followed by 26 base32 characters
 */
public record CreatedApiKey(ApiKey apiKey, String plainKey) {

    public CreatedApiKey {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(plainKey, "plainKey");
    }

    @Override
    public String toString() {
        return "CreatedApiKey[apiKey=" + apiKey + ", plainKey=(shown once, not logged)]";
    }
}
