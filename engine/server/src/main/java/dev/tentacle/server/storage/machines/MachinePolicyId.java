package dev.tentacle.server.storage.machines;

import dev.tentacle.server.storage.internal.EntityIds;

/** A machine policy's id; shown as {@code MachinePolicies-<n>}. */
public record MachinePolicyId(long value) {

    public static final String PREFIX = "MachinePolicies-";

    public MachinePolicyId {
        EntityIds.requirePositive(PREFIX, value);
    }

    /** Reads {@code MachinePolicies-2} or {@code 2}. */
    public static MachinePolicyId parse(String text) {
        return new MachinePolicyId(EntityIds.parse(PREFIX, text));
    }

    @Override
    public String toString() {
        return PREFIX + value;
    }
}
