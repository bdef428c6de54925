package dev.tentacle.instances.config;

/** How a trusted server and this Tentacle reach each other. */
public enum CommunicationStyle {
    /** The server connects to this Tentacle, which listens (port 10933 by default). */
    LISTENING,
    /** This Tentacle connects out to the server (port 10943 by default) and asks for work. */
    POLLING
}
