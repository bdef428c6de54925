package dev.tentacle.server.api;

import java.util.List;

/**
 * The body of {@code POST /api/tasks/script}: which machines (ids, or a role and/or environment) and the script.
 *
 * @param syntax BASH, POWERSHELL or CMD
 */
public record ScriptTaskRequest(List<String> machineIds, String role, String environment, String scriptBody,
        String syntax) {
}
