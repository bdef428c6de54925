package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ProcessState;
import dev.tentacle.contracts.scripts.ScriptExitCodes;

import java.time.Instant;

/**
 * What {@code state.json} in a workspace records, so that a restarted agent still answers for the ticket.
 *
 * @param ticket the ticket text
 * @param state where the run was when last recorded
 * @param exitCode the exit code once COMPLETE
 * @param pid the script's process id once RUNNING, else null
 * @param processStart the process's start time as the OS reports it, to tell it from a later process with the same id
 * @param created when the agent accepted the script
 * @param completed when the run completed, else null
 */
record ScriptState(String ticket, ProcessState state, int exitCode, Long pid, Instant processStart, Instant created, Instant completed) {
    static ScriptState starting(ScriptTicket ticket, Instant now) {
        return new ScriptState(ticket.value(), ProcessState.STARTING, ScriptExitCodes.RUNNING, null, null, now, null);
    }

    ScriptState running(long processId, Instant start) {
        return new ScriptState(ticket, ProcessState.RUNNING, ScriptExitCodes.RUNNING, processId, start, created, null);
    }

    ScriptState complete(int code, Instant now) {
        return new ScriptState(ticket, ProcessState.COMPLETE, code, pid, processStart, created, now);
    }
}
