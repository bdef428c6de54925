package dev.tentacle.servermanager.server;

import java.util.Objects;

/**
 * Whether the server's comms port (where polling Tentacles connect) accepts connections, and whether it is this
 * server that holds it.
 *
 * @param port the configured comms port; 0 while the configuration is not known
 * @param text one line, e.g. "Listening on port 10943"
 * @param detail why, or what to do; empty when there is nothing to add
 */
public record CommsPortStatus(int port, State state, String text, String detail) {

    public enum State {
        CHECKING,
        /** The port accepts connections and a live node of this server reports it as its comms port. */
        LISTENING,
        /** The port accepts connections, but no live node of this server was found to hold it. */
        LISTENING_UNCONFIRMED,
        NOT_LISTENING,
        /** The configuration cannot be read, so the port is not known. */
        UNKNOWN
    }

    public CommsPortStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detail, "detail");
    }

    public static CommsPortStatus checking(int port) {
        return new CommsPortStatus(port, State.CHECKING, "Port " + port + ": checking…", "");
    }

    /** True when something accepts connections on the port. */
    public boolean listening() {
        return state == State.LISTENING || state == State.LISTENING_UNCONFIRMED;
    }

    /** True when the port accepts connections and it is this server's node that holds it. */
    public boolean byThisServer() {
        return state == State.LISTENING;
    }
}
