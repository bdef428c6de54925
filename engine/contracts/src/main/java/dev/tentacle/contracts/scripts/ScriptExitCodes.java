package dev.tentacle.contracts.scripts;

/**
 * Exit codes the agent reports when a script did not run to its own end. They are negative so that they never clash
 * with a process's exit code, and they match the values Octopus Tentacle uses.
 */
public final class ScriptExitCodes {
    /** Reported while a script is starting or running; the exit code means nothing until the state is COMPLETE. */
    public static final int RUNNING = 0;
    /** The agent could not start the script (the shell is missing, or the workspace could not be written). */
    public static final int FATAL = -41;
    /** The script was cancelled and its process tree stopped. */
    public static final int CANCELED = -43;
    /** The script did not get its isolation mutex within the isolation timeout, so it never ran. */
    public static final int TIMEOUT = -44;
    /** The agent knows no script with this ticket: never started here, or completed and cleaned up long ago. */
    public static final int UNKNOWN_SCRIPT = -45;
    /** The agent restarted while the script was starting or running, so its exit code is not known. */
    public static final int UNKNOWN_RESULT = -46;

    private ScriptExitCodes() {
    }
}
