package dev.tentacle.instances.service.windows;

import java.time.Duration;

/** The work a Windows service does, as {@link ServiceControlHandler#run} drives it. */
public interface ServiceBody {
    /** Starts the work and returns once it runs; an exception means it could not start. */
    void start() throws Exception;

    /**
     * Waits up to {@code timeout} for the work to end.
     *
     * @return true once it has ended
     */
    boolean awaitStop(Duration timeout) throws InterruptedException;

    /** Asks the work to end. Called on the service control manager's thread, so it must return at once. */
    void requestStop();
}
