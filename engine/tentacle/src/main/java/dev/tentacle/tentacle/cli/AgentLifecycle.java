package dev.tentacle.tentacle.cli;

import dev.tentacle.tentacle.agent.TentacleAgent;

/**
 * Decides how an agent started by {@code tentacle run} comes to an end. {@code run} blocks until the agent is closed;
 * the lifecycle arranges for someone to close it.
 */
@FunctionalInterface
public interface AgentLifecycle {

    /** Called once the agent is up, before {@code run} waits for it to stop. */
    void started(TentacleAgent agent);

    /**
     * Closes the agent when the JVM shuts down: on Ctrl+C, on SIGTERM from systemd, or when Windows stops the service.
     */
    static AgentLifecycle stopOnShutdown() {
        return agent -> Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "tentacle-shutdown"));
    }
}
