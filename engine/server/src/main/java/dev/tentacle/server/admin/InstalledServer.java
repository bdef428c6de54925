package dev.tentacle.server.admin;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.server.storage.apikeys.CreatedApiKey;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ServerSetup} that succeeded made.
 *
 * @param instance the new instance
 * @param thumbprints its certificate's thumbprints, which Tentacles trust
 * @param apiKey the administrator's API key: its plain text exists only here, so show it once and never log it (its
 *     {@code toString} leaves it out)
 * @param notes what the user still has to do, such as starting the server by hand
 */
public record InstalledServer(ServerInstance instance, CertificateThumbprints thumbprints, CreatedApiKey apiKey,
        List<String> notes) {
    public InstalledServer {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(thumbprints, "thumbprints");
        Objects.requireNonNull(apiKey, "apiKey");
        notes = List.copyOf(notes);
    }
}
