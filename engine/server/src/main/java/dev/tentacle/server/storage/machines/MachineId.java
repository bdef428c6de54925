package dev.tentacle.server.storage.machines;

import dev.tentacle.server.storage.internal.EntityIds;

/** A machine's id; shown as {@code Machines-<n>}, as Octopus does. */
public record MachineId(long value) {

    public static final String PREFIX = "Machines-";

    public MachineId {
        EntityIds.requirePositive(PREFIX, value);
    }

    /** Reads {@code Machines-12} or {@code 12}. */
    public static MachineId parse(String text) {
        return new MachineId(EntityIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return PREFIX + value;
    }
}
