package dev.tentacle.contracts.scripts;

import dev.tentacle.comms.Idempotent;

/**
 * Runs scripts on the agent, version 2: the caller issues the ticket, so every call can be retried after a network
 * failure without running a script twice (Octopus's "Tentacle Communication Resiliency").
 * <ul>
 *   <li>{@link #startScript} with a ticket the agent already knows does not run the script again; it answers with
 *       that run's current status, even after the run was completed.</li>
 *   <li>{@link #completeScript} repeated answers as the first call did, for a retention period (one day by
 *       default) after which the ticket is forgotten.</li>
 * </ul>
 */
public interface ScriptServiceV2 {
    /** Starts the script under the caller's ticket, once; answers with its status and first log page. */
    @Idempotent
    ScriptStatusResponse startScript(StartScriptCommandV2 command);

    /** The state and the next page of the log; see {@link ScriptStatusResponse} for paging. */
    @Idempotent
    ScriptStatusResponse getStatus(ScriptStatusRequest request);

    /** Cancels the script and answers at once; the state turns COMPLETE when its process tree has stopped. */
    @Idempotent
    ScriptStatusResponse cancelScript(CancelScriptCommand command);

    /** Returns the final status and log page, and deletes the script's workspace (cancelling it first if it runs). */
    @Idempotent
    ScriptStatusResponse completeScript(CompleteScriptCommand command);
}
