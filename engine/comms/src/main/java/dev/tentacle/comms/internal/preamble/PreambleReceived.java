package dev.tentacle.comms.internal.preamble;

import java.util.Objects;

/**
 * User event fired by {@link ServerPreambleHandler} when a client has introduced itself. The handler has removed
 * itself (or is about to, within the same call); any bytes that followed the line reach the next handler after this
 * event. The receiver decides and answers with {@link ServerPreambleHandler#accept} or
 * {@link ServerPreambleHandler#reject}.
 *
 * @param identity who the client says it is
 */
public record PreambleReceived(Preamble.Identity identity) {
    public PreambleReceived {
        Objects.requireNonNull(identity, "identity");
    }
}
