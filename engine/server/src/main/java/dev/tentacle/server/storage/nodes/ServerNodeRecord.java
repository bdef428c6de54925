package dev.tentacle.server.storage.nodes;

import java.time.Instant;
import java.util.Objects;

/**
 * A server node as it last reported itself.
 *
 * @param commsPort the port its polling Tentacles connect to, or null when it listens for none
 * @param apiUrl where its API answers, or null when it serves none
 */
public record ServerNodeRecord(String name, Instant started, Instant lastSeen, Integer commsPort, String apiUrl) {
    public ServerNodeRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
