package dev.tentacle.manager.wizard.install;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.registration.Registration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SetupInstaller} that succeeded made.
 *
 * @param instance the new instance
 * @param thumbprints its certificate's thumbprints, for the server to trust
 * @param registration for polling, the machine registered on the server and the server trusted
 * @param notes what the user still has to do (start the Tentacle by hand, add a firewall rule)
 */
public record InstalledTentacle(TentacleInstance instance, CertificateThumbprints thumbprints,
        Optional<Registration> registration, List<String> notes) {
    public InstalledTentacle {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(thumbprints, "thumbprints");
        Objects.requireNonNull(registration, "registration");
        notes = List.copyOf(notes);
    }
}
