package dev.tentacle.contracts.scripts;

/** Where a log line came from: the script's standard output, its standard error, or the agent itself. */
public enum ProcessOutputSource {
    STDOUT,
    STDERR,
    /** A line the agent wrote about the run: waiting for a mutex, cancellation, a restart of the agent. */
    DEBUG
}
