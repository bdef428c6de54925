package dev.tentacle.contracts.client;

import dev.tentacle.contracts.scripts.ProcessOutput;
import dev.tentacle.contracts.scripts.ScriptTicket;
import java.util.List;

/**
 * The outcome of a script run on an agent.
 *
 * @param ticket the run's ticket
 * @param exitCode the script's exit code (or one of the agent's own codes, see ScriptExitCodes)
 * @param logs every log line, in order
 * @param scriptServiceVersion 2 when the run used ScriptServiceV2 (retried safely), 1 for the v1 fallback
 */
public record ScriptResult(ScriptTicket ticket, int exitCode, List<ProcessOutput> logs, int scriptServiceVersion) {
    public ScriptResult {
        logs = List.copyOf(logs);
    }

    /** The log lines' text, in order. */
    public List<String> lines() {
        return logs.stream().map(ProcessOutput::text).toList();
    }
}
