package dev.tentacle.server.machines;

import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.server.storage.Repositories;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachinePolicy;

/** The machine policy that governs a machine, and what it says about calls to it. */
public final class MachinePolicies {
    private MachinePolicies() {
    }

    /** The machine's policy; the default policy when its policy was removed meanwhile. */
    public static MachinePolicy of(Repositories storage, Machine machine) {
        return storage.machinePolicies().findByName(machine.policyName())
                .orElseGet(() -> storage.machinePolicies().defaultPolicy());
    }

    /** How calls to the machine are retried: the policy's RPC retry duration, or no retry when it turns them off. */
    public static RetryPolicy retryPolicyOf(Repositories storage, Machine machine) {
        return of(storage, machine).retryPolicy();
    }
}
