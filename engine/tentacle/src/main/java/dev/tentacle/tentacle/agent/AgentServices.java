package dev.tentacle.tentacle.agent;

import dev.tentacle.comms.CommsRuntime;

/** Registers the services an agent hosts on its comms runtime. */
@FunctionalInterface
public interface AgentServices {
    void registerOn(CommsRuntime.Builder runtime);
}
