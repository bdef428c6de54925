package dev.tentacle.tentacle.scripts;

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
