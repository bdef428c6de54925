package dev.tentacle.server.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import java.io.UncheckedIOException;

/** What a script task stores for its runner, as JSON in the task's payload. */
public record ScriptPayload(String scriptBody, ScriptSyntax syntax) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScriptPayload fromJson(String json) {
        try {
            return JSON.readValue(json, ScriptPayload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The task's script payload cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
