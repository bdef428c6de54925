package dev.tentacle.server.cli;

/**
 * Decides how a server started by {@code octopus-server run} comes to an end. {@code run} blocks until the server is
 * closed; the lifecycle arranges for someone to close it.
 */
@FunctionalInterface
public interface ServerLifecycle {

    /** Called once the server is up, before {@code run} waits for it to stop. */
    void started(RunningServer server);

    /** Closes the server when the JVM shuts down: on Ctrl+C, or on SIGTERM from systemd. */
    static ServerLifecycle stopOnShutdown() {
        return server -> Runtime.getRuntime().addShutdownHook(new Thread(server::close, "octopus-server-shutdown"));
    }
}
