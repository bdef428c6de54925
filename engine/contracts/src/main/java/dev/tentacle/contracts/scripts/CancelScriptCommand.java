package dev.tentacle.contracts.scripts;

import java.util.Objects;

/**
 * Cancels a script: a script waiting for its mutex never starts; a running one has its whole process tree stopped.
 * The answer carries the log lines after {@code lastLogSequence}.
 */
public record CancelScriptCommand(ScriptTicket ticket, long lastLogSequence) {
    public CancelScriptCommand {
        Objects.requireNonNull(ticket, "ticket");
        LogSequences.requireValid(lastLogSequence);
    }
}
