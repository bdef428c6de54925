package dev.tentacle.tentacle.agent;

import dev.tentacle.comms.CommsRuntime;

/** Registers the services an agent hosts on its comms runtime, and releases what they hold when the agent stops. */
public interface AgentServices extends AutoCloseable {
    void registerOn(CommsRuntime.Builder runtime);

    @Override
    default void close() {
    }
}
