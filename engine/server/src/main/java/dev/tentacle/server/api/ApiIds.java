package dev.tentacle.server.api;

import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.tasks.TaskId;

/** Ids read from paths and bodies; a malformed id is a 400 that shows the expected form. */
final class ApiIds {

    private ApiIds() {
    }

    static MachineId machine(String field, String text) {
        try {
            return MachineId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "A machine id looks like Machines-12, was '" + text + "'");
        }
    }

    static TaskId task(String field, String text) {
        try {
            return TaskId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "A task id looks like ServerTasks-7, was '" + text + "'");
        }
    }
}
