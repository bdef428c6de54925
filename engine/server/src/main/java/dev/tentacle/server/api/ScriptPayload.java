package dev.tentacle.server.api;

/** What a script task stores for its runner, as JSON in the task's payload. */
record ScriptPayload(String scriptBody, ScriptSyntax syntax) {
}
