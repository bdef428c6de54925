package dev.tentacle.server.api;

import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageConfiguration;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.nio.file.Path;
import java.time.Duration;

/** A storage on a temporary H2 database, the API over it on a free port, an API key and a pinned client. */
final class ApiTestServer implements AutoCloseable {

    final CertificateIdentity identity = CertificateFixtures.server();
    final Storage storage;
    final ApiServer server;
    final String apiKey;
    final ApiTestClient client;

    ApiTestServer(Path directory) {
        storage = Storage.open(StorageConfiguration.h2In(directory.resolve("database"), null, null)
                .withConnectionTimeout(Duration.ofSeconds(2)));
        server = ApiServer.start(storage, new ApiServerSettings(identity, "127.0.0.1", 0, 10943));
        apiKey = storage.apiKeys().create("api tests").plainKey();
        client = new ApiTestClient(identity.certificate(), server.port(), apiKey);
    }

    @Override
    public void close() {
        server.close();
        storage.close();
    }
}
