package dev.tentacle.server.node;

import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.server.storage.Repositories;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the comms runtime trusting exactly the registered machines' thumbprints, so a polling Tentacle registered
 * through any node is accepted by every node, and one removed is refused at its next connection.
 */
final class MachineTrust {
    private final CommsRuntime runtime;
    private final Repositories storage;

    MachineTrust(CommsRuntime runtime, Repositories storage) {
        this.runtime = runtime;
        this.storage = storage;
    }

    /** Reloads the machines from storage; returns whether whom the node trusts changed. */
    boolean refresh() {
        Set<Thumbprint> thumbprints = storage.machines().list(MachineFilter.all()).stream()
                .map(Machine::thumbprint).collect(Collectors.toUnmodifiableSet());
        if (thumbprints.equals(runtime.trust().thumbprints())) {
            return false;
        }
        runtime.trust(TrustList.of(thumbprints));
        return true;
    }
}
