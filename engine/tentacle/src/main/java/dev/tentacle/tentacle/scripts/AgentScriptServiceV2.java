package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.contracts.scripts.StartScriptCommandV2;
import dev.tentacle.contracts.scripts.ScriptStatusRequest;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.CancelScriptCommand;
import dev.tentacle.contracts.scripts.CompleteScriptCommand;

import java.util.Objects;

/** ScriptService v2 on the agent: the caller's ticket names the run, so every call may be retried; see {@link ScriptEngine}. */
public final class AgentScriptServiceV2 implements ScriptServiceV2 {
    private final ScriptEngine engine;

    public AgentScriptServiceV2(ScriptEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public ScriptStatusResponse startScript(StartScriptCommandV2 command) {
        Requests.require(command, "start command");
        return engine.start(command.ticket(), command.script());
    }

    @Override
    public ScriptStatusResponse getStatus(ScriptStatusRequest request) {
        Requests.require(request, "status request");
        return engine.status(request.ticket(), request.lastLogSequence());
    }

    @Override
    public ScriptStatusResponse cancelScript(CancelScriptCommand command) {
        Requests.require(command, "cancel command");
        return engine.cancel(command.ticket(), command.lastLogSequence());
    }

    @Override
    public ScriptStatusResponse completeScript(CompleteScriptCommand command) {
        Requests.require(command, "complete command");
        return engine.complete(command.ticket(), command.lastLogSequence());
    }
}
