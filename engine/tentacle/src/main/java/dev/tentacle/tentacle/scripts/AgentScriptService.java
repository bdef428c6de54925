package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptService;
import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptStatusRequest;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;
import dev.tentacle.contracts.scripts.CancelScriptCommand;
import dev.tentacle.contracts.scripts.CompleteScriptCommand;

import java.util.Objects;

/** ScriptService v1 on the agent: the agent issues a new ticket for every start; the rest is the shared {@link ScriptEngine}. */
public final class AgentScriptService implements ScriptService {
    private final ScriptEngine engine;

    public AgentScriptService(ScriptEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public ScriptTicket startScript(StartScriptCommand command) {
        ScriptTicket ticket = ScriptTicket.newTicket();
        engine.start(ticket, command);
        return ticket;
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
