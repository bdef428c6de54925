package dev.tentacle.contracts.scripts;

import java.util.Objects;

/**
 * Asks for a script's state and the log lines after {@code lastLogSequence}.
 *
 * @param ticket the script run
 * @param lastLogSequence the last sequence already received: 0 at first, then the previous response's
 *     {@link ScriptStatusResponse#nextLogSequence()}
 */
public record ScriptStatusRequest(ScriptTicket ticket, long lastLogSequence) {
    public ScriptStatusRequest {
        Objects.requireNonNull(ticket, "ticket");
        LogSequences.requireValid(lastLogSequence);
    }
}
