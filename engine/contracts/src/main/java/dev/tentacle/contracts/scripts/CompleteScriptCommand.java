package dev.tentacle.contracts.scripts;

import java.util.Objects;

/**
 * Tells the agent the caller is done with a script: it is cancelled if still running, its final status and the log
 * lines after {@code lastLogSequence} are returned, and its workspace is deleted.
 */
public record CompleteScriptCommand(ScriptTicket ticket, long lastLogSequence) {
    public CompleteScriptCommand {
        Objects.requireNonNull(ticket, "ticket");
        LogSequences.requireValid(lastLogSequence);
    }
}
