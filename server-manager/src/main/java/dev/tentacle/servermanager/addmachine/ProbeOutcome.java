package dev.tentacle.servermanager.addmachine;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.server.admin.PresentedTentacle;
import dev.tentacle.server.admin.TentacleProbeException;
import dev.tentacle.server.storage.machines.Machine;
import java.util.Optional;

/** What connecting to a Tentacle found, for the add screen to show. */
sealed interface ProbeOutcome {
    /**
     * The Tentacle presented its certificate.
     *
     * @param registered a machine already registered with that certificate, if any
     * @param server this server's own thumbprints, for the Tentacle to trust
     */
    record Reached(PresentedTentacle presented, Optional<Machine> registered, CertificateThumbprints server)
            implements ProbeOutcome {
    }

    /** The Tentacle could not be reached, or did not answer as one. */
    record Unreachable(TentacleProbeException failure) implements ProbeOutcome {
    }

    /** The name chosen for the machine is taken; nothing was connected to. */
    record NameTaken(Machine existing) implements ProbeOutcome {
    }
}
