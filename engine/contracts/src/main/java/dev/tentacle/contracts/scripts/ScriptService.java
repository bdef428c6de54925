package dev.tentacle.contracts.scripts;

import dev.tentacle.comms.Idempotent;

/**
 * Runs scripts on the agent, version 1: the agent issues the ticket. Because a start that is repeated after a network
 * failure would run the script again, {@link #startScript} is never retried; callers that can should use
 * {@link ScriptServiceV2}, and fall back to this service only for agents whose capabilities lack it.
 */
public interface ScriptService {
    /** Starts the script and returns the ticket the agent issued for it. */
    ScriptTicket startScript(StartScriptCommand command);

    /** The state and the next page of the log; see {@link ScriptStatusResponse} for paging. */
    @Idempotent
    ScriptStatusResponse getStatus(ScriptStatusRequest request);

    /** Cancels the script and answers at once; the state turns COMPLETE when its process tree has stopped. */
    @Idempotent
    ScriptStatusResponse cancelScript(CancelScriptCommand command);

    /** Returns the final status and log page, and deletes the script's workspace (cancelling it first if it runs). */
    ScriptStatusResponse completeScript(CompleteScriptCommand command);
}
