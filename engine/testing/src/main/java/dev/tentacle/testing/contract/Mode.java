package dev.tentacle.testing.contract;

/** The two ways a server and a Tentacle connect. */
public enum Mode {
    /** The Tentacle listens; the server connects to it. */
    LISTENING,
    /** The server listens; the Tentacle connects out and collects queued calls. */
    POLLING
}
