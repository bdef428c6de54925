package dev.tentacle.contracts.scripts;

/** Where a script run is: waiting for its mutex or being launched, running, or finished (with an exit code). */
public enum ProcessState {
    STARTING,
    RUNNING,
    COMPLETE
}
