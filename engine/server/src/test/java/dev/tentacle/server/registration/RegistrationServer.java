package dev.tentacle.server.registration;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.api.ApiServer;
import dev.tentacle.server.api.ApiServerSettings;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageConfiguration;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.nio.file.Path;
import java.time.Duration;

/** A real Octopus Server API over real storage, on a free loopback port, with an API key. */
final class RegistrationServer implements AutoCloseable {
    final CertificateIdentity identity = CertificateFixtures.server();
    final Storage storage;
    final ApiServer api;
    final String apiKey;
    final int pollingPort;

    /** Over an H2 database in the directory. */
    RegistrationServer(Path directory, int pollingPort) {
        this(Storage.open(StorageConfiguration.h2In(directory.resolve("database"), null, null)
                .withConnectionTimeout(Duration.ofSeconds(2))), pollingPort);
    }

    /** Over this storage, which it closes. */
    RegistrationServer(Storage storage, int pollingPort) {
        this.storage = storage;
        this.pollingPort = pollingPort;
        api = ApiServer.start(storage, new ApiServerSettings(identity, "127.0.0.1", 0, pollingPort));
        apiKey = storage.apiKeys().create("register-with tests").plainKey();
    }

    String url() {
        return "https://127.0.0.1:" + api.port() + "/";
    }

    CertificateThumbprints thumbprints() {
        return identity.thumbprints();
    }

    @Override
    public void close() {
        api.close();
        storage.close();
    }
}
