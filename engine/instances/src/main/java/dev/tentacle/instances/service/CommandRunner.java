package dev.tentacle.instances.service;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs external programs ({@code systemctl}, {@code sc.exe}) for the service managers. {@link ProcessCommandRunner}
 * runs real processes; tests put a fake program first on its search path, or record commands instead of running
 * them.
 */
public interface CommandRunner {

    /**
     * Runs the command to completion. A non-zero exit code is a result, not an exception: the caller decides what it
     * means.
     *
     * @throws ServiceManagerException if the program cannot be found or started, does not finish in time, or the
     *     thread is interrupted while waiting
     */
    CommandResult run(Command command);

    /** Where the program would be found, or empty if it is not on the search path. */
    Optional<Path> locate(String program);
}
