package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageChannel;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.NewMachine;

/**
 * Registering and removing machines from the command line. Each change is announced on
 * {@link StorageChannel#MACHINES}, so server nodes sharing a PostgreSQL database trust or refuse the Tentacle at once
 * (nodes on an embedded H2 database reload the machines every few seconds).
 */
final class MachineRegistration {
    private MachineRegistration() {
    }

    static Machine add(ServerInstance instance, NewMachine machine) {
        try (Storage storage = instance.openStorage()) {
            Machine added = storage.machines().add(machine);
            storage.notifications().publish(StorageChannel.MACHINES);
            return added;
        }
    }

    static Thumbprint thumbprint(String text) {
        try {
            return Thumbprint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for --thumbprint: " + e.getMessage(), e);
        }
    }
}
