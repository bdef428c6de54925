package dev.tentacle.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigurationTest {
    @TempDir
    Path temp;

    @Test
    void survivesARoundTripThroughItsFile() {
        Path file = temp.resolve("OctopusServer.config.json");
        var configuration = ServerConfiguration.defaults(temp).withCommsListenPort(11000)
                .withWebListen(new WebListenAddress(null, 9443)).withStorageConnectionString("h2:" + temp.resolve("db"));
        ServerConfiguration.store().write(file, configuration);
        assertThat(ServerConfiguration.store().read(file)).isEqualTo(configuration);
    }

    @Test
    void rejectsInvalidValuesWithAClearMessage() {
        var defaults = ServerConfiguration.defaults(temp);
        assertThatThrownBy(() -> defaults.withCommsListenPort(0)).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> defaults.withCommsListenPort(8443)).hasMessageContaining("different ports");
        assertThatThrownBy(() -> defaults.withStorageConnectionString("mysql://x")).hasMessageContaining("jdbc:postgresql");
        assertThatThrownBy(() -> ServerConfiguration.defaults(Path.of("relative"))).hasMessageContaining("absolute");
    }
}
