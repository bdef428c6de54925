package dev.tentacle.contracts.scripts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A {@link StartScriptCommand} with the caller's ticket, for {@link ScriptServiceV2}. Sending it again with the same
 * ticket never runs the script a second time. Fields mean what they mean in {@link StartScriptCommand}, with the
 * same defaults for null values.
 */
public record StartScriptCommandV2(ScriptTicket ticket, String scriptBody, ScriptSyntax syntax, ScriptIsolationLevel isolation,
        String isolationMutexName, Duration isolationTimeout, List<String> arguments, List<ScriptFile> files) {

    public StartScriptCommandV2 {
        Objects.requireNonNull(ticket, "ticket: ScriptServiceV2 needs the caller's ticket; issue one with ScriptTicket.newTicket()");
        StartScriptCommand normalized = new StartScriptCommand(scriptBody, syntax, isolation, isolationMutexName, isolationTimeout,
                arguments, files);
        isolation = normalized.isolation();
        isolationMutexName = normalized.isolationMutexName();
        arguments = normalized.arguments();
        files = normalized.files();
    }

    public static StartScriptCommandV2 of(ScriptTicket ticket, StartScriptCommand command) {
        return new StartScriptCommandV2(ticket, command.scriptBody(), command.syntax(), command.isolation(), command.isolationMutexName(),
                command.isolationTimeout(), command.arguments(), command.files());
    }

    /** The command without its ticket. */
    public StartScriptCommand script() {
        return new StartScriptCommand(scriptBody, syntax, isolation, isolationMutexName, isolationTimeout, arguments, files);
    }
}
