package dev.tentacle.manager.wizard;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.api.ApiServer;
import dev.tentacle.server.api.ApiServerSettings;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageConfiguration;
import dev.tentacle.tentacle.registration.RegisteredMachine;
import dev.tentacle.tentacle.registration.ServerApiAddress;
import dev.tentacle.tentacle.registration.ServerCheck;
import dev.tentacle.tentacle.registration.ServerConnection;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Octopus Server API over real (H2) storage on a free loopback port, with an API key: what a polling Tentacle
 * registers with. Built as engine/server's registration tests build theirs (that test jar is not published).
 */
final class TestOctopusServer implements AutoCloseable {
    static final int POLLING_PORT = 10943;

    final CertificateIdentity identity = CertificateFixtures.server();
    final Storage storage;
    final ApiServer api;
    final String apiKey;

    TestOctopusServer(Path directory) {
        storage = Storage.open(StorageConfiguration.h2In(directory.resolve("database"), null, null)
                .withConnectionTimeout(Duration.ofSeconds(2)));
        api = ApiServer.start(storage, new ApiServerSettings(identity, "127.0.0.1", 0, POLLING_PORT));
        apiKey = storage.apiKeys().create("setup wizard tests").plainKey();
    }

    String url() {
        return "https://127.0.0.1:" + api.port() + "/";
    }

    CertificateThumbprints thumbprints() {
        return identity.thumbprints();
    }

    /** The machines registered now, read through the API as a Tentacle would. */
    List<RegisteredMachine> machines() {
        return new ServerCheck().check(new ServerConnection(ServerApiAddress.parse(url()), apiKey,
                thumbprints().sha256())).machines();
    }

    @Override
    public void close() {
        api.close();
        storage.close();
    }
}
