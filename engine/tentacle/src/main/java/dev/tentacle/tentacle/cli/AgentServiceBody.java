package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.service.windows.ServiceBody;
import dev.tentacle.tentacle.agent.TentacleAgent;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A Tentacle agent as the work of a Windows service: started by {@code ServiceMain}, closed on a thread of its own
 * when the service control manager sends STOP or SHUTDOWN (its handler must return at once, and closing takes a
 * moment).
 */
final class AgentServiceBody implements ServiceBody {
    private final Callable<TentacleAgent> starter;
    private volatile TentacleAgent agent;

    AgentServiceBody(Callable<TentacleAgent> starter) {
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    @Override
    public void start() throws Exception {
        agent = starter.call();
    }

    @Override
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return running().awaitStop(timeout);
    }

    @Override
    public void requestStop() {
        TentacleAgent toClose = running();
        Thread.ofPlatform().name("tentacle-service-stop").start(toClose::close);
    }

    private TentacleAgent running() {
        TentacleAgent current = agent;
        if (current == null) {
            throw new IllegalStateException("The agent has not started.");
        }
        return current;
    }
}
