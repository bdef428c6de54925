package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptStatusResponse;

/**
 * What a peer that is not this code could send: a service with ScriptServiceV2's wire name whose ticket is any text,
 * past the checks that {@link ScriptTicket} makes when this code builds one.
 */
final class ForgedScriptCalls {
    private ForgedScriptCalls() {
    }

    record Ticket(String value) {
    }

    record Request(Ticket ticket, long lastLogSequence) {
    }

    interface ScriptServiceV2 {
        ScriptStatusResponse getStatus(Request request);
    }
}
