package dev.tentacle.contracts.scripts;

import java.util.List;
import java.util.Objects;

/**
 * A script's state and one page of its log.
 *
 * <p>Logs come in pages: a response carries the lines after the request's {@code lastLogSequence}, at most a page
 * of them. To read everything, send {@code nextLogSequence} as the next request's {@code lastLogSequence} and keep
 * asking until {@code state} is {@link ProcessState#COMPLETE} and a response carries no lines; only then is the
 * log read to its end.
 *
 * @param ticket the script run
 * @param state where the run is
 * @param exitCode the script's exit code once COMPLETE ({@link ScriptExitCodes} for the agent's own codes);
 *     {@link ScriptExitCodes#RUNNING} before that
 * @param logs the page of log lines, in sequence order
 * @param nextLogSequence the sequence of the last line returned, or the request's {@code lastLogSequence} when
 *     the page is empty
 */
public record ScriptStatusResponse(ScriptTicket ticket, ProcessState state, int exitCode, List<ProcessOutput> logs, long nextLogSequence) {
    public ScriptStatusResponse {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(state, "state");
        logs = logs == null ? List.of() : List.copyOf(logs);
    }
}
