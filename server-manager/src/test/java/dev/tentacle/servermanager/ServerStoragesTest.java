package dev.tentacle.servermanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStoragesTest {
    @TempDir
    Path root;

    private ServerManagerFixture fixture;

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void eachInstanceIsOpenedOnceAndReopenedAfterItWasClosed() {
        fixture = new ServerManagerFixture(root);
        ServerInstance main = fixture.createServer("Main");
        ServerInstance other = fixture.createServer("Other");
        ServerStorages storages = new ServerStorages();
        try {
            Storage first = storages.storage(main);
            assertThat(storages.storage(main)).isSameAs(first);
            assertThat(storages.storage(other)).isNotSameAs(first);

            storages.close(main);

            Storage reopened = storages.storage(main);
            assertThat(reopened).isNotSameAs(first);
            assertThat(reopened.machines().list(dev.tentacle.server.storage.machines.MachineFilter.all())).isEmpty();
        } finally {
            storages.close();
        }
    }
}
